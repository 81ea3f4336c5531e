import { describe, expect, it } from 'vitest';
import { cardActionSchema, messageEventSchema } from '../../../bot/feishu/envelope.js';

const click = { operator: { open_id: 'ou_1' }, token: 'c-1', action: { tag: 'button', value: { action: 'done' } } };

describe('cardActionSchema', () => {
  it.each<[string, Record<string, unknown>, unknown]>([
    ['ids in context (documented)', { context: { open_message_id: 'om_1', open_chat_id: 'oc_1' } }, { open_message_id: 'om_1', open_chat_id: 'oc_1' }],
    ['ids at the event root', { open_message_id: 'om_1', open_chat_id: 'oc_1' }, { open_message_id: 'om_1', open_chat_id: 'oc_1' }],
    ['context first when both', { context: { open_message_id: 'om_1' }, open_message_id: 'om_2', open_chat_id: 'oc_2' }, { open_message_id: 'om_1', open_chat_id: 'oc_2' }],
    ['neither', {}, undefined],
  ])('%s', (_what, where, context) => {
    const r = cardActionSchema.parse({ ...click, ...where });
    expect(r.context).toEqual(context);
    expect(r).not.toHaveProperty('open_message_id');
  });
});

describe('messageEventSchema', () => {
  const event = (mentions: unknown) => ({
    sender: { sender_id: { open_id: 'ou_1' }, sender_type: 'user' },
    message: { message_id: 'om_1', chat_id: 'oc_1', chat_type: 'p2p', message_type: 'text', content: '{"text":"/ping"}', mentions },
  });
  it.each([null, undefined, []])('accepts mentions: %s', (mentions) => {
    const r = messageEventSchema.safeParse(event(mentions));
    expect(r.success).toBe(true);
    expect(r.data?.message.mentions ?? []).toEqual([]);
  });
  it('still refuses mentions of the wrong shape', () => expect(messageEventSchema.safeParse(event('x')).success).toBe(false));
});
