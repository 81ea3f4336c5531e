/** `/ping`: proves the whole path works by answering 「pong」 in the same chat. */
import type { CommandHandler } from '../types.js';

export const onPing: CommandHandler = async (deps, ctx) => {
  await deps.messenger.reply(ctx.messageId, { text: 'pong' }, `reply:${ctx.messageId}:ping`);
};
