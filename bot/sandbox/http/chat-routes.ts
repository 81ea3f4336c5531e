/**
 * GET im/v1/chats (groups the bot is in), GET im/v1/chats/:chat_id/members (bots excluded:
 * the bot sits at the end of the raw member list and is filtered out after paging, so a page
 * can come back short or empty, as on Feishu), GET bot/v3/info (top-level `bot`, no `data`).
 * Unknown chat or bot not in it → 232011 (the contract gives no separate code for unknown chats).
 */
import { Router } from 'express';
import type { SandboxContext } from '../context.js';
import { PlatformError, bad } from '../platform-error.js';
import { pageOf } from './paging.js';
import { ok, okBare } from './respond.js';

const MEMBER_ID_TYPES = new Set(['open_id', 'union_id', 'user_id']);

export function chatRoutes(ctx: SandboxContext): Router {
  const r = Router();

  r.get('/im/v1/chats', (req, res) => {
    const chats = ctx.directory.groups().filter((c) => c.botIsMember);
    const page = pageOf(chats, req.query, (c) => ({
      chat_id: c.chatId,
      avatar: '',
      name: c.name,
      description: '',
      owner_id: c.ownerId ?? '',
      owner_id_type: 'open_id',
      external: c.external,
      tenant_key: ctx.app.tenantKey,
      chat_status: 'normal',
    }));
    ok(res, page);
  });

  r.get('/im/v1/chats/:chat_id/members', (req, res) => {
    const type = req.query.member_id_type === undefined ? 'open_id' : String(req.query.member_id_type);
    if (!MEMBER_ID_TYPES.has(type)) throw new PlatformError(400, 99992402, 'field validation failed: member_id_type');
    const chat = ctx.directory.chat(String(req.params.chat_id));
    if (!chat || !chat.botIsMember) throw bad(232011, 'Operator can NOT be out of the chat.');
    const raw = [...chat.members, ctx.directory.botOpenId];
    const page = pageOf(raw, req.query, (openId) => {
      const u = ctx.directory.user(openId);
      if (!u) return null; // the bot, or any bot: excluded
      return { member_id_type: type, member_id: ctx.directory.userIdOf(u, type), name: u.name, tenant_key: ctx.app.tenantKey };
    });
    ok(res, { ...page, member_total: chat.members.length });
  });

  r.get('/bot/v3/info', (_req, res) => {
    okBare(res, {
      msg: 'ok',
      bot: { activate_status: 2, app_name: ctx.app.appName, avatar_url: '', ip_white_list: [], open_id: ctx.directory.botOpenId },
    });
  });

  return r;
}
