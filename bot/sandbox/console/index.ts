/**
 * The demo's web console: a small HTTP server that shows every chat of the fake Feishu (each
 * person's p2p chat with the bot, group chats) live, renders cards readably, lets anyone type as
 * any person, @-mention the bot, reply, click buttons and submit forms — each action goes through
 * the fake (`userSays`, `clickCard`), so it reaches the bot as a signed, encrypted Feishu event —
 * and drives the demo's simulated clock when given `controls`. The page is plain HTML/CSS/JS in
 * public/; the HTML of messages is rendered here (render-*.ts) and sent as JSON and SSE.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import express from 'express';
import type { FakeFeishu } from '../index.js';
import { consoleApi } from './api.js';
import { loopbackOnly } from './loopback-only.js';
import { createViews } from './views.js';

export interface ConsoleClockState {
  now: string /* ISO */;
  speed: number /* sim seconds per real second */;
  paused: boolean;
}
export interface ConsoleControls {
  state(): ConsoleClockState;
  setSpeed(speed: number): void;
  pause(): void;
  play(): void;
  /** Moves simulated time forward; resolves when the bot has caught up (sweeps run, queues drained). */
  step(to: 'next-working-day' | 'friday-1600'): Promise<void>;
}
export interface ConsolePerson {
  openId: string;
  name: string;
  role: string /* e.g. '科员（科技服务科）', '分管领导', '管理员' */;
}
export interface StartConsoleOptions {
  fake: FakeFeishu;
  controls?: ConsoleControls;
  people?: ConsolePerson[];
  port?: number /* 0 = free */;
  /** A loopback address only (default 127.0.0.1): the console drives the fake and the clock, with no login. */
  host?: '127.0.0.1' | '::1' | 'localhost';
}

const PUBLIC = fileURLToPath(new URL('./public/', import.meta.url));

export async function startConsole(opts: StartConsoleOptions): Promise<{ url: string; close(): Promise<void> }> {
  const host = opts.host ?? '127.0.0.1';
  if (!['127.0.0.1', '::1', 'localhost'].includes(host)) throw new Error(`the console listens on loopback only (127.0.0.1, ::1, localhost), not ${host}`);
  const views = createViews(opts.fake, opts.people ?? []);
  const api = consoleApi({ fake: opts.fake, controls: opts.controls ?? null, views });
  let port = 0;
  const app = express();
  app.disable('x-powered-by');
  app.use(loopbackOnly(() => port));
  app.use('/api', api.router);
  app.use(express.static(PUBLIC, { index: 'index.html' }));

  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(opts.port ?? 0, host, () => resolve(s));
    s.once('error', reject);
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/`,
    close: async () => {
      api.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
