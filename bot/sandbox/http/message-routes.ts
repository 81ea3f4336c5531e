/** POST im/v1/messages (send) and POST im/v1/messages/:message_id/reply. */
import { Router, type Response } from 'express';
import { messageData, replyChat, resolveReceiver, sendAsBot } from '../bot-messages.js';
import type { SandboxContext } from '../context.js';
import { invalidParam } from '../platform-error.js';
import type { StoredMessage } from '../types.js';
import { bodyBytes, ok } from './respond.js';

type Body = { receive_id?: unknown; msg_type?: unknown; content?: unknown; uuid?: unknown; reply_in_thread?: unknown };

export function messageRoutes(ctx: SandboxContext): Router {
  const r = Router();

  r.post('/im/v1/messages', (req, res) => {
    const body = (req.body ?? {}) as Body;
    const chat = resolveReceiver(ctx, req.query.receive_id_type, body.receive_id);
    const before = earlier(ctx, body.uuid);
    const m = sendAsBot(ctx, { chat, msgType: body.msg_type, content: body.content, uuid: body.uuid, bodyBytes: bodyBytes(req) }, `chat:${chat.chatId}`);
    holdWhileAnswering(ctx, res, m, before);
    ok(res, messageData(ctx, m));
  });

  r.post('/im/v1/messages/:message_id/reply', (req, res) => {
    const body = (req.body ?? {}) as Body;
    const parent = ctx.messages.get(String(req.params.message_id));
    if (!parent) throw invalidParam(`invalid message_id ${String(req.params.message_id)}`);
    const chat = replyChat(ctx, parent);
    const before = earlier(ctx, body.uuid);
    const m = sendAsBot(
      ctx,
      { chat, msgType: body.msg_type, content: body.content, uuid: body.uuid, parent, replyInThread: body.reply_in_thread === true, bodyBytes: bodyBytes(req) },
      `chat:${chat.chatId}`,
    );
    holdWhileAnswering(ctx, res, m, before);
    ok(res, messageData(ctx, m));
  });

  return r;
}

/** The message a uuid already names, if any. */
function earlier(ctx: SandboxContext, uuid: unknown): StoredMessage | undefined {
  return typeof uuid === 'string' && uuid !== '' ? ctx.messages.recentByUuid(uuid) : undefined;
}

/** sendInFlightMs: a new message's uuid is "being sent" until its answer is written (or the connection drops). */
function holdWhileAnswering(ctx: SandboxContext, res: Response, m: StoredMessage, before: StoredMessage | undefined): void {
  const uuid = m.uuid;
  if (ctx.settings.sendInFlightMs === null || uuid === null || m === before) return;
  ctx.sendingUuids.add(uuid);
  res.on('close', () => ctx.sendingUuids.delete(uuid));
}
