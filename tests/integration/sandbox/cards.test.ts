import { afterEach, describe, expect, it } from 'vitest';
import type { FakeFeishu } from '../../../bot/sandbox/index.js';
import { ALICE, GROUP, card, sdkClient, sdkError, startSandbox, text } from '../../helpers/sandbox-fixture.js';

let fake: FakeFeishu;
afterEach(() => fake?.close());

const sendCard = (f: FakeFeishu, content: string) =>
  sdkClient(f).im.v1.message.create({
    params: { receive_id_type: 'chat_id' },
    data: { receive_id: GROUP, msg_type: 'interactive', content },
  });

const md = (i: number) => ({ tag: 'markdown', content: `line ${i}` });
const submitForm = (elements: unknown[]) => ({ tag: 'form', name: 'f', elements });
const input = (name: string) => ({ tag: 'input', name });
const submit = { tag: 'button', name: 'ok', text: { tag: 'plain_text', content: 'OK' }, form_action_type: 'submit' };

describe('card JSON 2.0 validation', () => {
  it.each([
    ['missing schema', { config: {}, body: { elements: [md(1)] } }, 200861],
    ['elements at the top level', { schema: '2.0', elements: [md(1)] }, 200861],
    ['more than 200 elements', card(Array.from({ length: 201 }, (_, i) => md(i))), 11310],
    ['more than 200 nested elements', card(Array.from({ length: 101 }, (_, i) => ({ tag: 'collapsible_panel', elements: [md(i)] }))), 11310],
    ['200 elements plus the title (plain_text counts)', card(Array.from({ length: 200 }, (_, i) => md(i))), 11310],
    ['100 buttons, each with its plain_text text', card(Array.from({ length: 100 }, (_, i) => ({ tag: 'button', text: { tag: 'plain_text', content: `b${i}` } }))), 11310],
    ['a name on a button outside a form', card([{ tag: 'button', name: 'approve', text: { tag: 'plain_text', content: '同意' } }]), 200861],
    ['an unknown top-level property', card([md(1)], { i18n_elements: {} }), 200861],
    ['update_multi false', { ...card(), config: { update_multi: false } }, 200861],
    ['a "tag":"action" block', card([{ tag: 'action', actions: [] }]), 200861],
    ['a note', card([{ tag: 'note', elements: [] }]), 200861],
    ['a form without a submit button', card([submitForm([input('a')])]), 200861],
    ['a form with duplicate names', card([submitForm([input('a'), input('a'), submit])]), 200861],
    ['a form inside a column', card([{ tag: 'column_set', columns: [{ tag: 'column', elements: [submitForm([submit])] }] }]), 200861],
    ['a table with page_size 11', card([{ tag: 'table', page_size: 11, columns: [{ name: 'a' }], rows: [] }]), 200914],
    ['a chart without chart_spec', card([{ tag: 'chart' }]), 200550],
    ['an unknown header template', card([md(1)], { header: { title: { tag: 'plain_text', content: 't' }, template: 'pink' } }), 200861],
  ])('refuses %s with 230099', async (_name, c, sub) => {
    fake = await startSandbox();
    const err = await sdkError(sendCard(fake, JSON.stringify(c)));
    expect(err.status).toBe(400);
    expect(err.data.code).toBe(230099);
    expect(err.data.msg).toContain(`ErrCode: ${sub}`);
    expect(fake.messages()).toHaveLength(0);
  });

  it('refuses malformed JSON with sub-code 200621', async () => {
    fake = await startSandbox();
    const err = await sdkError(sendCard(fake, '{"schema":"2.0",'));
    expect(err.data).toMatchObject({ code: 230099 });
    expect(err.data.msg).toContain('200621');
  });

  it('refuses a card over 30 KB with 230025', async () => {
    fake = await startSandbox();
    const big = card([{ tag: 'markdown', content: 'x'.repeat(31 * 1024) }]);
    expect((await sdkError(sendCard(fake, JSON.stringify(big)))).data.code).toBe(230025);
  });

  it('accepts exactly 200 elements (the title one of them), a valid form and a table', async () => {
    fake = await startSandbox();
    expect((await sendCard(fake, JSON.stringify(card(Array.from({ length: 199 }, (_, i) => md(i)))))).code).toBe(0);
    const rich = card([
      submitForm([input('note'), submit]),
      { tag: 'table', page_size: 5, columns: [{ name: 'task', display_name: '任务', data_type: 'text' }], rows: [{ task: 'a' }] },
    ]);
    expect((await sendCard(fake, JSON.stringify(rich))).code).toBe(0);
  });
});

describe('options where Feishu is undocumented', () => {
  const named = card([{ tag: 'button', name: 'approve', text: { tag: 'plain_text', content: '同意' } }]);

  it('buttonNameOutsideForm: "accept" takes a named button outside a form (default "reject": see above)', async () => {
    fake = await startSandbox({ buttonNameOutsideForm: 'accept' });
    expect((await sendCard(fake, JSON.stringify(named))).code).toBe(0);
  });

  it('cardBodyLimitBytes: "30 KB" read as 30,000 bytes refuses a body the 30,720 reading takes', async () => {
    const between = JSON.stringify(card([{ tag: 'markdown', content: 'x'.repeat(30_100) }]));
    fake = await startSandbox();
    expect((await sendCard(fake, between)).code).toBe(0);
    await fake.close();
    fake = await startSandbox({ cardBodyLimitBytes: 30_000 });
    expect((await sdkError(sendCard(fake, between))).data.code).toBe(230025);
  });
});

describe('patch', () => {
  const patch = (f: FakeFeishu, id: string, content: unknown) =>
    sdkClient(f).im.v1.message.patch({ path: { message_id: id }, data: { content: content as string } });

  it('replaces the card and keeps the history', async () => {
    fake = await startSandbox();
    const sent = await sendCard(fake, JSON.stringify(card([md(1)])));
    const id = sent.data!.message_id!;
    const res = await patch(fake, id, JSON.stringify(card([md(2)])));
    expect(res).toMatchObject({ code: 0, msg: 'ok', data: {} });
    const m = fake.message(id)!;
    expect(m.content.body.elements[0].content).toBe('line 2');
    expect(m.updated).toBe(true);
    expect(m.history.map((h) => h.via)).toEqual(['create', 'patch']);
  });

  it('refuses an invalid card, a non-card, a user message and a card older than 14 days', async () => {
    let now = Date.UTC(2025, 0, 6, 1);
    fake = await startSandbox({ now: () => now });
    const c = (await sendCard(fake, JSON.stringify(card()))).data!.message_id!;
    expect((await sdkError(patch(fake, c, JSON.stringify({ schema: '2.0', body: {} })))).data.code).toBe(230099);
    const t = await sdkClient(fake).im.v1.message.create({
      params: { receive_id_type: 'open_id' },
      data: { receive_id: ALICE, msg_type: 'text', content: text('x') },
    });
    expect((await sdkError(patch(fake, t.data!.message_id!, JSON.stringify(card())))).data.code).toBe(230001);
    const said = await fake.userSays({ from: ALICE, text: 'hi' });
    expect((await sdkError(patch(fake, said.messageId, JSON.stringify(card())))).data.code).toBe(230012);
    now += 14 * 24 * 3600 * 1000 + 1;
    expect((await sdkError(patch(fake, c, JSON.stringify(card())))).data.code).toBe(230031);
  });
});
