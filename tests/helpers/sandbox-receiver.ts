/** A tiny bot-side HTTP receiver that records raw requests and answers as told. */
import express from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';

export interface ReceivedRequest {
  headers: Record<string, string | string[] | undefined>;
  rawBody: string;
}

export type Answer = { status?: number; delayMs?: number; body?: string };

export async function startReceiver(answer: (n: number, req: ReceivedRequest) => Answer = () => ({})) {
  const requests: ReceivedRequest[] = [];
  const app = express();
  app.use(express.text({ type: '*/*' }));
  app.post('/events', async (req, res) => {
    const r: ReceivedRequest = { headers: req.headers, rawBody: String(req.body ?? '') };
    requests.push(r);
    const a = answer(requests.length, r);
    if (a.delayMs) await new Promise((ok) => setTimeout(ok, a.delayMs));
    if (!res.writableEnded && !res.destroyed) res.status(a.status ?? 200).send(a.body ?? '');
  });
  const server: Server = await new Promise((ok) => {
    const s = app.listen(0, '127.0.0.1', () => ok(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`;
  return {
    url,
    requests,
    async close() {
      server.closeAllConnections();
      await new Promise((ok) => server.close(() => ok(null)));
    },
  };
}
