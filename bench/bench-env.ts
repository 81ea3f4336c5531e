/**
 * A private place for one benchmark: its own database (a temp SQLite file, or
 * a fresh PostgreSQL database with `--postgres`: bench/bench-db.ts), a private
 * BullMQ prefix on the shared Redis, the bot's config for it, and the deps the
 * sweep needs in this process. `close()` removes the database and every key.
 */
import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import type { Clock } from '../bot/clock.js';
import { loadConfig, type Config } from '../bot/config.js';
import type { Deps } from '../bot/deps.js';
import { chineseWorkCalendar } from '../bot/domain/calendar/chinese-calendar.js';
import { DEFAULT_SCHEDULE } from '../bot/domain/schedule/settings.js';
import { createMessenger } from '../bot/feishu/messenger.js';
import { openStore } from '../bot/store/db.js';
import { createQueues } from '../jobs/queues.js';
import { createRedis, whenReady } from '../jobs/redis.js';
import { createMetrics } from '../bot/metrics.js';
import { dropQueuePrefix } from '../bot/demo/drop-prefix.js';
import { APP, REDIS_URL } from '../tests/helpers/bot-harness.js';
import { createBenchDatabase, type BenchDatabase, type StoreKind } from './bench-db.js';

export { APP, REDIS_URL };

export interface BenchEnv {
  /** The environment a bot process of this benchmark is started with. */
  env: Record<string, string>;
  config: Config;
  /** The SQLite file (SQLite only; on PostgreSQL the database's name). */
  dbFile: string;
  database: BenchDatabase;
  prefix: string;
  /** Deps for running the sweep (or anything else) in this process. */
  deps(clock: Clock): Deps;
  close(): Promise<void>;
}

export async function benchEnv(name: string, feishuUrl = 'http://127.0.0.1:9', store: StoreKind = 'sqlite'): Promise<BenchEnv> {
  const database = await createBenchDatabase(name, store);
  const prefix = `{wpb-${name}-${randomUUID().slice(0, 8)}}`;
  const env = {
    FEISHU_APP_ID: APP.appId, FEISHU_APP_SECRET: APP.appSecret, FEISHU_ENCRYPT_KEY: APP.encryptKey, FEISHU_VERIFICATION_TOKEN: APP.verificationToken,
    FEISHU_DOMAIN: feishuUrl, SANDBOX: 'true', PORT: '0', DATABASE_URL: database.url, REDIS_URL, QUEUE_PREFIX: prefix,
    LOG_LEVEL: 'silent', SWEEP_EVERY_SECONDS: '0',
  };
  const config = loadConfig(env, 'feishu');
  const db = await openStore(config.DATABASE_URL);
  const redis = createRedis(REDIS_URL, 'worker');
  await whenReady(redis);
  const queues = createQueues(redis, prefix);
  const messenger = createMessenger({ appId: APP.appId, appSecret: APP.appSecret, domain: feishuUrl });
  const calendar = chineseWorkCalendar();
  const log = pino({ level: 'silent' });
  const metrics = createMetrics();
  return {
    env,
    config,
    dbFile: database.name,
    database,
    prefix,
    deps: (clock) => ({ clock, config, db, log, messenger, queues, redis, calendar, schedule: DEFAULT_SCHEDULE, metrics }),
    close: async () => {
      await queues.close();
      await redis.quit().catch(() => redis.disconnect());
      await db.$disconnect();
      await dropQueuePrefix(REDIS_URL, prefix);
      await database.drop();
    },
  };
}
