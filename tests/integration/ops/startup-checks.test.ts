/**
 * Checks before a bot process starts work: a Redis that may evict keys is
 * refused (a private redis-server per case, so the shared one is untouched),
 * and the store's migrations are applied and reported.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../../bot/config.js';
import { createLog } from '../../../bot/log.js';
import { startBot, type RunningBot } from '../../../bot/main.js';
import { StartupError } from '../../../bot/ops/startup-checks.js';
import { APP, REDIS_URL } from '../../helpers/bot-harness.js';
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from '../../helpers/test-database.js';
import { dropQueuePrefix } from '../../../bot/demo/drop-prefix.js';
import { startPrivateRedis, type PrivateRedisOptions } from '../../helpers/private-redis.js';

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A throwaway redis-server with extra arguments; its URL. */
async function privateRedis(opts: PrivateRedisOptions): Promise<string> {
  const redis = await startPrivateRedis(opts);
  cleanups.push(() => redis.close());
  return redis.url;
}

async function setup(env: Record<string, string> = {}): Promise<{ config: Config; database: TestDatabase }> {
  const database = await createTestDatabase();
  cleanups.push(() => database.drop());
  const config = loadConfig(
    {
      FEISHU_APP_ID: APP.appId, FEISHU_APP_SECRET: APP.appSecret, SANDBOX: 'true', FEISHU_DOMAIN: 'http://127.0.0.1:9', PORT: '0',
      DATABASE_URL: database.url, REDIS_URL, QUEUE_PREFIX: `{wpt-start-${Math.random().toString(36).slice(2, 8)}}`, SWEEP_EVERY_SECONDS: '0',
      ...env,
    },
    'feishu',
  );
  if (config.REDIS_URL === REDIS_URL) cleanups.push(() => dropQueuePrefix(REDIS_URL, config.QUEUE_PREFIX));
  return { config, database };
}

function capture() {
  const lines: Record<string, unknown>[] = [];
  return { log: createLog('info', { write: (s) => void lines.push(JSON.parse(s)) }), lines };
}

async function started(config: Config, log = capture().log): Promise<RunningBot> {
  const bot = await startBot({ config, log, role: 'receiver' });
  cleanups.push(() => bot.close());
  return bot;
}

describe('start-up checks', () => {
  it('refuses a Redis whose maxmemory-policy evicts keys, in Chinese and English, naming the fix', async () => {
    const { config } = await setup({ REDIS_URL: await privateRedis({ maxmemoryPolicy: 'allkeys-lru' }) });
    const refused = await startBot({ config, log: capture().log }).catch((e: Error) => e);
    expect(refused).toBeInstanceOf(StartupError);
    expect((refused as Error).message).toContain('maxmemory-policy 是 allkeys-lru');
    expect((refused as Error).message).toContain('CONFIG SET maxmemory-policy noeviction');
    expect((refused as Error).message).toContain('Set it to noeviction');
  });

  it('starts with a warning when Redis refuses CONFIG (a managed Redis), and with none on noeviction', async () => {
    const { config } = await setup({ REDIS_URL: await privateRedis({ args: ['--rename-command', 'CONFIG', ''] }) });
    const unchecked = capture();
    await started(config, unchecked.log);
    expect(unchecked.lines.some((l) => String(l.msg).includes('could not read Redis maxmemory-policy'))).toBe(true);

    const { config: plain } = await setup();
    const checked = capture();
    await started(plain, checked.log);
    expect(checked.lines.some((l) => String(l.msg).includes('maxmemory-policy'))).toBe(false);
  });

  it('applies the migrations of a fresh store, says so, and warns about ones this version does not know', async () => {
    const { config } = await setup();
    const first = capture();
    const bot = await started(config, first.log);
    // PostgreSQL test databases are copies of a migrated template: up to date already.
    expect(first.lines.some((l) => l.msg === (TEST_ENGINE === 'sqlite' ? 'database migrations applied' : 'database schema is up to date'))).toBe(true);
    await bot.deps.db.$executeRaw`INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES ('x-future', 'x', '29990101000000_from_the_future', ${new Date()}, ${new Date()}, 1)`;
    await bot.close();
    cleanups.pop();

    const second = capture();
    await started(config, second.log);
    expect(second.lines.some((l) => l.msg === 'database schema is up to date')).toBe(true);
    const warning = second.lines.find((l) => Array.isArray(l.unknown));
    expect(warning?.unknown).toEqual(['29990101000000_from_the_future']);
    expect(String(warning?.msg)).toContain('deploy the same version everywhere');
  });

  it('refuses a PORT in use, naming it', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '0.0.0.0', resolve));
    cleanups.push(() => new Promise((resolve) => taken.close(resolve)));
    const port = (taken.address() as AddressInfo).port;
    const { config } = await setup({ PORT: String(port) });
    const refused = await startBot({ config, log: capture().log, role: 'worker' }).catch((e: Error) => e);
    expect(refused).toBeInstanceOf(StartupError);
    expect((refused as Error).message).toContain(`PORT ${port} is in use`);
  });
});
