/** POST im/v1/messages (send) and POST im/v1/messages/:message_id/reply. */
import { Router } from 'express';
import { messageData, replyChat, resolveReceiver, sendAsBot } from '../bot-messages.js';
import type { SandboxContext } from '../context.js';
import { invalidParam } from '../platform-error.js';
import { bodyBytes, ok } from './respond.js';

type Body = { receive_id?: unknown; msg_type?: unknown; content?: unknown; uuid?: unknown; reply_in_thread?: unknown };

export function messageRoutes(ctx: SandboxContext): Router {
  const r = Router();

  r.post('/im/v1/messages', (req, res) => {
    const body = (req.body ?? {}) as Body;
    const chat = resolveReceiver(ctx, req.query.receive_id_type, body.receive_id);
    const m = sendAsBot(ctx, { chat, msgType: body.msg_type, content: body.content, uuid: body.uuid, bodyBytes: bodyBytes(req) }, `chat:${chat.chatId}`);
    ok(res, messageData(ctx, m));
  });

  r.post('/im/v1/messages/:message_id/reply', (req, res) => {
    const body = (req.body ?? {}) as Body;
    const parent = ctx.messages.get(String(req.params.message_id));
    if (!parent) throw invalidParam(`invalid message_id ${String(req.params.message_id)}`);
    const chat = replyChat(ctx, parent);
    const m = sendAsBot(
      ctx,
      { chat, msgType: body.msg_type, content: body.content, uuid: body.uuid, parent, replyInThread: body.reply_in_thread === true, bodyBytes: bodyBytes(req) },
      `chat:${chat.chatId}`,
    );
    ok(res, messageData(ctx, m));
  });

  return r;
}
