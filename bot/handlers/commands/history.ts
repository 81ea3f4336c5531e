/** /history N (历史/记录): the last 15 entries of a task's audit trail, newest first. */
import { card, markdown } from '../../feishu/cards/card.js';
import { shanghaiMinute } from '../../domain/calendar/shanghai-time.js';
import { cut, figure, joinMd, md } from '../../feishu/safe-text.js';
import { auditActionWord, auditActorWord, auditChangeLine, openIdsIn } from '../../domain/audit-words.js';
import { requireTask, sayCard, type CommandSpec } from './command.js';

export const historyCommand: CommandSpec = {
  names: ['history', '历史', '记录'],
  example: '/history 7',
  admin: true,
  usage: '/history 任务编号',
  summary: '查看任务的变更记录',
  run: async (deps, ctx) => {
    const task = await requireTask(deps, ctx.args.trim() || undefined);
    const entries = await deps.db.auditEntry.findMany({ where: { taskId: task.id }, orderBy: [{ at: 'desc' }, { id: 'desc' }], take: 15 });
    const people = await deps.db.person.findMany({ where: { openId: { in: entries.flatMap((e) => [e.actor, ...openIdsIn(e.before), ...openIdsIn(e.after)]) } } });
    const names = new Map(people.flatMap((p) => (p.openId ? [[p.openId, p.name] as const] : [])));
    const lines = entries.map((e) => {
      const who = auditActorWord(e.actor, names);
      const change = auditChangeLine(e.before, e.after, names);
      const what = auditActionWord(e.action, e.after);
      return md`- ${figure(shanghaiMinute(e.at))} ${cut(who, 12)} ${what}${change ? md`：${cut(change, 160)}` : md``}`;
    });
    const body = lines.length ? joinMd(lines, '\n') : md`暂无记录。`;
    await sayCard(deps, ctx, card({ title: `任务${task.shownCode} 变更记录`, subtitle: cut(task.title, 60), template: 'grey', elements: [markdown(body)] }), 'history');
  },
};
