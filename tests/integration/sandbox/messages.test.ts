import { afterEach, describe, expect, it } from 'vitest';
import type { FakeFeishu } from '../../../bot/sandbox/index.js';
import { ALICE, BOB, GROUP, card, sdkClient, sdkError, startSandbox, text } from '../../helpers/sandbox-fixture.js';

let fake: FakeFeishu;
afterEach(() => fake?.close());

type IdType = 'open_id' | 'chat_id' | 'email' | 'user_id' | 'union_id';
const send = (f: FakeFeishu, type: IdType, id: string, msg_type: string, content: unknown, uuid?: string) =>
  sdkClient(f).im.v1.message.create({
    params: { receive_id_type: type },
    data: { receive_id: id, msg_type, content: content as string, ...(uuid ? { uuid } : {}) },
  });

describe('send', () => {
  it('sends text by open_id into the user p2p chat and keeps it', async () => {
    fake = await startSandbox();
    const res = await send(fake, 'open_id', ALICE, 'text', text('你好'));
    expect(res.code).toBe(0);
    expect(res.data).toMatchObject({
      msg_type: 'text',
      chat_id: fake.p2pChatOf(ALICE),
      sender: { id: 'cli_a1b2c3d4e5f60718', id_type: 'app_id', sender_type: 'app' },
      body: { content: text('你好') },
    });
    expect(res.data?.message_id).toMatch(/^om_/);
    const [m] = fake.messagesTo(ALICE);
    expect(m).toMatchObject({ messageId: res.data?.message_id, sender: 'bot', chatType: 'p2p', content: { text: '你好' } });
    expect(m?.createTime).toBe(Number(res.data?.create_time));
  });

  it('sends a card by chat_id and by email', async () => {
    fake = await startSandbox();
    const byChat = await send(fake, 'chat_id', GROUP, 'interactive', JSON.stringify(card()));
    expect(byChat.code).toBe(0);
    expect(fake.messagesIn(GROUP)[0]?.content).toEqual(card());
    const byEmail = await send(fake, 'email', 'BOB@example.gov.cn', 'text', text('hi'));
    expect(byEmail.data?.chat_id).toBe(fake.p2pChatOf(BOB));
  });

  it('parses <at user_id> in text into mentions', async () => {
    fake = await startSandbox();
    const res = await send(fake, 'chat_id', GROUP, 'text', text('<at user_id="' + BOB + '">Bob</at> 请填报'));
    expect(res.data?.mentions).toEqual([expect.objectContaining({ key: '@_user_1', id: BOB, id_type: 'open_id', name: 'Bob' })]);
  });

  it.each([
    ['open_id with a chat id', 'open_id', GROUP, 400, 230034],
    ['unknown user', 'open_id', 'ou_nobody', 400, 230013],
    ['unknown email', 'email', 'nobody@example.gov.cn', 400, 230013],
    ['unknown chat', 'chat_id', 'oc_unknown', 400, 230002],
  ] as const)('refuses %s', async (_n, type, id, status, code) => {
    fake = await startSandbox();
    const err = await sdkError(send(fake, type, id, 'text', text('x')));
    expect(err.status).toBe(status);
    expect(err.data.code).toBe(code);
  });

  it('refuses a chat the bot is not in (230002) and a user outside the scope (230013)', async () => {
    fake = await startSandbox();
    fake.addChat({ chatId: 'oc_nobot', name: 'no bot', members: [ALICE], botIsMember: false });
    fake.addUser({ openId: 'ou_outside', name: 'Out', outsideScope: true });
    expect((await sdkError(send(fake, 'chat_id', 'oc_nobot', 'text', text('x')))).data.code).toBe(230002);
    expect((await sdkError(send(fake, 'open_id', 'ou_outside', 'text', text('x')))).data.code).toBe(230013);
  });

  it('refuses content given as an object (230001) and an unknown msg_type', async () => {
    fake = await startSandbox();
    const err = await sdkError(send(fake, 'open_id', ALICE, 'text', { text: 'hi' }));
    expect(err.status).toBe(400);
    expect(err.data.code).toBe(230001);
    expect((await sdkError(send(fake, 'open_id', ALICE, 'markdown', text('x')))).data.code).toBe(230001);
    expect(fake.messages()).toHaveLength(0);
  });

  it('refuses text over 150 KB with 230025', async () => {
    fake = await startSandbox();
    const err = await sdkError(send(fake, 'open_id', ALICE, 'text', text('a'.repeat(151 * 1024))));
    expect(err.data.code).toBe(230025);
  });

  it('refuses @all where it is not allowed, accepts it where it is', async () => {
    fake = await startSandbox();
    const atAll = text('<at user_id="all"></at> 开会');
    expect((await sdkError(send(fake, 'chat_id', GROUP, 'text', atAll))).data.code).toBe(230035);
    const cardAtAll = JSON.stringify(card([{ tag: 'markdown', content: '<at id=all></at> 开会' }]));
    expect((await sdkError(send(fake, 'chat_id', GROUP, 'interactive', cardAtAll))).data.code).toBe(230035);
    fake.addChat({ chatId: 'oc_open', name: 'open', members: [ALICE], allowAtAll: true });
    expect((await send(fake, 'chat_id', 'oc_open', 'text', atAll)).code).toBe(0);
  });
});

describe('uuid', () => {
  it('returns the original message for a repeated uuid and stores nothing new', async () => {
    fake = await startSandbox();
    const a = await send(fake, 'open_id', ALICE, 'text', text('once'), 'nudge-7-2025-01-06');
    const b = await send(fake, 'open_id', ALICE, 'text', text('twice'), 'nudge-7-2025-01-06');
    expect(b.data?.message_id).toBe(a.data?.message_id);
    expect(fake.messages()).toHaveLength(1);
  });

  it('forgets a uuid after one hour', async () => {
    let now = Date.UTC(2025, 0, 6, 1);
    fake = await startSandbox({ now: () => now });
    const a = await send(fake, 'open_id', ALICE, 'text', text('once'), 'u-1');
    now += 60 * 60 * 1000 + 1;
    const b = await send(fake, 'open_id', ALICE, 'text', text('again'), 'u-1');
    expect(b.data?.message_id).not.toBe(a.data?.message_id);
  });

  it("answers 230049 in 'error' mode", async () => {
    fake = await startSandbox({ duplicateUuid: 'error' });
    await send(fake, 'open_id', ALICE, 'text', text('once'), 'u-2');
    const err = await sdkError(send(fake, 'open_id', ALICE, 'text', text('once'), 'u-2'));
    expect(err.data.code).toBe(230049);
    expect(fake.messages()).toHaveLength(1);
  });

  it('with sendInFlightMs, answers 230049 (HTTP 400) to a repeat while the first send is in flight, then the original', async () => {
    let now = Date.UTC(2025, 0, 6, 1);
    fake = await startSandbox({ now: () => now, sendInFlightMs: 5000 });
    const a = await send(fake, 'open_id', ALICE, 'text', text('once'), 'u-3');
    now += 4999;
    const err = await sdkError(send(fake, 'open_id', ALICE, 'text', text('once'), 'u-3'));
    expect([err.status, err.data.code]).toEqual([400, 230049]);
    now += 1;
    const b = await send(fake, 'open_id', ALICE, 'text', text('once'), 'u-3');
    expect(b.data?.message_id).toBe(a.data?.message_id);
    expect(fake.messages()).toHaveLength(1);
  });

  it('refuses a uuid longer than 50 characters', async () => {
    fake = await startSandbox();
    expect((await sdkError(send(fake, 'open_id', ALICE, 'text', text('x'), 'u'.repeat(51)))).data.code).toBe(230001);
  });
});

describe('reply', () => {
  const reply = (f: FakeFeishu, id: string, t: string, inThread = false) =>
    sdkClient(f).im.v1.message.reply({ path: { message_id: id }, data: { msg_type: 'text', content: text(t), reply_in_thread: inThread } });

  it('sets root_id and parent_id like Feishu', async () => {
    fake = await startSandbox();
    const said = await fake.userSays({ from: ALICE, text: '进展：已完成' });
    const r1 = await reply(fake, said.messageId, '收到');
    expect(r1.data).toMatchObject({ root_id: said.messageId, parent_id: said.messageId, chat_id: fake.p2pChatOf(ALICE) });
    const r2 = await reply(fake, r1.data!.message_id!, '再确认');
    expect(r2.data).toMatchObject({ root_id: said.messageId, parent_id: r1.data?.message_id });
    expect(fake.message(r2.data!.message_id!)).toMatchObject({ rootId: said.messageId, parentId: r1.data?.message_id });
  });

  it('opens a thread with reply_in_thread; later replies point at the root', async () => {
    fake = await startSandbox();
    const said = await fake.userSays({ from: ALICE, chatId: GROUP, text: '问题', mentions: [fake.botOpenId] });
    const r1 = await reply(fake, said.messageId, 'a', true);
    expect(r1.data?.thread_id).toMatch(/^omt_/);
    const r2 = await reply(fake, r1.data!.message_id!, 'b');
    expect(r2.data).toMatchObject({ root_id: said.messageId, parent_id: said.messageId, thread_id: r1.data?.thread_id });
  });

  it('refuses a reply to an unknown message', async () => {
    fake = await startSandbox();
    expect((await sdkError(reply(fake, 'om_nope', 'x'))).data.code).toBe(230001);
  });
});
