/** /help (帮助): what the bot understands, admin commands only for admins. */
import { botText, joinText } from '../../feishu/safe-text.js';
import { isAdmin, say, type CommandSpec } from './command.js';

export function helpCommand(all: () => CommandSpec[]): CommandSpec {
  return {
    names: ['help', '帮助'],
    admin: false,
    usage: '/help',
    summary: '查看可用命令',
    run: async (deps, ctx) => {
      const admin = await isAdmin(deps, ctx.senderOpenId);
      const lines = all()
        .filter((s) => admin || !s.admin)
        .map((s) => botText`${s.usage}（${s.names.slice(1).join('/') || s.names[0]!}）：${s.summary}`);
      const intro = botText`我可以帮您填报和跟踪工作要点任务。直接回复催办卡片或发送进展文字即可填报。\n\n命令：`;
      await say(deps, ctx, botText`${intro}\n${joinText(lines, '\n')}\n\n在群里使用时请先 @我。`, 'help');
    },
  };
}
