/**
 * The part of the `ws` package (the WebSocket library the Lark SDK itself uses) that the fake's
 * long-connection gateway (and its tests) need. The package ships no types and @types/ws is not installed.
 */
declare module 'ws' {
  import type { IncomingMessage } from 'node:http';
  import type { Duplex } from 'node:stream';

  export class WebSocket {
    constructor(address: string);
    static readonly OPEN: number;
    readonly readyState: number;
    send(data: Uint8Array, cb?: (err?: Error) => void): void;
    close(code?: number, reason?: string): void;
    terminate(): void;
    on(event: 'open', listener: () => void): this;
    on(event: 'message', listener: (data: Buffer, isBinary: boolean) => void): this;
    on(event: 'close', listener: (code: number) => void): this;
    on(event: 'error', listener: (err: Error) => void): this;
  }

  export class WebSocketServer {
    constructor(options: { noServer: true; maxPayload?: number });
    handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, callback: (ws: WebSocket) => void): void;
    close(): void;
  }
}
