/** A bot-side receiver built from the SDK's own EventDispatcher + adaptExpress, as the real bot would. */
import * as lark from '@larksuiteoapi/node-sdk';
import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { APP, memoryCache, silentLogger } from './sandbox-fixture.js';

type Handler = (data: any) => Promise<unknown> | unknown;

export async function startSdkReceiver(handlers: Record<string, Handler>) {
  const dispatcher = new lark.EventDispatcher({
    encryptKey: APP.encryptKey,
    verificationToken: APP.verificationToken,
    logger: silentLogger,
    cache: memoryCache(),
  }).register<Record<string, Handler>>(handlers);
  const app = express();
  app.use(express.json());
  app.post('/webhook', lark.adaptExpress(dispatcher, { autoChallenge: true }));
  const server: Server = await new Promise((ok) => {
    const s = app.listen(0, '127.0.0.1', () => ok(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`,
    async close() {
      server.closeAllConnections();
      await new Promise((ok) => server.close(() => ok(null)));
    },
  };
}
