/**
 * The buzz (加急) API through the Messenger and the real SDK against the fake: Feishu's checks and
 * answers (invalid receivers listed, all invalid 230001, not the bot's message 230012, 200 unread
 * urgent messages 230023, SMS quota 230024), the record of each buzz, reading, and the console's mark.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FeishuError, reasonOf } from '../../../bot/feishu/errors.js';
import { createMessenger, type Messenger } from '../../../bot/feishu/messenger.js';
import { botText } from '../../../bot/feishu/safe-text.js';
import { startConsole } from '../../../bot/sandbox/console/index.js';
import { startFakeFeishu } from '../../../bot/sandbox/index.js';
import { APP } from '../../helpers/bot-harness.js';

const ALICE = 'ou_alice000000000000000000000001';
const BOB = 'ou_bob00000000000000000000000002';
const CAROL = 'ou_carol0000000000000000000000003';
const GROUP = 'oc_group00000000000000000000001';

let fake: Awaited<ReturnType<typeof startFakeFeishu>>;
let m: Messenger;
let now = Date.parse('2022-04-11T02:00:00Z');

beforeEach(async () => {
  fake = await startFakeFeishu({ ...APP, now: () => now });
  fake.addUser({ openId: ALICE, name: '张敏' });
  fake.addUser({ openId: BOB, name: '李强' });
  fake.addUser({ openId: CAROL, name: '陈静' });
  fake.addChat({ chatId: GROUP, name: '局领导群', members: [ALICE, BOB] });
  m = createMessenger({ appId: APP.appId, appSecret: APP.appSecret, domain: fake.url, nowMs: () => now });
});
afterEach(async () => fake.close());

const refusal = async (p: Promise<unknown>) => {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(FeishuError);
  return e as FeishuError;
};

describe('buzz (加急)', () => {
  it('buzzes a p2p message to its receiver, in the client and by SMS, and records each buzz', async () => {
    const sent = await m.send({ openId: ALICE }, { text: botText`请填报进展` }, 'nudge:a');
    expect(await m.urgent(sent.messageId, [ALICE], 'app')).toEqual([]);
    now += 60_000;
    expect(await m.urgent(sent.messageId, [ALICE], 'sms')).toEqual([]);
    expect(fake.buzzes({ messageId: sent.messageId })).toEqual([
      { messageId: sent.messageId, chatId: fake.p2pChatOf(ALICE), openId: ALICE, via: 'app', at: now - 60_000, readAt: null },
      { messageId: sent.messageId, chatId: fake.p2pChatOf(ALICE), openId: ALICE, via: 'sms', at: now, readAt: null },
    ]);
    expect(fake.calls.filter((c) => c.path.endsWith('/urgent_app') || c.path.endsWith('/urgent_sms')).map((c) => [c.method, c.status])).toEqual([
      ['PATCH', 200], ['PATCH', 200],
    ]);
  });

  it('in a group: members are buzzed, others come back invalid; nobody valid is 230001', async () => {
    const sent = await m.send({ chatId: GROUP }, { text: botText`周报` }, 'digest:1');
    expect(await m.urgent(sent.messageId, [ALICE, CAROL, 'ou_nobody'], 'app')).toEqual([CAROL, 'ou_nobody']);
    expect(fake.buzzes().map((b) => b.openId)).toEqual([ALICE]);
    const e = await refusal(m.urgent(sent.messageId, [CAROL], 'app'));
    expect([e.code, e.httpStatus, e.kind]).toEqual([230001, 400, 'permanent']);
    const p2p = await m.send({ openId: ALICE }, { text: botText`提醒` }, 'nudge:b');
    expect((await refusal(m.urgent(p2p.messageId, [BOB], 'app'))).code).toBe(230001); // Bob did not receive Alice's p2p message
  });

  it('only the bot’s own messages: a user’s message is 230012', async () => {
    const said = await fake.userSays({ from: ALICE, text: '收到' });
    const e = await refusal(m.urgent(said.messageId, [ALICE], 'app'));
    expect(e.code).toBe(230012);
    expect(reasonOf(e)).toBe('机器人不是该消息的发送者');
  });

  it('at most 200 unread urgent messages per person (230023), until they read some', async () => {
    fake.addUnreadUrgent(ALICE, 198);
    const first = await m.send({ openId: ALICE }, { text: botText`一` }, 'nudge:1');
    const second = await m.send({ openId: ALICE }, { text: botText`二` }, 'nudge:2');
    const third = await m.send({ openId: ALICE }, { text: botText`三` }, 'nudge:3');
    await m.urgent(first.messageId, [ALICE], 'app');
    await m.urgent(second.messageId, [ALICE], 'app'); // the 200th
    await m.urgent(second.messageId, [ALICE], 'sms'); // the same message again adds nothing
    const e = await refusal(m.urgent(third.messageId, [ALICE], 'app'));
    expect([e.code, e.kind]).toEqual([230023, 'permanent']);
    expect(reasonOf(e)).toContain('未读的加急消息过多');
    expect(fake.buzzes({ messageId: third.messageId })).toEqual([]);

    await fake.userSays({ from: ALICE, text: '看到了' }); // reading the chat reads its urgent messages
    expect(fake.buzzes({ openId: ALICE, unread: true }).filter((b) => b.messageId)).toEqual([]);
    expect(await m.urgent(third.messageId, [ALICE], 'app')).toEqual([]);
  });

  it('SMS and phone spend the tenant’s quota: used up is 230024; app buzzes stay free', async () => {
    fake.setUrgentQuota({ sms: 1 });
    const sent = await m.send({ openId: ALICE }, { text: botText`提醒` }, 'nudge:q');
    await m.urgent(sent.messageId, [ALICE], 'sms');
    const e = await refusal(m.urgent(sent.messageId, [ALICE], 'sms'));
    expect(e.code).toBe(230024);
    expect(reasonOf(e)).toContain('加急额度已用完');
    expect(await m.urgent(sent.messageId, [ALICE], 'app')).toEqual([]);
  });

  it('the console marks a buzzed message 加急, with whom, how and whether it was read', async () => {
    const console_ = await startConsole({ fake });
    try {
      const sent = await m.send({ openId: ALICE }, { text: botText`请填报进展` }, 'nudge:c');
      const plain = await m.send({ openId: ALICE }, { text: botText`另一条` }, 'nudge:d');
      await m.urgent(sent.messageId, [ALICE], 'app');
      const views = async () => ((await (await fetch(new URL(`api/chats/${fake.p2pChatOf(ALICE)}/messages`, console_.url))).json()) as { messages: { messageId: string; urgent: unknown }[] }).messages;
      const byId = async (id: string) => (await views()).find((v) => v.messageId === id)!.urgent;
      expect(await byId(sent.messageId)).toEqual({ people: ['张敏（应用内）未读'], unread: true });
      expect(await byId(plain.messageId)).toBeNull();
      fake.readUrgent(ALICE);
      expect(await byId(sent.messageId)).toEqual({ people: ['张敏（应用内）已读'], unread: false });
    } finally {
      await console_.close();
    }
  });
});
