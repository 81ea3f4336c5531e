import { afterEach, describe, expect, it } from 'vitest';
import type { FakeFeishu } from '../../../bot/sandbox/index.js';
import { ALICE, BOB, GROUP, card, sdkClient, sdkError, startSandbox } from '../../helpers/sandbox-fixture.js';
import { startReceiver } from '../../helpers/sandbox-receiver.js';
import { startSdkReceiver } from '../../helpers/sandbox-sdk-receiver.js';

let fake: FakeFeishu;
const closers: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  await fake?.close();
  while (closers.length) await closers.pop()!();
});

const doneButton = { tag: 'button', text: { tag: 'plain_text', content: '完成' }, behaviors: [{ type: 'callback', value: { action: 'done', id: 7 } }] };

async function sendCard(f: FakeFeishu, c: object = card([doneButton])): Promise<string> {
  const r = await sdkClient(f).im.v1.message.create({
    params: { receive_id_type: 'chat_id' },
    data: { receive_id: GROUP, msg_type: 'interactive', content: JSON.stringify(c) },
  });
  return r.data!.message_id!;
}

describe('clickCard', () => {
  it('round-trips through the SDK dispatcher; a raw card answer replaces the stored card', async () => {
    fake = await startSandbox();
    const seen: any[] = [];
    const rx = await startSdkReceiver({
      'card.action.trigger': (d) => {
        seen.push(d);
        return { toast: { type: 'success', content: '已完成' }, card: { type: 'raw', data: card([{ tag: 'markdown', content: '✅ 已完成' }]) } };
      },
    });
    closers.push(rx.close);
    fake.setWebhook({ eventsUrl: rx.url, cardsUrl: rx.url });
    const id = await sendCard(fake);
    const r = await fake.clickCard({ from: BOB, messageId: id, value: { action: 'done', id: 7 } });

    expect(r).toMatchObject({ status: 200, outcome: 'acked', cardReplaced: true, cardError: null });
    expect(r.body).toMatchObject({ toast: { type: 'success', content: '已完成' } });
    expect(seen[0]).toMatchObject({
      event_type: 'card.action.trigger',
      token: r.token, // the flattened event's token is the c- card token
      operator: { open_id: BOB },
      action: { tag: 'button', value: { action: 'done', id: 7 } },
      context: { open_message_id: id, open_chat_id: GROUP },
    });
    expect(r.token).toMatch(/^c-/);
    expect(seen[0].create_time).toMatch(/^\d{16}$/); // µs
    const m = fake.message(id)!;
    expect(m.content.body.elements[0].content).toBe('✅ 已完成');
    expect(m.history.map((h) => h.via)).toEqual(['create', 'callback']);
    expect(fake.deliveries.at(-1)).toMatchObject({ eventType: 'card.action.trigger', attempt: 1, outcome: 'acked' });
  });

  it("puts open_message_id / open_chat_id at the event root when cardCallbackIds is 'root'", async () => {
    fake = await startSandbox({ cardCallbackIds: 'root' });
    const seen: any[] = [];
    const rx = await startSdkReceiver({ 'card.action.trigger': (d) => void seen.push(d) });
    closers.push(rx.close);
    fake.setWebhook({ cardsUrl: rx.url });
    const id = await sendCard(fake);
    expect((await fake.clickCard({ from: BOB, messageId: id, value: { action: 'done', id: 7 } })).outcome).toBe('acked');
    expect(seen[0]).toMatchObject({ open_message_id: id, open_chat_id: GROUP, action: { value: { action: 'done', id: 7 } } });
    expect(seen[0].context).toBeUndefined();
  });

  it('sends form values and names; an invalid card answer is not applied', async () => {
    fake = await startSandbox();
    const rx = await startReceiver(() => ({ body: JSON.stringify({ card: { type: 'raw', data: { elements: [] } } }) }));
    closers.push(rx.close);
    fake.setWebhook({ cardsUrl: rx.url });
    const id = await sendCard(fake);
    const r = await fake.clickCard({ from: ALICE, messageId: id, name: 'submit', value: { action: 'report' }, formValue: { note: '已完成 80%' } });
    expect(r.cardReplaced).toBe(false);
    expect(r.cardError).toMatch(/schema/);
    expect(fake.message(id)!.history).toHaveLength(1);
  });

  it('does not retry a callback that times out', async () => {
    fake = await startSandbox({ ackTimeoutMs: 100, redeliveryDelaysMs: [10] });
    const rx = await startReceiver(() => ({ delayMs: 300 }));
    closers.push(rx.close);
    fake.setWebhook({ cardsUrl: rx.url });
    const id = await sendCard(fake);
    const r = await fake.clickCard({ from: ALICE, messageId: id, value: {} });
    expect(r.outcome).toBe('timeout');
    await new Promise((ok) => setTimeout(ok, 50));
    expect(rx.requests).toHaveLength(1);
    expect(fake.pendingRedeliveries()).toBe(0);
  });

  it('locks the card while the callback runs: a PATCH meanwhile gets 230099 "card action is lock"', async () => {
    fake = await startSandbox();
    let patchResult: any;
    const rx = await startReceiver(() => ({ delayMs: 100 }));
    closers.push(rx.close);
    fake.setWebhook({ cardsUrl: rx.url });
    const id = await sendCard(fake);
    const client = sdkClient(fake);
    await client.request({ method: 'GET', url: '/open-apis/bot/v3/info' }); // fetch the token first
    const click = fake.clickCard({ from: ALICE, messageId: id, value: {} });
    await new Promise((ok) => setTimeout(ok, 30));
    patchResult = await sdkError(client.im.v1.message.patch({ path: { message_id: id }, data: { content: JSON.stringify(card()) } }));
    await click;
    expect(patchResult.data.code).toBe(230099);
    expect(patchResult.data.msg).toContain('card action is lock');
    expect((await client.im.v1.message.patch({ path: { message_id: id }, data: { content: JSON.stringify(card()) } })).code).toBe(0);
  });
});

describe('interactive/v1/card/update (delayed update)', () => {
  it('accepts the click token twice, then answers 300030', async () => {
    fake = await startSandbox();
    const rx = await startReceiver(() => ({ body: '{}' }));
    closers.push(rx.close);
    fake.setWebhook({ cardsUrl: rx.url });
    const id = await sendCard(fake);
    const { token } = await fake.clickCard({ from: ALICE, messageId: id, value: {} });
    const client = sdkClient(fake);
    const update = (n: number) =>
      client.request({ method: 'POST', url: '/open-apis/interactive/v1/card/update', data: { token, card: card([{ tag: 'markdown', content: `v${n}` }]) } });
    expect((await update(1)).code).toBe(0);
    expect((await update(2)).code).toBe(0);
    const err = await sdkError(update(3));
    expect(err.status).toBe(400);
    expect(err.data.code).toBe(300030);
    expect(fake.message(id)!.content.body.elements[0].content).toBe('v2');
    expect(fake.message(id)!.history.map((h) => h.via)).toEqual(['create', 'delayed_update', 'delayed_update']);
  });

  it('expires the token after 30 minutes', async () => {
    let now = Date.UTC(2025, 0, 6, 1);
    fake = await startSandbox({ now: () => now });
    const rx = await startReceiver();
    closers.push(rx.close);
    fake.setWebhook({ cardsUrl: rx.url });
    const id = await sendCard(fake);
    const { token } = await fake.clickCard({ from: ALICE, messageId: id, value: {} });
    now += 30 * 60 * 1000 + 1;
    const err = await sdkError(
      sdkClient(fake).request({ method: 'POST', url: '/open-apis/interactive/v1/card/update', data: { token, card: card() } }),
    );
    expect(err.data.code).toBe(300030);
  });
});
