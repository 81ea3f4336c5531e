import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../bot/config.js';

const feishu = { FEISHU_APP_ID: 'cli_a1b2c3d4e5f60718', FEISHU_APP_SECRET: 'super-secret-value', FEISHU_ENCRYPT_KEY: 'ek', FEISHU_VERIFICATION_TOKEN: 'vt' };

function problem(env: Record<string, string>, needs: 'store' | 'feishu' = 'feishu'): string {
  try {
    loadConfig(env, needs);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  it('has embedded defaults for the store-only commands', () => {
    const c = loadConfig({}, 'store');
    expect(c).toMatchObject({ DATABASE_URL: 'file:./data/workplan.db', REDIS_URL: 'redis://127.0.0.1:6379', FEISHU_MODE: 'webhook', PORT: 3000 });
    expect(c).toMatchObject({ EVIDENCE_DIR: 'data/evidence', EVIDENCE_MAX_BYTES: 20 * 1024 * 1024, EVIDENCE_WINDOW_MINUTES: 10 });
  });

  it('reads a complete Feishu configuration, admins split on commas', () => {
    const c = loadConfig({ ...feishu, ADMIN_OPEN_IDS: 'ou_a, ou_b,,', FEISHU_DOMAIN: 'lark' }, 'feishu');
    expect(c.ADMIN_OPEN_IDS).toEqual(['ou_a', 'ou_b']);
    expect(c.FEISHU_DOMAIN).toBe('lark');
  });

  it.each([
    [{ ...feishu, FEISHU_APP_ID: '' }, 'FEISHU_APP_ID is missing'],
    [{ ...feishu, FEISHU_ENCRYPT_KEY: '' }, 'FEISHU_ENCRYPT_KEY is missing'],
    [{ ...feishu, FEISHU_VERIFICATION_TOKEN: '' }, 'FEISHU_VERIFICATION_TOKEN is missing'],
    [{ ...feishu, FEISHU_DOMAIN: 'open.feishu.cn' }, 'FEISHU_DOMAIN'],
    [{ ...feishu, FEISHU_MODE: 'polling' }, 'FEISHU_MODE'],
    [{ ...feishu, DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ ...feishu, PORT: 'eighty' }, 'PORT'],
    [{ ...feishu, QUEUE_PREFIX: 'workplan' }, 'QUEUE_PREFIX must contain one Redis Cluster hash tag'],
    [{ ...feishu, EVIDENCE_MAX_BYTES: String(200 * 1024 * 1024) }, 'EVIDENCE_MAX_BYTES'],
    [{ ...feishu, EVIDENCE_WINDOW_MINUTES: '0' }, 'EVIDENCE_WINDOW_MINUTES'],
  ])('names the variable to fix: %j', (env, words) => {
    const message = problem(env);
    expect(message).toContain(words);
    expect(message).toContain('.env.example');
    expect(message).not.toContain('super-secret-value');
  });

  it('runs without an Encrypt Key only in the sandbox or in long-connection mode', () => {
    expect(() => loadConfig({ ...feishu, FEISHU_ENCRYPT_KEY: '', SANDBOX: 'true' }, 'feishu')).not.toThrow();
    expect(() => loadConfig({ ...feishu, FEISHU_ENCRYPT_KEY: '', FEISHU_VERIFICATION_TOKEN: '', FEISHU_MODE: 'websocket' }, 'feishu')).not.toThrow();
  });

  it('in production wants an Encrypt Key in every mode, and no sandbox', () => {
    const prod = { ...feishu, NODE_ENV: 'production' };
    expect(() => loadConfig(prod, 'feishu')).not.toThrow();
    expect(problem({ ...prod, FEISHU_ENCRYPT_KEY: '', FEISHU_VERIFICATION_TOKEN: '', FEISHU_MODE: 'websocket' })).toContain(
      'FEISHU_ENCRYPT_KEY is missing: NODE_ENV=production requires an Encrypt Key',
    );
    expect(problem({ ...prod, SANDBOX: 'true' })).toContain('SANDBOX=true is for the fake Feishu');
  });

  it('turns the dashboard on only with both credentials, and wants a real password in production', () => {
    expect(loadConfig({ ...feishu }, 'feishu')).toMatchObject({ DASHBOARD_PATH: '/admin/queues', DASHBOARD_USER: '', METRICS_TOKEN: '' });
    expect(problem({ ...feishu, DASHBOARD_USER: 'ops' })).toContain('DASHBOARD_USER and DASHBOARD_PASSWORD go together');
    expect(problem({ ...feishu, DASHBOARD_PATH: 'queues' })).toContain('DASHBOARD_PATH');
    const prod = { ...feishu, NODE_ENV: 'production', DASHBOARD_USER: 'ops' };
    expect(problem({ ...prod, DASHBOARD_PASSWORD: 'short' })).toContain('DASHBOARD_PASSWORD is too short');
    expect(() => loadConfig({ ...prod, DASHBOARD_PASSWORD: 'a-long-enough-password' }, 'feishu')).not.toThrow();
  });
});
