/** The Messenger through the real SDK against the fake Feishu. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FeishuError } from '../../bot/feishu/errors.js';
import { createMessenger, uuidFor, type Messenger } from '../../bot/feishu/messenger.js';
import { startFakeFeishu } from '../../bot/sandbox/index.js';
import { botText } from '../../bot/feishu/safe-text.js';
import { APP } from '../helpers/bot-harness.js';
import { rawCard } from '../helpers/raw-card.js';

const ALICE = 'ou_alice000000000000000000000001';
const BOB = 'ou_bob00000000000000000000000002';
const GROUP = 'oc_group00000000000000000000001';
const card = (title: string) => rawCard({
  schema: '2.0',
  config: { update_multi: true },
  header: { title: { tag: 'plain_text', content: title }, template: 'blue' },
  body: { elements: [{ tag: 'markdown', content: '**进展**' }] },
});

let fake: Awaited<ReturnType<typeof startFakeFeishu>>;
let m: Messenger;

beforeEach(async () => {
  fake = await startFakeFeishu({ ...APP });
  fake.addUser({ openId: ALICE, name: '张敏', email: 'zhangmin@qj.gov.cn', mobile: '13800000001' });
  fake.addUser({ openId: BOB, name: '李强', email: 'liqiang@qj.gov.cn' });
  fake.addChat({ chatId: GROUP, name: '局领导群', members: [ALICE, BOB] });
  m = createMessenger({ appId: APP.appId, appSecret: APP.appSecret, domain: fake.url });
});
afterEach(async () => fake.close());

describe('Messenger', () => {
  it('sends text and cards to a user and to a chat, each with a uuid from its key', async () => {
    const a = await m.send({ openId: ALICE }, { text: botText`您好` }, 'greet:alice');
    const b = await m.send({ chatId: GROUP }, { card: card('周报') }, 'digest:2022-W15');
    expect(fake.message(a.messageId)).toMatchObject({ chatId: fake.p2pChatOf(ALICE), msgType: 'text', uuid: uuidFor('greet:alice') });
    expect(fake.message(b.messageId)).toMatchObject({ chatId: GROUP, msgType: 'interactive' });
    expect(uuidFor('x').length).toBeLessThanOrEqual(50);
  });

  it('a retry with the same key shows one message', async () => {
    const first = await m.send({ openId: ALICE }, { text: botText`提醒` }, 'nudge:1:2:2022-W14:checkin');
    const again = await m.send({ openId: ALICE }, { text: botText`提醒` }, 'nudge:1:2:2022-W14:checkin');
    expect(again.messageId).toBe(first.messageId);
    expect(fake.messagesTo(ALICE)).toHaveLength(1);
  });

  it('replies in a thread, updates a card, uploads and downloads files', async () => {
    const said = await fake.userSays({ from: ALICE, attachment: { fileName: 'plan.txt', bytes: Buffer.from('一、测试') } });
    const stored = fake.message(said.messageId)!;
    const bytes = await m.downloadFile(said.messageId, stored.content.file_key, 'file');
    expect(bytes.toString('utf8')).toBe('一、测试');
    const r = await m.reply(said.messageId, { card: card('已收到') }, 'reply:x');
    expect(fake.message(r.messageId)!.parentId).toBe(said.messageId);
    await m.updateCard(r.messageId, card('已导入'));
    expect(fake.message(r.messageId)!.content.header.title.content).toBe('已导入');
    const key = await m.uploadFile('台账.xlsx', Buffer.from([1, 2, 3, 250]));
    await m.send({ openId: ALICE }, { fileKey: key }, 'export:1');
    expect([...fake.fileBytes(key)!]).toEqual([1, 2, 3, 250]);
  });

  it('looks users up by email and mobile, lists chat members, knows the bot', async () => {
    const found = await m.lookupUsers({ emails: ['zhangmin@qj.gov.cn', 'nobody@qj.gov.cn'], mobiles: ['13800000001'] });
    expect(found.get('zhangmin@qj.gov.cn')).toBe(ALICE);
    expect(found.get('13800000001')).toBe(ALICE);
    expect(found.has('nobody@qj.gov.cn')).toBe(false);
    expect((await m.chatMembers(GROUP)).map((x) => x.openId).sort()).toEqual([ALICE, BOB].sort());
    expect((await m.botInfo()).openId).toBe(fake.botOpenId);
  });

  it.each(['as-sent', 'normalized'] as const)('matches lookups however Feishu echoes them (%s)', async (echo) => {
    const other = await startFakeFeishu({ ...APP, batchGetIdEcho: echo });
    try {
      other.addUser({ openId: ALICE, name: '张敏', email: 'ZhangMin@QJ.gov.cn', mobile: '13800000001' });
      other.addUser({ openId: BOB, name: '李强', mobile: '+86 139-0000-0002' });
      const lm = createMessenger({ appId: APP.appId, appSecret: APP.appSecret, domain: other.url });
      const found = await lm.lookupUsers({ emails: ['ZhangMin@QJ.gov.cn'], mobiles: ['+86 138 0000 0001', '13900000002', 'not-a-number'] });
      expect(Object.fromEntries(found)).toEqual({ 'ZhangMin@QJ.gov.cn': ALICE, '+86 138 0000 0001': ALICE, '13900000002': BOB });
    } finally {
      await other.close();
    }
  });

  it.each([
    ['a user outside the scope', () => m.send({ openId: 'ou_nobody000000000000000000000099' }, { text: botText`x` }, 'k1'), 230013],
    ['a chat without the bot', () => m.send({ chatId: 'oc_elsewhere0000000000000000001' }, { text: botText`x` }, 'k2'), 230002],
    ['an invalid card', () => m.send({ openId: ALICE }, { card: rawCard({ header: {} }) }, 'k3'), 230099],
  ])('classifies %s as permanent with its code', async (_what, act, code) => {
    const e = await act().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(FeishuError);
    expect(e).toMatchObject({ kind: 'permanent', code });
  });

  it('classifies a 429 as a rate limit with its reset time, and 5xx and network faults as retryable', async () => {
    fake.faults.rateLimit({ times: 1, resetSeconds: 2 });
    await expect(m.send({ openId: ALICE }, { text: botText`x` }, 'k4')).rejects.toMatchObject({ kind: 'rate_limit', code: 99991400, retryAfterMs: 2000 });
    fake.faults.serverError({ times: 1, status: 502 });
    await expect(m.send({ openId: ALICE }, { text: botText`x` }, 'k5')).rejects.toMatchObject({ kind: 'server', httpStatus: 502 });
    const dead = createMessenger({ appId: APP.appId, appSecret: APP.appSecret, domain: 'http://127.0.0.1:1' });
    await expect(dead.send({ openId: ALICE }, { text: botText`x` }, 'k6')).rejects.toMatchObject({ kind: 'network' });
  });

  it('refuses a wrong app secret as a permanent error', async () => {
    const wrong = createMessenger({ appId: APP.appId, appSecret: 'nope', domain: fake.url });
    await expect(wrong.send({ openId: ALICE }, { text: botText`x` }, 'k7')).rejects.toMatchObject({ kind: 'permanent' });
  });
});
