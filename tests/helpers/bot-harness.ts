/**
 * A whole bot for integration tests: the fake Feishu, the real SDK, real
 * Redis (a private queue prefix per harness), a fresh store, the
 * receiver on a free port and the workers — the production code path. The
 * store is a temp SQLite file, or PostgreSQL with TEST_DATABASE=postgres.
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../bot/clock.js';
import { loadConfig, type Config } from '../../bot/config.js';
import type { HandlerOverrides } from '../../bot/handlers/types.js';
import { startBot, type RunningBot } from '../../bot/main.js';
import { startFakeFeishu } from '../../bot/sandbox/index.js';
import { dropQueuePrefix } from '../../bot/demo/drop-prefix.js';
import type { FakeFeishuOptions } from '../../bot/sandbox/types.js';
import { createTestDatabase } from './test-database.js';

export const APP = { appId: 'cli_a1b2c3d4e5f60718', appSecret: 'test-secret', encryptKey: 'test-encrypt-key', verificationToken: 'test-vt' };
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface HarnessOptions {
  handlers?: HandlerOverrides;
  fake?: Partial<FakeFeishuOptions>;
  env?: Record<string, string>;
  clock?: Clock;
  /** Which parts run (default 'all'); 'receiver' accepts events that no worker takes. */
  role?: 'all' | 'receiver' | 'worker';
}

export type Fake = Awaited<ReturnType<typeof startFakeFeishu>>;

export interface Harness {
  fake: Fake;
  bot: RunningBot;
  config: Config;
  /** Stops the bot (receiver and workers) and starts it again on the same store and queues (as `role`, default as before). */
  restart(role?: HarnessOptions['role']): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  // With a simulated clock the platform lives in the same time as the bot (signature timestamps, tokens).
  const clock = opts.clock;
  const fake = await startFakeFeishu({
    ...APP,
    redeliveryDelaysMs: [300, 600, 1200],
    ...(clock ? { now: () => clock.now().getTime() } : {}),
    ...opts.fake,
  });
  const database = await createTestDatabase();
  const prefix = `{wpt-${randomUUID().slice(0, 8)}}`;
  const config = loadConfig(
    {
      FEISHU_APP_ID: APP.appId,
      FEISHU_APP_SECRET: APP.appSecret,
      FEISHU_ENCRYPT_KEY: opts.fake?.encryptKey ?? APP.encryptKey,
      FEISHU_VERIFICATION_TOKEN: APP.verificationToken,
      FEISHU_TENANT_KEY: fake.tenantKey,
      FEISHU_DOMAIN: fake.url,
      SANDBOX: 'true',
      PORT: '0',
      DATABASE_URL: database.url,
      REDIS_URL,
      QUEUE_PREFIX: prefix,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      // A repeating sweep runs on real time; with a simulated clock it would purge, recover and
      // nudge at whatever simulated moment the test had reached when the real minute came round.
      // Such a test runs the sweep's parts itself.
      ...(clock ? { SWEEP_EVERY_SECONDS: '0' } : {}),
      ...opts.env,
    },
    'feishu',
  );
  let role = opts.role ?? 'all';
  const start = async () => {
    const bot = await startBot({ config, role, handlers: opts.handlers, ...(opts.clock ? { clock: opts.clock } : {}) });
    if (config.FEISHU_MODE === 'websocket') fake.useLongConnection();
    else fake.setWebhook({ eventsUrl: `${bot.url}/feishu/events`, cardsUrl: `${bot.url}/feishu/cards` });
    return bot;
  };
  const h: Harness = {
    fake,
    bot: await start(),
    config,
    restart: async (as) => {
      role = as ?? role;
      await h.bot.close();
      h.bot = await start();
    },
    close: async () => {
      await h.bot.close();
      await fake.close();
      await dropQueuePrefix(REDIS_URL, prefix);
      await database.drop();
    },
  };
  return h;
}
