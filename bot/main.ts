/**
 * Composition root: config → deps → HTTP server and workers. Nothing else
 * starts things. Tests and the demo call startBot with their own clock,
 * config and handlers; production goes through `workplan start`.
 */
import type { Server } from 'node:http';
import express from 'express';
import { createQueues } from '../jobs/queues.js';
import { createRedis, whenReady } from '../jobs/redis.js';
import { startWorkers, type Workers } from '../jobs/main.js';
import { systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import type { Deps } from './deps.js';
import { createMessenger } from './feishu/messenger.js';
import { startLongConnection } from './feishu/long-connection.js';
import { createReceiver, type CardResponder } from './feishu/receiver.js';
import { cardActionSchema } from './feishu/envelope.js';
import { registerHandlers } from './handlers/register.js';
import type { Handlers } from './handlers/types.js';
import { createLog, type Log } from './log.js';
import { openStore } from './store/db.js';
import { chineseWorkCalendar } from './domain/calendar/chinese-calendar.js';
import { DEFAULT_SCHEDULE, type ScheduleSettings } from './domain/schedule/settings.js';

export interface BotOptions {
  config: Config;
  clock?: Clock;
  log?: Log;
  /** Extra or replacement handlers (tests). */
  handlers?: Partial<Handlers>;
  schedule?: ScheduleSettings;
  /** receiver: HTTP (or long connection) only; worker: queues only; all: both. */
  role?: 'all' | 'receiver' | 'worker';
}

export interface RunningBot {
  deps: Deps;
  /** Base URL of the HTTP server (receiver roles). */
  url: string | null;
  close(): Promise<void>;
}

export async function startBot(opts: BotOptions): Promise<RunningBot> {
  const { config } = opts;
  const role = opts.role ?? 'all';
  const log = opts.log ?? createLog(config.LOG_LEVEL);
  const db = await openStore(config.DATABASE_URL);
  const redis = createRedis(config.REDIS_URL, 'client');
  await whenReady(redis).catch((e: Error) => {
    redis.disconnect();
    throw new Error(`${e.message}: is Redis running at REDIS_URL=${config.REDIS_URL.replace(/\/\/[^@]*@/, '//***@')}?`);
  });
  const queues = createQueues(redis, config.QUEUE_PREFIX);
  await queues.inbound.waitUntilReady();
  const messenger = createMessenger({ appId: config.FEISHU_APP_ID, appSecret: config.FEISHU_APP_SECRET, domain: config.FEISHU_DOMAIN });
  const calendar = chineseWorkCalendar({
    onFallback: (year) => log.warn({ year }, 'holiday calendar for this year is not published yet; using Monday–Friday'),
  });
  const deps: Deps = { clock: opts.clock ?? systemClock, config, db, log, messenger, queues, redis, calendar, schedule: opts.schedule ?? DEFAULT_SCHEDULE };
  const handlers = registerHandlers(opts.handlers);
  const respondToCard = cardResponder(deps, handlers);

  let server: Server | null = null;
  let url: string | null = null;
  let ws: { close(): void } | null = null;
  if (role !== 'worker') {
    if (config.FEISHU_MODE === 'websocket') ws = startLongConnection(deps, respondToCard);
    const app = express();
    app.disable('x-powered-by');
    app.get('/healthz', (_req, res) => void res.json({ ok: true }));
    app.use(createReceiver(deps, respondToCard));
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(config.PORT, '0.0.0.0', () => resolve(s));
    });
    const address = server.address();
    url = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : null;
    log.info({ url, mode: config.FEISHU_MODE }, 'receiver listening');
  }
  const workers: Workers | null = role !== 'receiver' ? await startWorkers(deps, handlers) : null;

  return {
    deps,
    url,
    close: async () => {
      ws?.close();
      if (server) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server!.close(() => resolve()));
      }
      await workers?.close();
      await queues.close();
      await redis.quit().catch(() => redis.disconnect());
      await db.$disconnect();
    },
  };
}

/** The fast answer to a card click: the action's own, or a toast. */
function cardResponder(deps: Deps, handlers: Handlers): CardResponder {
  return async (envelope) => {
    const action = cardActionSchema.safeParse(envelope.event);
    if (!action.success) return { toast: { type: 'error', content: '无法识别的操作' } };
    const name = (action.data.action.value as { action?: unknown } | undefined)?.action;
    const answer = typeof name === 'string' ? handlers.cardActions[name]?.answer : undefined;
    return answer ? answer(deps, action.data, envelope) : { toast: { type: 'info', content: '已收到，正在处理' } };
  };
}
