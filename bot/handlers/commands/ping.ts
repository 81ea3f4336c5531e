/** `/ping`: proves the whole path works by answering 「pong」 in the same chat. */
import { botText } from '../../feishu/safe-text.js';
import type { CommandHandler } from '../types.js';

export const onPing: CommandHandler = async (deps, ctx) => {
  await deps.messenger.reply(ctx.messageId, { text: botText`pong` }, `reply:${ctx.messageId}:ping`);
};
