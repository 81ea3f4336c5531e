/** /task N (任务): one task in full — body, targets with latest values, people, units, deadline, last reports. */
import { shanghaiDate } from '../../domain/calendar/shanghai-time.js';
import { card, hr, markdown } from '../../feishu/cards/card.js';
import { escapeMd } from '../../feishu/cards/escape.js';
import { wordTable } from '../../domain/word-table.js';
import { STATUS_WORDS } from '../../feishu/cards/nudge-card.js';
import { requireTask, sayCard, type CommandSpec } from './command.js';

const ROLE = wordTable({ owner: '责任人', collaborator: '协办', leader: '责任领导' });
const num = (v: number) => String(Math.round(v * 100) / 100);

export const taskCommand: CommandSpec = {
  names: ['task', '任务'],
  admin: false,
  usage: '/task 任务编号',
  summary: '查看任务详情和最近进展',
  run: async (deps, ctx) => {
    const found = await requireTask(deps, ctx.args.trim() || undefined);
    const task = await deps.db.task.findUniqueOrThrow({
      where: { id: found.id },
      include: {
        targets: { where: { removedAt: null }, orderBy: { position: 'asc' } },
        parties: { orderBy: { position: 'asc' } },
        assignments: { where: { active: true }, include: { person: true }, orderBy: { assignedAt: 'asc' } },
        reports: { where: { revokedAt: null }, orderBy: { createdAt: 'desc' }, take: 3, include: { person: true } },
      },
    });
    const latest = await deps.db.reportValue.findMany({
      where: { targetId: { in: task.targets.map((t) => t.id) }, report: { revokedAt: null } },
      orderBy: { report: { createdAt: 'desc' } },
    });
    const targets = task.targets.map((t) => {
      const v = latest.find((x) => x.targetId === t.id);
      return `- ${escapeMd(t.label, 40)}：目标 ${num(t.value)}${escapeMd(t.unit, 10)}｜最新 ${v ? `${num(v.value)}${escapeMd(v.unit, 10)}` : '未填报'}`;
    });
    const people = Object.entries(ROLE)
      .map(([role, word]) => {
        const names = task.assignments.filter((a) => a.role === role).map((a) => escapeMd(a.person.name, 12));
        return names.length ? `**${word}**：${names.join('、')}` : '';
      })
      .filter(Boolean);
    const leads = task.parties.filter((p) => p.role === 'lead').map((p) => escapeMd(p.name, 30));
    const helpers = task.parties.filter((p) => p.role === 'collaborator').map((p) => escapeMd(p.name, 30));
    const reports = task.reports.map((r) => {
      const status = r.status ? STATUS_WORDS[r.status as keyof typeof STATUS_WORDS] ?? r.status : '已填报';
      return `- ${shanghaiDate(r.createdAt)} ${escapeMd(r.person?.name ?? '（未知）', 12)}（${status}）：${escapeMd(r.rawText, 120)}`;
    });
    const deadline = `**完成时限**：${task.deadline}${task.deadlineText ? `（${escapeMd(task.deadlineText, 40)}）` : ''}`;
    const elements = [
      markdown(escapeMd(task.body.trim(), 800) || '（无正文）'),
      hr(),
      markdown([deadline, ...(leads.length ? [`**牵头单位**：${leads.join('、')}`] : []), ...(helpers.length ? [`**配合单位**：${helpers.join('、')}`] : []), ...people].join('\n')),
      ...(targets.length ? [markdown(`**指标**\n${targets.join('\n')}`)] : []),
      markdown(reports.length ? `**最近进展**\n${reports.join('\n')}` : '**最近进展**：暂无'),
    ];
    await sayCard(deps, ctx, card({ title: `任务${task.code} ${task.title}`.slice(0, 100), template: 'blue', elements }), 'task');
  },
};
