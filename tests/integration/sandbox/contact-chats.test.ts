import { afterEach, describe, expect, it } from 'vitest';
import type { FakeFeishu } from '../../../bot/sandbox/index.js';
import { ALICE, BOB, CAROL, GROUP, sdkClient, sdkError, startSandbox } from '../../helpers/sandbox-fixture.js';

let fake: FakeFeishu;
afterEach(() => fake?.close());

describe('contact', () => {
  it('batch_get_id: ids in user_id, mobiles with or without +86, misses omitted', async () => {
    fake = await startSandbox();
    fake.addUser({ openId: 'ou_gone', name: 'Gone', email: 'gone@example.gov.cn', resigned: true });
    const r = await sdkClient(fake).contact.v3.user.batchGetId({
      params: { user_id_type: 'open_id' },
      data: { emails: ['alice@example.gov.cn', 'nobody@example.gov.cn', 'gone@example.gov.cn'], mobiles: ['+8613800000002'] },
    });
    expect(r.code).toBe(0);
    expect(r.data?.user_list).toEqual([
      expect.objectContaining({ user_id: ALICE, email: 'alice@example.gov.cn' }),
      expect.objectContaining({ user_id: BOB, mobile: '+8613800000002' }),
    ]);
  });

  it("batch_get_id: echoes as the directory holds them when 'normalized' (lower case, +86)", async () => {
    fake = await startSandbox({ batchGetIdEcho: 'normalized' });
    fake.addUser({ openId: 'ou_mixed', name: 'Mixed', email: 'Mixed.Case@Example.gov.cn', mobile: '138 0000 0009' });
    const r = await sdkClient(fake).contact.v3.user.batchGetId({
      params: { user_id_type: 'open_id' },
      data: { emails: ['MIXED.case@example.gov.cn'], mobiles: ['13800000002', '8613800000009'] },
    });
    expect(r.data?.user_list).toEqual([
      expect.objectContaining({ user_id: 'ou_mixed', email: 'mixed.case@example.gov.cn' }),
      expect.objectContaining({ user_id: BOB, mobile: '+8613800000002' }),
      expect.objectContaining({ user_id: 'ou_mixed', mobile: '+8613800000009' }),
    ]);
  });

  it("batch_get_id: union ids on request, resigned on request, misses 'without-id' when configured", async () => {
    fake = await startSandbox({ batchGetIdMisses: 'without-id' });
    fake.addUser({ openId: 'ou_gone', name: 'Gone', email: 'gone@example.gov.cn', resigned: true });
    const r = await sdkClient(fake).contact.v3.user.batchGetId({
      params: { user_id_type: 'union_id' },
      data: { emails: ['carol@example.gov.cn', 'nobody@example.gov.cn', 'gone@example.gov.cn'], include_resigned: true },
    });
    const list = r.data?.user_list ?? [];
    expect(list[0]?.user_id).toMatch(/^on_/);
    expect(list[1]).toEqual({ email: 'nobody@example.gov.cn' });
    expect(list[2]).toMatchObject({ email: 'gone@example.gov.cn', status: { is_resigned: true } });
  });

  it('batch_get_id refuses more than 50 emails', async () => {
    fake = await startSandbox();
    const emails = Array.from({ length: 51 }, (_, i) => `u${i}@example.gov.cn`);
    const err = await sdkError(sdkClient(fake).contact.v3.user.batchGetId({ data: { emails } }));
    expect(err.status).toBe(400);
  });

  it('users/:id returns the user; unknown → 41050, malformed → 41012', async () => {
    fake = await startSandbox();
    const client = sdkClient(fake);
    const r = await client.contact.v3.user.get({ path: { user_id: BOB }, params: { user_id_type: 'open_id' } });
    expect(r.data?.user).toMatchObject({ open_id: BOB, name: 'Bob', email: 'bob@example.gov.cn' });
    const unknown = await sdkError(client.contact.v3.user.get({ path: { user_id: 'ou_nobody' }, params: { user_id_type: 'open_id' } }));
    expect(unknown.data.code).toBe(41050);
    const bad = await sdkError(client.contact.v3.user.get({ path: { user_id: 'nobody' }, params: { user_id_type: 'open_id' } }));
    expect(bad.data.code).toBe(41012);
  });
});

describe('chats', () => {
  it('lists the groups the bot is in, paged', async () => {
    fake = await startSandbox();
    fake.addChat({ chatId: 'oc_second', name: '二组', members: [ALICE] });
    fake.addChat({ chatId: 'oc_nobot', name: 'no bot', members: [ALICE], botIsMember: false });
    const client = sdkClient(fake);
    const p1 = await client.im.v1.chat.list({ params: { page_size: 1 } });
    expect(p1.data?.items?.map((c) => c.chat_id)).toEqual([GROUP]);
    expect(p1.data?.has_more).toBe(true);
    const p2 = await client.im.v1.chat.list({ params: { page_size: 1, page_token: p1.data?.page_token } });
    expect(p2.data?.items?.[0]).toMatchObject({ chat_id: 'oc_second', name: '二组', owner_id: ALICE, chat_status: 'normal' });
    expect(p2.data?.has_more).toBe(false);
  });

  it('pages members, never lists the bot, and may return a short last page', async () => {
    fake = await startSandbox();
    const client = sdkClient(fake);
    const p1 = await client.im.v1.chatMembers.get({ path: { chat_id: GROUP }, params: { member_id_type: 'open_id', page_size: 2 } });
    expect(p1.data).toMatchObject({ member_total: 3, has_more: true });
    expect(p1.data?.items?.map((m) => m.member_id)).toEqual([ALICE, BOB]);
    const p2 = await client.im.v1.chatMembers.get({
      path: { chat_id: GROUP },
      params: { member_id_type: 'open_id', page_size: 2, page_token: p1.data?.page_token },
    });
    expect(p2.data?.items?.map((m) => m.member_id)).toEqual([CAROL]); // the bot's slot is filtered out
    expect(p2.data?.has_more).toBe(false);

    const all: string[] = [];
    for await (const page of await client.im.v1.chatMembers.getWithIterator({ path: { chat_id: GROUP }, params: { page_size: 1 } })) {
      for (const m of page?.items ?? []) all.push(m.member_id ?? '');
    }
    expect(all).toEqual([ALICE, BOB, CAROL]);
    expect(all).not.toContain(fake.botOpenId);
  });

  it('refuses members of a chat the bot is not in (232011) and page_size over 100', async () => {
    fake = await startSandbox();
    fake.addChat({ chatId: 'oc_nobot', name: 'no bot', members: [ALICE], botIsMember: false });
    const client = sdkClient(fake);
    expect((await sdkError(client.im.v1.chatMembers.get({ path: { chat_id: 'oc_nobot' } }))).data.code).toBe(232011);
    expect((await sdkError(client.im.v1.chatMembers.get({ path: { chat_id: GROUP }, params: { page_size: 101 } }))).status).toBe(400);
  });

  it('bot/v3/info answers a top-level bot with its open_id', async () => {
    fake = await startSandbox({ appName: '工作要点助手' });
    const r = await sdkClient(fake).request({ method: 'GET', url: '/open-apis/bot/v3/info' });
    expect(r).toMatchObject({ code: 0, bot: { open_id: fake.botOpenId, app_name: '工作要点助手', activate_status: 2 } });
    expect(r.data).toBeUndefined();
    expect(fake.botOpenId).toMatch(/^ou_[0-9a-f]{32}$/);
  });
});
