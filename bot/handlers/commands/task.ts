/** /task N (任务): one task in full — body, targets with latest values, people, units, deadline, last reports. */
import { shanghaiDate } from '../../domain/calendar/shanghai-time.js';
import { card, hr, markdown } from '../../feishu/cards/card.js';
import { wordTable } from '../../domain/word-table.js';
import { STATUS_WORDS } from '../../feishu/cards/nudge-card.js';
import { cut, figure, joinMd, md, type Md } from '../../feishu/safe-text.js';
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
      const latestValue = v ? md`${figure(num(v.value))}${cut(v.unit, 10)}` : md`未填报`;
      return md`- ${cut(t.label, 40)}：目标 ${figure(num(t.value))}${cut(t.unit, 10)}｜最新 ${latestValue}`;
    });
    const people: Md[] = [];
    for (const [role, word] of Object.entries(ROLE)) {
      const names = task.assignments.filter((a) => a.role === role).map((a) => md`${cut(a.person.name, 12)}`);
      if (names.length) people.push(md`**${word}**：${joinMd(names, '、')}`);
    }
    const units = (role: string) => joinMd(task.parties.filter((p) => p.role === role).map((p) => md`${cut(p.name, 30)}`), '、');
    const leads = task.parties.some((p) => p.role === 'lead') ? [md`**牵头单位**：${units('lead')}`] : [];
    const helpers = task.parties.some((p) => p.role === 'collaborator') ? [md`**配合单位**：${units('collaborator')}`] : [];
    const reports = task.reports.map((r) => {
      const status = r.status ? STATUS_WORDS[r.status as keyof typeof STATUS_WORDS] ?? r.status : '已填报';
      return md`- ${figure(shanghaiDate(r.createdAt))} ${cut(r.person?.name ?? '（未知）', 12)}（${status}）：${cut(r.rawText, 120)}`;
    });
    const deadline = md`**完成时限**：${figure(task.deadline)}${task.deadlineText ? md`（${cut(task.deadlineText, 40)}）` : md``}`;
    const body = task.body.trim();
    const elements = [
      markdown(body ? md`${cut(body, 800)}` : md`（无正文）`),
      hr(),
      markdown(joinMd([deadline, ...leads, ...helpers, ...people], '\n')),
      ...(targets.length ? [markdown(md`**指标**\n${joinMd(targets, '\n')}`)] : []),
      markdown(reports.length ? md`**最近进展**\n${joinMd(reports, '\n')}` : md`**最近进展**：暂无`),
    ];
    await sayCard(deps, ctx, card({ title: `任务${task.code} ${task.title}`, template: 'blue', elements }), 'task');
  },
};
