/** Shapes of what Feishu sends, validated before anything else looks at them. */
import { z } from 'zod';

export const envelopeSchema = z.object({
  schema: z.literal('2.0'),
  header: z
    .object({
      event_id: z.string().min(1).max(128),
      event_type: z.string().min(1).max(128),
      token: z.string().max(256).optional(),
      create_time: z.string().max(32).optional(),
      app_id: z.string().max(64).optional(),
      tenant_key: z.string().max(64).optional(),
    })
    .passthrough(),
  event: z.record(z.string(), z.unknown()),
});
export type Envelope = z.infer<typeof envelopeSchema>;

export const challengeSchema = z.object({
  type: z.literal('url_verification'),
  challenge: z.string().max(512),
  token: z.string().max(256).optional(),
});

const idSchema = z.object({ open_id: z.string().optional(), union_id: z.string().optional(), user_id: z.string().optional() });

export const messageEventSchema = z.object({
  sender: z.object({ sender_id: idSchema, sender_type: z.string().optional() }),
  message: z.object({
    message_id: z.string().min(1),
    root_id: z.string().optional(),
    parent_id: z.string().optional(),
    thread_id: z.string().optional(),
    chat_id: z.string().min(1),
    chat_type: z.string(),
    message_type: z.string(),
    content: z.string(),
    create_time: z.string().optional(),
    // Feishu may send `mentions: null` for a message without any (as the SDK's own types allow).
    mentions: z
      .array(z.object({ key: z.string(), id: idSchema, name: z.string().optional() }).passthrough())
      .nullish(),
  }),
});
export type MessageEvent = z.infer<typeof messageEventSchema>;

export const cardActionSchema = z.object({
  operator: idSchema,
  token: z.string().optional(),
  action: z
    .object({
      tag: z.string().optional(),
      value: z.unknown().optional(),
      name: z.string().optional(),
      form_value: z.record(z.string(), z.unknown()).optional(),
      input_value: z.string().optional(),
      option: z.string().optional(),
    })
    .passthrough(),
  context: z.object({ open_message_id: z.string().optional(), open_chat_id: z.string().optional() }).passthrough().optional(),
  open_message_id: z.string().optional(),
  open_chat_id: z.string().optional(),
})
  /**
   * The card and chat of a click live in `event.context` (card callback communication,
   * https://open.feishu.cn/document/feishu-cards/card-callback-communication); the SDK's own
   * normaliser (channel/normalize/card-action.ts) also takes them from the event root. Read either,
   * so every handler looks in `context` only.
   */
  .transform(({ open_message_id, open_chat_id, ...a }) => {
    const messageId = a.context?.open_message_id ?? open_message_id;
    const chatId = a.context?.open_chat_id ?? open_chat_id;
    if (!a.context && messageId === undefined && chatId === undefined) return a;
    return {
      ...a,
      context: {
        ...a.context,
        ...(messageId !== undefined ? { open_message_id: messageId } : {}),
        ...(chatId !== undefined ? { open_chat_id: chatId } : {}),
      },
    };
  });
export type CardAction = z.infer<typeof cardActionSchema>;
