/**
 * The operator endpoints on a real bot: /healthz, /readyz (Redis, store,
 * Feishu token; 503 naming what failed) and the BullMQ dashboard behind
 * basic auth (absent when not configured).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../helpers/bot-harness.js';

const USER = 'ops';
const PASSWORD = 'correct horse battery staple';
const basic = (user: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` });

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function getJson(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('/healthz and /readyz', () => {
  it('is ready when Redis, the store and a Feishu token are at hand, and names what failed when not', async () => {
    h = await startHarness();
    expect(await getJson(`${h.bot.url}/healthz`)).toEqual({ status: 200, body: { ok: true } });
    expect(await getJson(`${h.bot.url}/readyz`)).toEqual({
      status: 200,
      body: { ok: true, failed: [], checks: { redis: 'ok', store: 'ok', feishu: 'ok' } },
    });

    // Feishu refuses the app's credentials (a new process: no cached token).
    await h.bot.close();
    h.bot = await (await import('../../../bot/main.js')).startBot({ config: { ...h.config, FEISHU_APP_SECRET: 'wrong-secret' } });
    const feishuDown = await getJson(`${h.bot.url}/readyz`);
    expect(feishuDown.status).toBe(503);
    expect(feishuDown.body).toMatchObject({ ok: false, failed: ['feishu'], checks: { redis: 'ok', store: 'ok' } });

    // Redis gone: still alive, not ready.
    h.bot.deps.redis.disconnect();
    expect((await getJson(`${h.bot.url}/healthz`)).status).toBe(200);
    const redisDown = await getJson(`${h.bot.url}/readyz`);
    expect(redisDown.status).toBe(503);
    expect(redisDown.body.failed).toEqual(['redis', 'feishu']);
  });
});

describe('the queue dashboard', () => {
  it('is not mounted without credentials', async () => {
    h = await startHarness();
    expect((await fetch(`${h.bot.url}/admin/queues`)).status).toBe(404);
  });

  it('refuses without the right credentials and serves the queues with them', async () => {
    h = await startHarness({ env: { DASHBOARD_USER: USER, DASHBOARD_PASSWORD: PASSWORD, DASHBOARD_PATH: '/ops/queues' } });
    const anonymous = await fetch(`${h.bot.url}/ops/queues`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
    expect((await fetch(`${h.bot.url}/ops/queues`, { headers: basic(USER, 'wrong') })).status).toBe(401);
    expect((await fetch(`${h.bot.url}/ops/queues/api/queues`, { headers: basic('someone', PASSWORD) })).status).toBe(401);

    const page = await fetch(`${h.bot.url}/ops/queues`, { headers: basic(USER, PASSWORD) });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('workplan-bot');
    const api = await getJson(`${h.bot.url}/ops/queues/api/queues`, basic(USER, PASSWORD));
    expect(api.status).toBe(200);
    const names = (api.body.queues as { name: string }[]).map((q) => q.name).sort();
    expect(names).toEqual(['inbound', 'nudges', 'sweeps']);
  });
});
