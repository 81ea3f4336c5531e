/** /mine (我的任务): the sender's tasks with their deadline and last report. */
import { card, markdown } from '../../feishu/cards/card.js';
import { wordTable } from '../../domain/word-table.js';
import { STATUS_WORDS } from '../../feishu/cards/nudge-card.js';
import { say, sayCard, type CommandSpec } from './command.js';
import { botText, cut, figure, joinMd, md } from '../../feishu/safe-text.js';

const ROLE = wordTable({ owner: '责任人', collaborator: '协办', leader: '责任领导' });

export const mineCommand: CommandSpec = {
  names: ['mine', '我的任务', '我的'],
  admin: false,
  usage: '/mine',
  summary: '查看我负责的任务',
  run: async (deps, ctx) => {
    const person = await deps.db.person.findUnique({ where: { openId: ctx.senderOpenId } });
    const rows = person
      ? await deps.db.assignment.findMany({
          where: { personId: person.id, active: true, task: { removedAt: null } },
          include: { task: { include: { reports: { where: { revokedAt: null }, orderBy: { createdAt: 'desc' }, take: 1 } } } },
          orderBy: { task: { position: 'asc' } },
        })
      : [];
    if (!rows.length) {
      await say(deps, ctx, botText`您目前没有负责的任务。`, 'mine-none');
      return;
    }
    const lines = rows.map((a) => {
      const last = a.task.reports[0];
      const status = last?.status ? STATUS_WORDS[last.status as keyof typeof STATUS_WORDS] : last ? '已填报' : '未填报';
      return md`- **任务${cut(a.task.code, 12)}** ${cut(a.task.title, 40)}（${ROLE[a.role] ?? a.role}）｜截止 ${figure(a.task.deadline)}｜${status ?? ''}`;
    });
    await sayCard(deps, ctx, card({ title: `我的任务（${rows.length}项）`, template: 'blue', elements: [markdown(joinMd(lines, '\n'))] }), 'mine');
  },
};
