/**
 * PATCH im/v1/messages/:message_id/urgent_app | urgent_sms | urgent_phone (加急), body
 * `{user_id_list}` with `?user_id_type=` → `{invalid_user_id_list}`. Checks, as Feishu documents them
 * (https://open.feishu.cn/document/server-docs/im-v1/buzz-messages/urgent_app), every error HTTP 400:
 * - user_id_type and a list of 1–200 ids, else 230001; an unknown message 230001 (UNCONFIRMED: no code
 *   is documented for it); a message not sent by the bot 230012; a bot-sent message in a group the bot
 *   has left 230002; in an external group 230027; a p2p chat whose person the app cannot reach 230013;
 * - ids that are not receivers of the message (not the p2p chat's person, not a member of the group,
 *   unknown, resigned or outside the app's scope) come back in invalid_user_id_list; all invalid 230001;
 * - a receiver with 200 unread urgent messages: 230023, and nobody is buzzed (UNCONFIRMED whether Feishu
 *   refuses the whole call or lists that person as invalid; the bot buzzes one person per call);
 * - SMS/phone quota too small for the receivers: 230024 (buzzes.ts).
 * Rate limits (50/s, 1000/min) are not applied here.
 */
import { Router } from 'express';
import { MAX_UNREAD_URGENT } from '../buzzes.js';
import type { SandboxContext } from '../context.js';
import { bad, invalidParam } from '../platform-error.js';
import type { BuzzVia } from '../types.js';
import { ok } from './respond.js';

const USER_ID_TYPES = new Set(['open_id', 'union_id', 'user_id']);
const MAX_IDS = 200;

export function urgentRoutes(ctx: SandboxContext): Router {
  const r = Router();
  for (const via of ['app', 'sms', 'phone'] as const) {
    r.patch(`/im/v1/messages/:message_id/urgent_${via}`, (req, res) => {
      const invalid = buzz(ctx, via, String(req.params.message_id), req.query.user_id_type, (req.body ?? {}).user_id_list);
      ok(res, { invalid_user_id_list: invalid });
    });
  }
  return r;
}

function buzz(ctx: SandboxContext, via: BuzzVia, messageId: string, type: unknown, ids: unknown): string[] {
  if (typeof type !== 'string' || !USER_ID_TYPES.has(type)) throw invalidParam(`invalid user_id_type ${String(type)}`);
  if (!Array.isArray(ids) || ids.length === 0 || ids.length > MAX_IDS || !ids.every((x) => typeof x === 'string')) {
    throw invalidParam(`user_id_list must hold 1 to ${MAX_IDS} ids`);
  }
  const m = ctx.messages.get(messageId);
  if (!m) throw invalidParam(`invalid message_id ${messageId}`);
  if (m.sender !== 'bot') throw bad(230012, 'Bot is NOT the sender of the message.');
  const chat = ctx.directory.chat(m.chatId);
  if (!chat || !chat.botIsMember) throw bad(230002, 'The bot can not be outside the group.');
  if (chat.external) throw bad(230027, 'Lack of necessary permissions.');
  const peer = ctx.directory.p2pPeer(chat.chatId);
  if (peer && (peer.outsideScope || peer.resigned)) throw bad(230013, 'Bot has NO availability to this user.');

  const valid: string[] = [];
  const invalid: string[] = [];
  for (const id of new Set(ids as string[])) {
    const u = ctx.directory.findUser(type, id);
    if (u && chat.members.includes(u.openId) && !u.outsideScope && !u.resigned) valid.push(u.openId);
    else invalid.push(id);
  }
  if (valid.length === 0) throw invalidParam('no valid user id in user_id_list: the users are not in the chat of the message');
  if (valid.some((openId) => !ctx.buzzes.hasUnread(openId, messageId) && ctx.buzzes.unread(openId) >= MAX_UNREAD_URGENT)) {
    throw bad(230023, 'The user has too many unread urgent messages.');
  }
  if (ctx.buzzes.quotaLeft(via) < valid.length) throw bad(230024, 'Reach the upper limit of urgent message.');
  ctx.buzzes.record(messageId, chat.chatId, valid, via);
  return invalid;
}
