/**
 * `npm run demo` as a newcomer runs it: headless to a time (summary, exit 0),
 * a private Redis when none answers at REDIS_URL, and a hint when Redis is
 * neither running nor installed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../bot/cli/main.js';

const BIN = fileURLToPath(new URL('../../bot/cli/bin.js', import.meta.url));
const cwd = mkdtempSync(join(tmpdir(), 'workplan-demo-cli-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

function demo(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, 'demo', ...args], {
    cwd, encoding: 'utf8', timeout: 120_000, env: { ...process.env, LOG_LEVEL: 'warn', ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('workplan demo (headless)', () => {
  it('runs to --until at full speed, prints a summary and exits 0', () => {
    const r = demo(['--until', '2022-03-21T09:40', '--speed', 'max', '--no-console']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('演示已启动');
    expect(r.out).toMatch(/催办已发送：2\d/);
    expect(r.out).toMatch(/进展已记录：\d+/);
    expect(r.out).toContain('失败：0');
    expect(r.out).not.toContain('网页控制台');
  }, 130_000);

  it('starts a private Redis when none answers at REDIS_URL', () => {
    const r = demo(['--until', '2022-03-21T09:10', '--speed', 'max', '--no-console'], { REDIS_URL: 'redis://127.0.0.1:1' });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/已启动临时 Redis：redis:\/\/127\.0\.0\.1:\d+/);
  }, 130_000);

  it('says how to install Redis when it is neither running nor installed', () => {
    const r = demo(['--until', '2022-03-21T09:10', '--speed', 'max', '--no-console'], { REDIS_URL: 'redis://127.0.0.1:1', PATH: '/nonexistent' });
    expect(r.code).toBe(1);
    expect(r.err).toContain('apt-get install redis-server');
    expect(r.err).toContain('演示需要 Redis');
  }, 130_000);

  it.each([
    [['--speed', 'fast'], '--speed 应为正数'],
    [['--until', 'soon', '--no-console'], '--until 应为时间'],
    [['--no-console'], '--no-console 需要同时指定 --until'],
    [['--port', '70000'], '--port 应为 0–65535'],
  ])('%j → a Chinese usage error, nothing started', async (args, words) => {
    const err: string[] = [];
    const code = await main(['demo', ...args], { out: () => {}, err: (t) => err.push(t) });
    expect(code).toBe(2);
    expect(err.join('')).toContain(words);
  });
});
