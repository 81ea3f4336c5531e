/**
 * `workplan start` says how it receives events and which open platform it talks to, fetches a
 * tenant token once, and names the variable to fix when Feishu refuses the credentials or cannot
 * be reached; /readyz keeps saying so.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeFeishu } from '../../../bot/sandbox/index.js';
import { dropQueuePrefix } from '../../../bot/demo/drop-prefix.js';
import { APP, REDIS_URL } from '../../helpers/bot-harness.js';
import { spawnBot, type BotProcess } from '../../helpers/spawn-bot.js';
import { createTestDatabase } from '../../helpers/test-database.js';
import { waitFor } from '../../helpers/wait-for.js';

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function start(fakeUrl: string, env: Record<string, string>): Promise<BotProcess> {
  const database = await createTestDatabase();
  cleanups.push(() => database.drop());
  const queuePrefix = `{wpt-fc-${randomUUID().slice(0, 8)}}`;
  cleanups.push(() => dropQueuePrefix(REDIS_URL, queuePrefix));
  const p = await spawnBot('start', { fakeUrl, databaseUrl: database.url, queuePrefix, env });
  cleanups.push(() => p.stop());
  return p;
}

async function readyz(url: string) {
  const res = await fetch(`${url}/readyz`);
  return { status: res.status, body: (await res.json()) as { failed: string[]; checks: Record<string, string> } };
}

describe('the Feishu check at start', () => {
  it('webhook mode with a wrong App Secret: names FEISHU_APP_SECRET at start and in /readyz', async () => {
    const fake = await startFakeFeishu({ ...APP });
    cleanups.push(() => fake.close());
    const p = await start(fake.url, { FEISHU_APP_SECRET: 'wrong-secret' });
    await waitFor(() => p.stderr().includes('FEISHU_APP_SECRET:'), 60_000, 'the Feishu check');
    expect(p.stdout().split('\n').slice(0, 3)).toEqual([
      `workplan-bot 已启动 / started: ${p.url}（健康检查 health ${p.url}/readyz）`,
      `接收方式 / mode: Webhook（事件请求地址 events ${p.url}/feishu/events，卡片回调地址 card callbacks ${p.url}/feishu/cards；在开发者后台填写对外的 HTTPS 地址 / register their public HTTPS address）`,
      `开放平台 / platform: 自定义地址 custom（${fake.url}）`,
    ]);
    const secret = 'FEISHU_APP_SECRET: Feishu refused the App Secret (code 10014); copy it from the developer console (a reset secret replaces the old one)';
    expect(p.stderr()).toContain(`飞书拒绝了 App Secret（code 10014）。请从开发者后台「凭证与基础信息」复制 App Secret 到 FEISHU_APP_SECRET（重置后旧的即失效）。\n${secret}\n`);
    expect(p.stdout()).not.toContain('飞书连接正常');
    expect(await readyz(p.url)).toMatchObject({ status: 503, body: { failed: ['feishu'], checks: { feishu: secret } } });
  });

  it('Feishu not reachable: names FEISHU_DOMAIN', async () => {
    const gone = await startFakeFeishu({ ...APP });
    await gone.close();
    const p = await start(gone.url, {});
    await waitFor(() => p.stderr().includes('FEISHU_DOMAIN:'), 60_000, 'the Feishu check');
    const unreachable = `FEISHU_DOMAIN: Feishu is unreachable at ${gone.url} (connect ECONNREFUSED ${gone.url.replace('http://', '')}); check the network, proxy and FEISHU_DOMAIN`;
    expect(p.stderr()).toContain(`无法连接飞书开放平台 ${gone.url}（connect ECONNREFUSED ${gone.url.replace('http://', '')}）。`);
    expect(p.stderr()).toContain(unreachable);
    expect(await readyz(p.url)).toMatchObject({ status: 503, body: { failed: ['feishu'], checks: { feishu: unreachable } } });
  });

  it('long-connection mode: prints no webhook address, connects, and says Feishu took the credentials', async () => {
    const fake = await startFakeFeishu({ ...APP });
    cleanups.push(() => fake.close());
    fake.useLongConnection();
    const p = await start(fake.url, { FEISHU_MODE: 'websocket' });
    await waitFor(() => p.stdout().includes('飞书连接正常'), 60_000, 'the Feishu check');
    expect(p.stdout()).toBe(
      [
        `workplan-bot 已启动 / started: ${p.url}（健康检查 health ${p.url}/readyz）`,
        '接收方式 / mode: 长连接 long connection（主动连接飞书，无需公网地址 / dials out, no public URL needed）',
        `开放平台 / platform: 自定义地址 custom（${fake.url}）`,
        '飞书连接正常，应用凭证有效 / Feishu reachable, App ID and App Secret accepted',
        '',
      ].join('\n'),
    );
    await waitFor(() => fake.longConnectionStats().clients === 1, 60_000, 'the long connection');
    expect(p.stderr()).toBe('');
  });
});
