/**
 * PATCH im/v1/messages/:message_id (update a sent card) and POST interactive/v1/card/update
 * (delayed update with the c- token of a click).
 * UNCONFIRMED choices: patching a message the bot did not send → 230012; patching a non-card → 230001;
 * a used-up (3rd use) card token answers like an expired one: HTTP 400 code 300030; a bad card in the
 * delayed update → 230099 as for sends.
 */
import { Router } from 'express';
import { CARD_LIFETIME_MS, cardErrorMsg, validateCardObject } from '../card-validator.js';
import { checkContent } from '../content-check.js';
import type { SandboxContext } from '../context.js';
import { bad, invalidParam } from '../platform-error.js';
import { bodyBytes, ok } from './respond.js';

export function cardUpdateRoutes(ctx: SandboxContext): Router {
  const r = Router();

  r.patch('/im/v1/messages/:message_id', (req, res) => {
    const id = String(req.params.message_id);
    const m = ctx.messages.get(id);
    if (!m) throw invalidParam(`invalid message_id ${id}`);
    ctx.limits.take(`message:${id}`);
    if (m.sender !== 'bot') throw bad(230012, 'Bot is NOT the sender of the message.');
    if (m.msgType !== 'interactive') throw invalidParam('only interactive (card) messages can be updated with PATCH');
    if (ctx.now() - m.createTime > CARD_LIFETIME_MS) throw bad(230031, 'The message was sent more than 14 days ago and can no longer be updated.');
    if (ctx.cardLocks.has(id)) throw bad(230099, cardErrorMsg(11310, 'card action is lock'));
    const chat = ctx.directory.chat(m.chatId);
    if (!chat) throw invalidParam('chat not found');
    const content = (req.body ?? {}).content as unknown;
    const checked = checkContent({ msgType: 'interactive', content, chat, directory: ctx.directory, files: ctx.files, bodyBytes: bodyBytes(req), cards: ctx.settings.cards });
    ctx.messages.update(id, checked.content, content as string, 'patch');
    ok(res, {}, 'ok');
  });

  r.post('/interactive/v1/card/update', (req, res) => {
    const body = (req.body ?? {}) as { token?: unknown; card?: unknown };
    if (typeof body.token !== 'string') throw invalidParam('token is required');
    const use = ctx.tokens.useCardToken(body.token);
    if (!use) throw bad(300030, 'token expired or already used twice');
    const card = typeof body.card === 'string' ? safeParse(body.card) : body.card;
    const check = validateCardObject(card, ctx.settings.cards.rules);
    if (!check.ok) throw bad(230099, cardErrorMsg(check.sub, check.detail));
    ctx.messages.update(use.messageId, check.card, JSON.stringify(check.card), 'delayed_update');
    ok(res, {});
  });

  return r;
}

function safeParse(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}
