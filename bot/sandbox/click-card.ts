/**
 * A user clicks a card component: card.action.trigger is POSTed (encrypted, signed) to the cards URL
 * (default: the events URL), once, with no redelivery. A 200 answer carrying
 * `{card:{type:'raw',data}}` replaces the stored card, as the client would show it. While the
 * callback is in flight the card is locked: a PATCH answers 230099 "card action is lock".
 */
import { CARD_LIFETIME_MS, validateCardObject } from './card-validator.js';
import type { SandboxContext } from './context.js';
import { cardActionEvent, envelope } from './envelopes.js';
import { ids } from './ids.js';
import type { ClickResult } from './types.js';

export interface ClickCardInput {
  from: string;
  messageId: string;
  value?: unknown;
  formValue?: Record<string, unknown>;
  name?: string;
  /** Component tag; default 'button'. */
  tag?: string;
  inputValue?: string;
  option?: string;
}

function parseBody(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export async function clickCard(ctx: SandboxContext, input: ClickCardInput): Promise<ClickResult> {
  const operator = ctx.directory.user(input.from);
  if (!operator) throw new Error(`clickCard: unknown user ${input.from}`);
  const m = ctx.messages.get(input.messageId);
  if (!m || m.msgType !== 'interactive' || m.sender !== 'bot') throw new Error(`clickCard: ${input.messageId} is not a card sent by the bot`);
  const chat = ctx.directory.chat(m.chatId);
  if (!chat?.members.includes(input.from)) throw new Error(`clickCard: ${input.from} cannot see ${input.messageId}`);
  ctx.buzzes.read(input.from, m.chatId); // a click in the chat reads its urgent messages
  if (ctx.now() - m.createTime > CARD_LIFETIME_MS) throw new Error('clickCard: the card is older than 14 days and no longer interactive');
  const url = ctx.webhook.cardsUrl ?? ctx.webhook.eventsUrl;
  if (!url) throw new Error('fake Feishu: no cards URL; call fake.setWebhook({ cardsUrl }) first');

  const token = ctx.tokens.issueCardToken(m.messageId, input.from);
  const eventId = ids.event();
  const event = cardActionEvent(ctx.app, {
    operator, token, messageId: m.messageId, chatId: m.chatId, tag: input.tag ?? 'button', value: input.value,
    name: input.name, formValue: input.formValue, inputValue: input.inputValue, option: input.option,
  }, ctx.settings.cardCallbackIds);
  const env = envelope(ctx.app, 'card.action.trigger', eventId, ctx.now(), event);
  ctx.cardLocks.add(m.messageId);
  const r = await ctx.delivery.post(url, env, ctx.settings.ackTimeoutMs).finally(() => ctx.cardLocks.delete(m.messageId));
  ctx.delivery.record({ eventId, eventType: 'card.action.trigger', attempt: 1, ...r });

  const body = parseBody(r.body);
  let cardReplaced = false;
  let cardError: string | null = null;
  const card = (body as { card?: { type?: unknown; data?: unknown } } | null)?.card;
  if (r.outcome === 'acked' && card?.type === 'raw') {
    const check = validateCardObject(card.data, ctx.settings.cards.rules);
    if (check.ok) {
      ctx.messages.update(m.messageId, check.card, JSON.stringify(check.card), 'callback');
      cardReplaced = true;
    } else {
      cardError = check.detail;
    }
  }
  return { eventId, token, status: r.status, outcome: r.outcome, ms: r.ms, body, cardReplaced, cardError };
}
