/**
 * The long connection (长连接) as the SDK's WSClient meets it [contract §7; SDK ws-client]:
 * - POST /callback/ws/endpoint {AppID, AppSecret} → a connect URL carrying device_id, service_id and a
 *   one-use ticket, and the ClientConfig (seconds) Feishu hands out: ping every 120 s, reconnect
 *   forever every 120 s plus up to 30 s of jitter. Wrong credentials → code 514; over 50 open
 *   connections per app → 1000040350 (both with `data: {}`, the shape the SDK reads without throwing;
 *   the exact bodies are UNCONFIRMED).
 * - the WebSocket carries binary pbbp2 frames (frame-codec.ts). A client `ping` (control) is answered
 *   with a `pong` whose payload is the ClientConfig. An event is a data frame with headers type=event,
 *   message_id, sum, seq, trace_id and the plaintext v2 envelope as payload, split into `sum`
 *   fragments when longer than fragmentBytes; the client acks with the same frame, payload
 *   {"code":200[,"data":base64(JSON answer)]} or {"code":500}.
 * - each event goes to one client of the app (Feishu: "a random one"; here in turn, to stay
 *   deterministic); no ack within the ack timeout is a failure, redelivered like a webhook's.
 * - card callbacks arrive as type=event frames too (event_type card.action.trigger) [contract §7].
 * Feishu's limits here are from "使用长连接接收事件" (server-docs/event-subscription-guide/
 * event-subscription-configure-/request-url-configuration-case): self-built apps only, at most 50
 * connections per app, each event to one random client, 3 s to handle it. The console saves the
 * long-connection choice only while a client is connected; useLongConnection() does not insist.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { PostResult } from '../delivery.js';
import { CONTROL, DATA, decodeFrame, encodeFrame, header, type Frame } from './frame-codec.js';

/** Stands in for the webhook URL when the app subscribes through the long connection. */
export const LONG_CONNECTION = 'feishu-long-connection:';
export const WS_PATH = '/ws/v2';
export const CLIENT_CONFIG = { PingInterval: 120, ReconnectCount: -1, ReconnectInterval: 120, ReconnectNonce: 30 };
const MAX_CONNECTIONS = 50;
const SERVICE_ID = 33554678;

type Ack = { code: number; data?: string };
interface Waiting {
  ws: WebSocket;
  resolve: (a: Ack | 'timeout' | 'closed') => void;
}

export type Gateway = ReturnType<typeof createGateway>;

export function createGateway(opts: { now: () => number; fragmentBytes: number }) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1 << 20 });
  const tickets = new Set<string>();
  const clients: WebSocket[] = [];
  const waiting = new Map<string, Waiting>();
  let seq = 0;
  let turn = 0;
  let pings = 0;

  const send = (ws: WebSocket, f: Frame) => ws.send(encodeFrame(f));

  function onFrame(ws: WebSocket, bytes: Buffer): void {
    let f: Frame;
    try {
      f = decodeFrame(bytes);
    } catch {
      return ws.close(1003, 'bad frame');
    }
    if (f.method === CONTROL && header(f, 'type') === 'ping') {
      pings += 1;
      const payload = new TextEncoder().encode(JSON.stringify(CLIENT_CONFIG));
      return send(ws, { SeqID: 0, LogID: 0, service: SERVICE_ID, method: CONTROL, headers: [{ key: 'type', value: 'pong' }], payload });
    }
    const w = waiting.get(header(f, 'message_id') ?? '');
    if (f.method !== DATA || !w || w.ws !== ws) return;
    try {
      w.resolve(JSON.parse(new TextDecoder().decode(f.payload ?? new Uint8Array())) as Ack);
    } catch {
      w.resolve({ code: 500 });
    }
  }

  function accept(ws: WebSocket): void {
    clients.push(ws);
    ws.on('message', (data) => onFrame(ws, data));
    ws.on('error', () => {});
    ws.on('close', () => {
      const i = clients.indexOf(ws);
      if (i >= 0) clients.splice(i, 1);
      for (const w of waiting.values()) if (w.ws === ws) w.resolve('closed');
    });
  }

  return {
    /** The answer of POST /callback/ws/endpoint for a client reaching us at `host`; null over the connection limit. */
    endpoint(host: string): { URL: string; ClientConfig: typeof CLIENT_CONFIG } | null {
      if (clients.length >= MAX_CONNECTIONS) return null;
      const ticket = randomUUID();
      tickets.add(ticket);
      // device_id and service_id must not come first: the SDK reads them with qs.parse of the whole URL.
      const query = `fpid=493&aid=552564&device_id=${randomUUID()}&access_key=${randomUUID()}&service_id=${SERVICE_ID}&ticket=${ticket}`;
      return { URL: `ws://${host}${WS_PATH}?${query}`, ClientConfig: CLIENT_CONFIG };
    },
    /** Takes an HTTP upgrade on WS_PATH (a ticket is good once); false when the path is not ours. */
    upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
      const url = new URL(req.url ?? '/', 'ws://fake');
      if (url.pathname !== WS_PATH) return false;
      const ticket = url.searchParams.get('ticket') ?? '';
      if (!tickets.delete(ticket)) {
        socket.end('HTTP/1.1 403 Forbidden\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
        return true;
      }
      wss.handleUpgrade(req, socket, head, accept);
      return true;
    },
    clients: () => clients.length,
    pings: () => pings,
    /** One push of a plaintext payload to one open client; never rejects. */
    async push(payload: unknown, timeoutMs: number): Promise<PostResult> {
      const at = opts.now();
      const started = performance.now();
      const done = (status: number | null, outcome: PostResult['outcome'], body = ''): PostResult => ({ status, outcome, ms: performance.now() - started, at, body });
      const ws = clients[turn++ % Math.max(clients.length, 1)];
      if (!ws) return done(null, 'network_error');
      const messageId = randomUUID();
      const bytes = new TextEncoder().encode(JSON.stringify(payload));
      const size = Math.max(1, opts.fragmentBytes);
      const parts = Array.from({ length: Math.max(1, Math.ceil(bytes.length / size)) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));
      let timer: NodeJS.Timeout | undefined;
      const ack = new Promise<Ack | 'timeout' | 'closed'>((resolve) => {
        waiting.set(messageId, { ws, resolve });
        timer = setTimeout(() => resolve('timeout'), timeoutMs);
      });
      parts.forEach((part, i) => {
        const headers = [
          { key: 'type', value: 'event' }, { key: 'message_id', value: messageId }, { key: 'sum', value: String(parts.length) },
          { key: 'seq', value: String(i) }, { key: 'trace_id', value: randomUUID() },
        ];
        send(ws, { SeqID: ++seq, LogID: seq, service: SERVICE_ID, method: DATA, headers, payload: part });
      });
      const a = await ack;
      clearTimeout(timer);
      waiting.delete(messageId);
      if (a === 'timeout') return done(null, 'timeout');
      if (a === 'closed') return done(null, 'network_error');
      if (a.code !== 200) return done(a.code, 'rejected');
      return done(200, 'acked', a.data ? Buffer.from(a.data, 'base64').toString('utf8') : '');
    },
    close(): void {
      for (const w of waiting.values()) w.resolve('closed');
      for (const ws of [...clients]) ws.terminate();
      wss.close();
    },
  };
}
