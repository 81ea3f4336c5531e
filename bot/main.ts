/**
 * Composition root: config → deps → HTTP server and workers. Nothing else
 * starts things. Tests and the demo call startBot with their own clock,
 * config and handlers; production goes through `workplan start`.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createQueues } from '../jobs/queues.js';
import { createRedis, whenReady } from '../jobs/redis.js';
import { startWorkers, type Workers } from '../jobs/main.js';
import { systemClock, type Clock } from './clock.js';
import { proxyConfigured, type Config } from './config.js';
import type { Deps } from './deps.js';
import { createMessenger } from './feishu/messenger.js';
import { createReceiver, type CardResponder } from './feishu/receiver.js';
import { cardActionSchema } from './feishu/envelope.js';
import { registerHandlers } from './handlers/register.js';
import type { HandlerOverrides, Handlers } from './handlers/types.js';
import { createLog, type Log } from './log.js';
import { createMetrics, type Metrics } from './metrics.js';
import { createDashboard } from './ops/dashboard.js';
import { createHealthRoutes } from './ops/health.js';
import { createMetricsRoute } from './ops/metrics-route.js';
import { checkRedisEviction, reportMigrations, StartupError } from './ops/startup-checks.js';
import { knownMigrations, openStore, type Db } from './store/db.js';
import { chineseWorkCalendar } from './domain/calendar/chinese-calendar.js';
import { DEFAULT_SCHEDULE, type ScheduleSettings } from './domain/schedule/settings.js';

export interface BotOptions {
  config: Config;
  clock?: Clock;
  log?: Log;
  /** Extra or replacement handlers (tests). */
  handlers?: HandlerOverrides;
  schedule?: ScheduleSettings;
  /**
   * receiver: the Feishu webhook (or long connection); worker: the queues;
   * all: both. Every role serves /healthz, /readyz, /metrics (and the
   * dashboard when configured) on PORT.
   */
  role?: 'all' | 'receiver' | 'worker';
}

export interface RunningBot {
  deps: Deps;
  /** Base URL of the HTTP server. */
  url: string;
  close(): Promise<void>;
}

export async function startBot(opts: BotOptions): Promise<RunningBot> {
  const { config } = opts;
  const role = opts.role ?? 'all';
  const log = opts.log ?? createLog(config.LOG_LEVEL);
  const redis = createRedis(config.REDIS_URL, 'client');
  const db = await whenReady(redis)
    .catch((e: Error) => {
      throw new Error(`${e.message}: is Redis running at REDIS_URL=${config.REDIS_URL.replace(/\/\/[^@]*@/, '//***@')}?`);
    })
    .then(() => checkRedisEviction(redis, log))
    .then(() => openCheckedStore(config, log))
    .catch((e: unknown) => {
      redis.disconnect();
      throw e;
    });
  const queues = createQueues(redis, config.QUEUE_PREFIX);
  await queues.inbound.waitUntilReady();
  const metrics = createMetrics();
  const messenger = createMessenger({
    appId: config.FEISHU_APP_ID,
    appSecret: config.FEISHU_APP_SECRET,
    domain: config.FEISHU_DOMAIN,
    onCall: observeFeishu(metrics),
    proxied: proxyConfigured(config),
  });
  const calendar = chineseWorkCalendar({
    onFallback: (year) => log.warn({ year }, 'holiday calendar for this year is not published yet; using Monday–Friday'),
  });
  const clock = opts.clock ?? systemClock;
  const deps: Deps = { clock, config, db, log, metrics, messenger, queues, redis, calendar, schedule: opts.schedule ?? DEFAULT_SCHEDULE };
  // BullMQ stamps jobs with the wall clock, so their age is measured on it (not on an injected test clock).
  metrics.watchQueues([queues.inbound, queues.nudges, queues.sweeps], () => systemClock.now().getTime());
  const handlers = registerHandlers(opts.handlers);
  const respondToCard = cardResponder(deps, handlers);

  let ws: { close(): void } | null = null;
  const app = express();
  app.disable('x-powered-by');
  // The webhook first: Feishu's deliveries are most of the requests, and none is walked past the other routes.
  if (role !== 'worker') app.use(createReceiver(deps, respondToCard));
  app.use(createHealthRoutes(deps, { callsFeishu: callsFeishu(role, config) }), createMetricsRoute(config, metrics));
  const dashboard = await createDashboard(config, queues);
  if (dashboard) app.use(dashboard);
  const server = await listen(app, config.PORT).catch(async (e: NodeJS.ErrnoException) => {
    await queues.close();
    redis.disconnect();
    await db.$disconnect();
    if (e.code !== 'EADDRINUSE') throw e;
    throw new StartupError(`端口 ${config.PORT} 已被占用，请为此进程另设 PORT。\nPORT ${config.PORT} is in use: give this process another PORT (0 = any free port).`);
  });
  if (role !== 'worker' && config.FEISHU_MODE === 'websocket') {
    // Loaded only in this mode: it holds the SDK, which a webhook receiver never needs.
    const { startLongConnection } = await import('./feishu/long-connection.js');
    ws = startLongConnection(deps, respondToCard);
  }
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  log.info({ url, role, mode: config.FEISHU_MODE, dashboard: dashboard ? config.DASHBOARD_PATH : null }, 'listening');
  const workers: Workers | null = role !== 'receiver' ? await startWorkers(deps, handlers) : null;

  return {
    deps,
    url,
    close: async () => {
      ws?.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await workers?.close();
      await queues.close();
      await redis.quit().catch(() => redis.disconnect());
      await db.$disconnect();
    },
  };
}

/** Whether a process of this role calls Feishu's API: a webhook receiver alone only acknowledges and enqueues. */
export function callsFeishu(role: BotOptions['role'], config: Pick<Config, 'FEISHU_MODE'>): boolean {
  return role !== 'receiver' || config.FEISHU_MODE === 'websocket';
}

/** Opens the store (applying pending migrations) and reports the migrations' state. */
async function openCheckedStore(config: Config, log: Log): Promise<Db> {
  let applied: string[] = [];
  const db = await openStore(config.DATABASE_URL, { poolSize: config.DATABASE_POOL_SIZE, onMigrated: (names) => (applied = names) }).catch((e: Error) => {
    throw new Error(`数据库迁移失败 / could not migrate the database at DATABASE_URL: ${e.message.split('\n')[0]}`, { cause: e });
  });
  await reportMigrations(db, applied, await knownMigrations(config.DATABASE_URL), log);
  return db;
}

/** Listens on `port` (0: any free one); a port in use fails the start. */
function listen(app: express.Express, port: number): Promise<Server> {
  return new Promise<Server>((resolve, reject) => {
    const s = app.listen(port, '0.0.0.0', (err?: Error) => (err ? reject(err) : resolve(s)));
  });
}

/** Feishu call latency and errors (by code, or kind when Feishu gave none) into the metrics. */
function observeFeishu(metrics: Metrics) {
  return (op: string, seconds: number, error: { code: number | null; kind: string } | null) => {
    metrics.feishuSeconds.observe({ op }, seconds);
    if (error) metrics.feishuErrors.inc({ op, code: String(error.code ?? error.kind) });
  };
}

/**
 * The fast answer to a card click: the action's own (which runs the same checks as its queued
 * work, so the toast never promises what the work will refuse), or an error toast for an action
 * the bot does not know.
 */
function cardResponder(deps: Deps, handlers: Handlers): CardResponder {
  const unknown = { toast: { type: 'error', content: '无法识别的操作' } };
  return async (envelope) => {
    const action = cardActionSchema.safeParse(envelope.event);
    if (!action.success) return unknown;
    const name = (action.data.action.value as { action?: unknown } | undefined)?.action;
    const entry = typeof name === 'string' ? handlers.cardActions.get(name) : undefined;
    if (!entry) return unknown;
    return entry.answer ? entry.answer(deps, action.data, envelope) : { toast: { type: 'info', content: '已收到，正在处理' } };
  };
}
