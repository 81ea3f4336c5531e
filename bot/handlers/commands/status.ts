/** /status (本周进展): per task, who has and has not reported in the current check-in period. Admins only. */
import { card, markdown } from '../../feishu/cards/card.js';
import { currentPeriod } from '../reports/record-reply.js';
import { say, sayCard, type CommandSpec } from './command.js';
import { botText, cut, joinMd, md } from '../../feishu/safe-text.js';

export const statusCommand: CommandSpec = {
  names: ['status', '本周进展'],
  admin: true,
  usage: '/status',
  summary: '查看本期各任务的填报情况',
  run: async (deps, ctx) => {
    const now = deps.clock.now();
    const tasks = await deps.db.task.findMany({
      where: { removedAt: null, status: 'active', cadence: { not: 'off' } },
      orderBy: { position: 'asc' },
      include: {
        assignments: { where: { active: true, role: { in: ['owner', 'collaborator'] } }, include: { person: true } },
        reports: { where: { revokedAt: null }, select: { personId: true, period: true } },
      },
    });
    if (!tasks.length) {
      await say(deps, ctx, botText`目前没有需要填报的任务。`, 'status-none');
      return;
    }
    let done = 0;
    const lines = tasks.map((t) => {
      const period = currentPeriod(t.cadence, now);
      const reported = new Set(t.reports.filter((r) => r.period === period).map((r) => r.personId));
      const names = (ok: boolean) => {
        const list = t.assignments.filter((a) => reported.has(a.personId) === ok).map((a) => md`${cut(a.person.name, 12)}`);
        return list.length ? joinMd(list, '、') : md`无`;
      };
      if (reported.size) done += 1;
      const who = t.assignments.length ? md`已报：${names(true)}｜未报：${names(false)}` : md`未指派责任人`;
      return md`- **任务${cut(t.code, 12)}** ${cut(t.title, 24)}：${who}`;
    });
    const title = `本期填报情况（${done}/${tasks.length}项已填报）`;
    await sayCard(deps, ctx, card({ title, template: 'blue', elements: [markdown(joinMd(lines, '\n'))] }), 'status');
  },
};
