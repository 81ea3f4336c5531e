/**
 * /help (帮助): the commands grouped by who may use them — everyone, a task's leaders, the admins (admin
 * commands only for admins) — one line each with an example; /help <命令> gives one command in full.
 */
import { botText, cut, joinText, type BotText } from '../../feishu/safe-text.js';
import { CommandError, isAdmin, say, type CommandSpec } from './command.js';

/** 「/report 7 已走访企业20家」: the command's own example, or its usage without notes, with a task number filled in. */
const exampleOf = (s: CommandSpec): string => s.example ?? s.usage.replace(/（.*$/u, '').replace(/任务编号/gu, '7').trim();
const line = (s: CommandSpec): BotText => botText`${exampleOf(s)} — ${s.summary}`;
const WHO = (s: CommandSpec) => (s.admin ? '管理员' : s.leaders ? '任务的责任领导和管理员' : '所有人');

export function helpCommand(all: () => CommandSpec[]): CommandSpec {
  return {
    names: ['help', '帮助'],
    admin: false,
    usage: '/help [命令]（如：/help report）',
    summary: '查看可用命令；/help 命令 查看该命令的完整用法',
    example: '/help 或 /help report',
    run: async (deps, ctx) => {
      const admin = await isAdmin(deps, ctx.senderOpenId);
      const asked = ctx.args.trim().replace(/^\//u, '').toLowerCase();
      if (asked) {
        const spec = all().find((s) => s.names.includes(asked));
        if (!spec) throw new CommandError(botText`没有命令「${cut(asked, 20)}」。发送 /help 查看全部命令。`);
        const aliases = spec.names.filter((n) => n !== spec.names[0]).map((n) => `/${n}`);
        const text = botText`/${spec.names[0]!}${aliases.length ? botText`（也可写 ${joinText(aliases.map((a) => botText`${a}`), '、')}）` : botText``}：${spec.summary}\n用法：${spec.usage}\n例如：${exampleOf(spec)}\n可以使用：${WHO(spec)}`;
        await say(deps, ctx, text, `help:${spec.names[0]}`);
        return;
      }
      const specs = all();
      const group = (title: string, list: CommandSpec[]) => (list.length ? [botText`【${title}】`, ...list.map(line)] : []);
      const lines = [
        botText`我可以帮您填报和跟踪工作要点任务：直接回复催办卡片，或发送进展文字即可填报。`,
        botText``,
        ...group('所有人', specs.filter((s) => !s.admin && !s.leaders)),
        botText``,
        ...group('责任领导', specs.filter((s) => !s.admin && s.leaders)),
        ...(admin ? [botText``, ...group('管理员', specs.filter((s) => s.admin))] : []),
        botText``,
        botText`发送「/help 命令」查看完整用法（如 /help report）。在群里使用时请先 @我。`,
      ];
      await say(deps, ctx, joinText(lines, '\n'), 'help');
    },
  };
}
