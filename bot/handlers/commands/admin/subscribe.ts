/** /subscribe (订阅周报), /unsubscribe (取消订阅): the current group chat receives the weekly digest, or stops. */
import type { Deps } from '../../../deps.js';
import type { CommandContext } from '../../types.js';
import { CommandError, say, type CommandSpec } from '../command.js';
import { auditChange } from './shared.js';
import { botText } from '../../../feishu/safe-text.js';

async function setDigest(deps: Deps, ctx: CommandContext, on: boolean) {
  if (ctx.chatType === 'p2p') throw new CommandError(botText`请在要接收周报的群里 @我 并发送此命令，私聊中无法订阅。`);
  const now = deps.clock.now();
  const before = await deps.db.chat.findUnique({ where: { chatId: ctx.chatId } });
  if ((before?.digest ?? false) === on) {
    await say(deps, ctx, on ? botText`本群已订阅周报，未作修改。` : botText`本群未订阅周报，未作修改。`, 'subscribe');
    return;
  }
  const data = on ? { digest: true, subscribedBy: ctx.senderOpenId, subscribedAt: now } : { digest: false };
  await deps.db.chat.upsert({ where: { chatId: ctx.chatId }, create: { chatId: ctx.chatId, createdAt: now, ...data }, update: data });
  await auditChange(deps, ctx, { action: on ? 'chat.subscribed' : 'chat.unsubscribed', before: { chatId: ctx.chatId, digest: !on }, after: { chatId: ctx.chatId, digest: on } });
  await say(deps, ctx, on ? botText`本群已订阅周报，每周将在此发送工作要点进展周报。` : botText`本群已取消订阅周报。`, 'subscribe');
}

export const subscribeCommand: CommandSpec = {
  names: ['subscribe', '订阅周报'],
  example: '在群里 @我 /subscribe',
  admin: true,
  usage: '在群里 @我 /subscribe',
  summary: '本群订阅周报',
  run: (deps, ctx) => setDigest(deps, ctx, true),
};

export const unsubscribeCommand: CommandSpec = {
  names: ['unsubscribe', '取消订阅'],
  example: '在群里 @我 /unsubscribe',
  admin: true,
  usage: '在群里 @我 /unsubscribe',
  summary: '本群取消订阅周报',
  run: (deps, ctx) => setDigest(deps, ctx, false),
};
