/**
 * Runs a command with the shared rules: admin-only commands refuse others
 * politely and audit the attempt; a CommandError goes back as a Chinese
 * message with the command's usage, and nothing changes.
 */
import type { Deps } from '../../deps.js';
import { botText } from '../../feishu/safe-text.js';
import { audit } from '../../store/audit.js';
import type { CommandContext, CommandHandler } from '../types.js';
import { CommandError, isAdmin, say, type CommandSpec } from './command.js';

export function guarded(spec: CommandSpec): CommandHandler {
  return async (deps: Deps, ctx: CommandContext) => {
    if (spec.admin && !(await isAdmin(deps, ctx.senderOpenId))) {
      await deps.db.$transaction((tx) =>
        audit(tx, {
          actor: ctx.senderOpenId, action: 'command.refused', now: deps.clock.now(),
          after: { command: spec.names[0] }, chatId: ctx.chatId, messageId: ctx.messageId,
        }),
      );
      await say(deps, ctx, botText`抱歉，/${spec.names[0]!} 只有管理员可以使用。如需调整，请联系管理员。`, 'refused');
      return;
    }
    try {
      await spec.run(deps, ctx);
    } catch (e) {
      if (!(e instanceof CommandError)) throw e;
      await say(deps, ctx, botText`${e.text}\n用法：${spec.usage}`, 'error');
    }
  };
}
