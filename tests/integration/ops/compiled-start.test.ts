/**
 * Production runs the compiled JavaScript in dist/ (`npm start`, `npm run receiver`, `npm run worker`
 * go through bot/cli/run-dist.js): it starts and serves without any TypeScript transpiler, refuses a
 * dist/ that is missing or built from other sources, and a webhook receiver alone leaves Feishu's
 * credentials to the worker.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dropQueuePrefix } from '../../../bot/demo/drop-prefix.js';
import { startFakeFeishu } from '../../../bot/sandbox/index.js';
import { sourceHash } from '../../../bot/cli/source-hash.js';
import { APP, REDIS_URL } from '../../helpers/bot-harness.js';
import { spawnBot, type BotProcess } from '../../helpers/spawn-bot.js';
import { createTestDatabase } from '../../helpers/test-database.js';
import { waitFor } from '../../helpers/wait-for.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const hashOf = sourceHash as (root: string) => string | null;

describe('run-dist.js refuses a dist/ it cannot trust', () => {
  /** A copy of the launcher beside sources of its own, with a dist/ whose entry prints a line. */
  function layout() {
    const dir = mkdtempSync(join(tmpdir(), 'wpt-dist-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    mkdirSync(join(dir, 'bot/cli'), { recursive: true });
    for (const f of ['run-dist.js', 'source-hash.js']) cpSync(join(ROOT, 'bot/cli', f), join(dir, 'bot/cli', f));
    mkdirSync(join(dir, 'jobs'));
    mkdirSync(join(dir, 'prisma'));
    writeFileSync(join(dir, 'jobs/main.ts'), 'export const a = 1;\n');
    writeFileSync(join(dir, 'prisma/schema.prisma'), 'model A { id Int @id }\n');
    mkdirSync(join(dir, 'dist/bot/cli'), { recursive: true });
    writeFileSync(join(dir, 'dist/bot/cli/entry.js'), "console.log('compiled entry ran', process.argv.slice(2).join(' '));\n");
    return dir;
  }
  const run = (dir: string) => spawnSync(process.execPath, [join(dir, 'bot/cli/run-dist.js'), 'worker'], { encoding: 'utf8' });

  it('runs the compiled entry when dist/ was built from these sources', () => {
    const dir = layout();
    writeFileSync(join(dir, 'dist/source-hash'), `${hashOf(dir)}\n`);
    const r = run(dir);
    expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({ status: 0, stdout: 'compiled entry ran worker\n', stderr: '' });
  });

  it('refuses when a source changed after the build, and when nothing was built', () => {
    const dir = layout();
    writeFileSync(join(dir, 'dist/source-hash'), `${hashOf(dir)}\n`);
    writeFileSync(join(dir, 'jobs/main.ts'), 'export const a = 2;\n');
    const stale = run(dir);
    expect({ status: stale.status, stdout: stale.stdout }).toEqual({ status: 1, stdout: '' });
    expect(stale.stderr).toBe('dist/ 与源码不一致（源码更新后没有重新编译）：请运行 npm run build。\ndist/ was built from other sources: run npm run build.\n');
    rmSync(join(dir, 'dist'), { recursive: true });
    const missing = run(dir);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe('还没有编译：请先运行 npm run build（npm install 也会编译）。\ndist/ is missing: run npm run build (npm install runs it too).\n');
  });
});

describe('the compiled bot', () => {
  beforeAll(() => {
    // npm install builds dist/; build it again only when these sources are not what it was built from.
    const stamp = (() => {
      try {
        return readFileSync(join(ROOT, 'dist/source-hash'), 'utf8').trim();
      } catch {
        return null;
      }
    })();
    if (stamp !== hashOf(ROOT)) {
      const built = spawnSync(process.execPath, [join(ROOT, 'bot/cli/build-dist.js')], { encoding: 'utf8' });
      expect(built.status, built.stderr).toBe(0);
    }
  }, 300_000);

  async function start(role: 'worker' | 'receiver'): Promise<BotProcess> {
    const fake = await startFakeFeishu({ ...APP });
    cleanups.push(() => fake.close());
    const database = await createTestDatabase();
    cleanups.push(() => database.drop());
    const queuePrefix = `{wpt-cs-${randomUUID().slice(0, 8)}}`;
    cleanups.push(() => dropQueuePrefix(REDIS_URL, queuePrefix));
    const p = await spawnBot(role, { fakeUrl: fake.url, databaseUrl: database.url, queuePrefix }, 'compiled');
    cleanups.push(() => p.stop());
    return p;
  }

  it('a worker starts from dist/ with no transpiler, checks the credentials and is ready', async () => {
    const p = await start('worker');
    await waitFor(() => p.stdout().includes('飞书连接正常'), 60_000, 'the Feishu check');
    const res = await fetch(`${p.url}/readyz`);
    expect({ status: res.status, body: await res.json() }).toEqual({ status: 200, body: { ok: true, failed: [], checks: { redis: 'ok', store: 'ok', feishu: 'ok' } } });
    expect(p.stderr()).toBe('');
    expect(await p.stop()).toBe(0);
  });

  it('a webhook receiver alone calls no Feishu API: its readiness asks only Redis and the store', async () => {
    const p = await start('receiver');
    await waitFor(() => p.stdout().includes('此接收进程只接收事件'), 60_000, 'the start lines');
    expect(p.stdout().split('\n').at(-2)).toBe('此接收进程只接收事件、不调用飞书接口；应用凭证由工作进程检查 / this receiver only takes events and calls no Feishu API: the worker checks the credentials');
    const res = await fetch(`${p.url}/readyz`);
    expect({ status: res.status, body: await res.json() }).toEqual({ status: 200, body: { ok: true, failed: [], checks: { redis: 'ok', store: 'ok' } } });
    expect(await p.stop()).toBe(0);
  });
});
