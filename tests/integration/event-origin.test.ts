/**
 * #14 item 12 — whose event is it: a signed event or card callback without
 * `header.app_id`, for another app, without `header.tenant_key` or for another
 * tenant is refused (403, no trace, counted), over the webhook and the long
 * connection. With FEISHU_TENANT_KEY unset the tenant of the first verified
 * event is pinned in the store and holds across a restart.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createWsDispatcher } from '../../bot/feishu/long-connection.js';
import { sealRequest } from '../../bot/sandbox/crypto.js';
import { APP, startHarness, type Harness } from '../helpers/bot-harness.js';
import { sample, scrape } from '../helpers/metrics-text.js';
import { sleep } from '../helpers/wait-for.js';

const ALICE = 'ou_alice000000000000000000000001';

let h: Harness;
afterEach(async () => h?.close());

type Header = Record<string, string | undefined>;

function envelope(eventId: string, header: Header, eventType = 'im.message.receive_v1') {
  const event =
    eventType === 'card.action.trigger'
      ? { operator: { open_id: ALICE }, token: 'c-1', action: { tag: 'button', value: { action: 'ping' } }, context: { open_message_id: 'om_1', open_chat_id: 'oc_1' } }
      : {
          sender: { sender_id: { open_id: ALICE }, sender_type: 'user' },
          message: { message_id: `om_${eventId}`, chat_id: 'oc_p2p', chat_type: 'p2p', message_type: 'text', content: '{"text":"/ping"}' },
        };
  const h0: Header = { event_id: eventId, event_type: eventType, create_time: String(Date.now()), token: APP.verificationToken, app_id: APP.appId, tenant_key: h.fake.tenantKey, ...header };
  return { schema: '2.0', header: Object.fromEntries(Object.entries(h0).filter(([, v]) => v !== undefined)), event };
}

const post = (path: string, payload: unknown) => {
  const s = sealRequest(APP.encryptKey, payload, Date.now());
  return fetch(`${h.bot.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...s.headers }, body: s.body });
};

const refusedCount = async (reason: string) => sample(await scrape(h.bot.url), 'workplan_events_refused_total', { reason }) ?? 0;

const CASES: [string, Header, string][] = [
  ['without app_id', { app_id: undefined }, 'event without app_id'],
  ['for another app', { app_id: 'cli_ffffffffffffffff' }, 'event for another app'],
  ['without tenant_key', { tenant_key: undefined }, 'event without tenant_key'],
  ['for another tenant', { tenant_key: 'another-tenant' }, 'event for another tenant'],
];

describe('events and card callbacks of another app or tenant', () => {
  it.each(CASES)('a signed event %s → 403, no trace, counted; the genuine one is still accepted', async (_what, header, reason) => {
    h = await startHarness();
    h.fake.addUser({ openId: ALICE, name: '张敏' });
    for (const path of ['/feishu/events', '/feishu/cards']) {
      const type = path === '/feishu/cards' ? 'card.action.trigger' : 'im.message.receive_v1';
      const res = await post(path, envelope(`ev${path.replace(/\//g, '-')}`, header, type));
      expect(res.status).toBe(403);
      expect(((await res.json()) as { msg: string }).msg).toBe(reason);
    }
    await sleep(200);
    expect(await h.bot.deps.db.processedEvent.count()).toBe(0);
    expect(await h.bot.deps.queues.inbound.count()).toBe(0);
    expect(await refusedCount(reason)).toBe(2);
    // The same event id, genuine, goes through: the refusals left nothing behind.
    expect((await post('/feishu/events', envelope('ev-feishu-events', {}))).status).toBe(200);
    expect(await h.bot.deps.db.processedEvent.count()).toBe(1);
  });

  it('over the long connection: dropped without a throw (no re-push), counted, no trace', async () => {
    h = await startHarness();
    const dispatcher = createWsDispatcher(h.bot.deps, async () => ({ toast: { type: 'info', content: 'x' } }));
    for (const [i, [, header]] of CASES.entries()) {
      await dispatcher.invoke(envelope(`ws-bad-${i}`, header), { needCheck: false });
      expect(await dispatcher.invoke(envelope(`ws-card-${i}`, header, 'card.action.trigger'), { needCheck: false })).toEqual({});
    }
    expect(await h.bot.deps.db.processedEvent.count()).toBe(0);
    for (const [, , reason] of CASES) expect(await refusedCount(reason)).toBe(2);
    await dispatcher.invoke(envelope('ws-good', {}), { needCheck: false });
    expect(await h.bot.deps.db.processedEvent.count()).toBe(1);
  });
});

describe('FEISHU_TENANT_KEY not set', () => {
  it('pins the tenant of the first verified event in the store; another tenant is refused, also after a restart', async () => {
    h = await startHarness({ env: { FEISHU_TENANT_KEY: '' } });
    h.fake.addUser({ openId: ALICE, name: '张敏' });
    const said = await h.fake.userSays({ from: ALICE, text: '/ping' });
    expect((await said.delivery)?.status).toBe(200);
    expect(await h.bot.deps.db.setting.findUnique({ where: { key: 'tenant_key' } })).toMatchObject({ value: h.fake.tenantKey });
    expect((await post('/feishu/events', envelope('ev-other-1', { tenant_key: 'another-tenant' }))).status).toBe(403);
    await h.restart();
    expect((await post('/feishu/events', envelope('ev-other-2', { tenant_key: 'another-tenant' }))).status).toBe(403);
    expect((await post('/feishu/events', envelope('ev-same', {}))).status).toBe(200);
    expect(await h.bot.deps.db.processedEvent.count()).toBe(2);
  });
});
