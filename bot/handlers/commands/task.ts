/**
 * /task N (任务): one task in full, its state as the task-state engine decides it — lifecycle or
 * progress, light and its main reason, the effective deadline (the plan's beside it when extended),
 * each target with its latest value, pace and baseline — with its body, people, units, last reports
 * (each with its evidence, 佐证材料) and the latest 批示.
 */
import type { Deps } from '../../deps.js';
import { shanghaiDate, shanghaiMinute } from '../../domain/calendar/shanghai-time.js';
import { dateWord, LIGHT_EMOJI, LIGHT_WORDS } from '../../domain/task-state/index.js';
import { amountPhrase, deadlineWord, laterWord, nextMilestonePhrase, pacePhrase, reasonPhrase, stateWord, workdaysWord } from '../../domain/task-state/phrases.js';
import type { TargetState, TaskState } from '../../domain/task-state/types.js';
import { wordTable } from '../../domain/word-table.js';
import { card, hr, markdown } from '../../feishu/cards/card.js';
import { STATUS_WORDS } from '../../feishu/cards/nudge-card.js';
import { phraseMd } from '../../feishu/cards/phrase-md.js';
import { cut, figure, joinMd, md, type Md } from '../../feishu/safe-text.js';
import { latestInstructions } from '../../store/instructions.js';
import { loadTaskState, type TaskView } from '../../store/task-states.js';
import { requireTask, sayCard, type CommandSpec } from './command.js';
import { evidenceLines, waitingLine } from './task-evidence.js';

const ROLE = wordTable({ owner: '责任人', collaborator: '协办', leader: '责任领导' });

export const taskCommand: CommandSpec = {
  names: ['task', '任务'],
  example: '/task 7',
  admin: false,
  usage: '/task 任务编号',
  summary: '查看任务详情和最近进展',
  run: async (deps, ctx) => {
    const found = await requireTask(deps, ctx.args.trim() || undefined);
    const now = deps.clock.now();
    const today = shanghaiDate(now);
    const { plan, task } = await loadTaskState(deps.db, { taskId: found.id, now, calendar: deps.calendar });
    const s = task.state;
    const { deadlineText } = await deps.db.task.findUniqueOrThrow({ where: { id: task.id }, select: { deadlineText: true } });
    const elements = [
      markdown(task.body.trim() ? md`${cut(task.body.trim(), 800)}` : md`（无正文）`),
      hr(),
      markdown(joinMd([stateLine(s), ...laterLine(task, today), deadlineLine(s, today, deadlineText), ...milestoneLine(s, today), ...partiesLines(task)], '\n')),
      ...(s.targets.length ? [markdown(md`**指标**\n${joinMd(s.targets.map((g) => targetLine(g, plan.periodStart)), '\n')}`)] : []),
      markdown(await reportsBlock(deps, task, today)),
      ...(await instructionBlock(deps, task.id, now, today)),
    ];
    await sayCard(deps, ctx, card({ title: `任务${task.shownCode} ${task.title}`, template: 'blue', elements }), 'task');
  },
};

/** 「**状态**：按计划｜🟡 黄灯：本期未报送」 */
function stateLine(s: TaskState): Md {
  return md`**状态**：${stateWord(s)}｜${LIGHT_EMOJI[s.light]} ${LIGHT_WORDS[s.light]}：${phraseMd(reasonPhrase(s.reasons[0]!, s), 30)}`;
}

/** 「**本期报送**：张敏已延后至 4月12日（明天再报）」, when an owner snoozed this period's check-in (the engine's reporting.later). */
function laterLine(t: TaskView, today: string): Md[] {
  const later = t.state.reporting.later;
  if (!later.length) return [];
  const who = (personId: number) => t.owners.find((o) => o.personId === personId)?.name ?? '';
  return [md`**本期报送**：${joinMd(later.map((l) => md`${cut(who(l.personId), 12)}${laterWord(l, today)}`), '；')}`];
}

/** 「**完成时限**：2023年3月31日（原定12月31日，已延期）｜还剩 229 个工作日」 */
function deadlineLine(s: TaskState, today: string, deadlineText: string | null): Md {
  const plan = !s.deadline.planned && deadlineText ? md`（${cut(deadlineText, 40)}）` : md``;
  const finished = s.lifecycle === 'closed' || s.lifecycle === 'done_pending';
  const left = finished ? md`` : md`｜${figure(workdaysWord(s.deadline))}`;
  return md`**完成时限**：${figure(deadlineWord(s.deadline, today))}${plan}${left}`;
}

/** 「**下一节点**：6月30日 6月底前完成评估（还剩 12 个工作日）」, when the task has an open one. */
function milestoneLine(s: TaskState, today: string): Md[] {
  return s.nextMilestone ? [md`**下一节点**：${phraseMd(nextMilestonePhrase(s.nextMilestone, today), 60)}`] : [];
}

function partiesLines(t: TaskView): Md[] {
  const out: Md[] = [];
  const units = (word: string, names: string[]) => {
    if (names.length) out.push(md`**${word}**：${joinMd(names.map((n) => md`${cut(n, 30)}`), '、')}`);
  };
  units('牵头单位', t.leadUnits);
  units('配合单位', t.collaboratorUnits);
  const people = { owner: t.owners, collaborator: t.collaborators, leader: t.leaders };
  for (const [role, list] of Object.entries(people)) {
    if (list.length) out.push(md`**${ROLE[role]!}**：${joinMd(list.map((p) => md`${cut(p.name, 12)}`), '、')}`);
  }
  return out;
}

/** 「- 有效期高企：目标 140家｜最新 120家｜较年初118家，应达 124家；完成 9% / 时间 28%，严重落后序时」 */
function targetLine(g: TargetState, periodStart: string): Md {
  const amount = (v: number) => phraseMd(amountPhrase(v, g.unit), 10);
  const latest = g.latest === null ? md`未填报` : amount(g.latest);
  const pace = g.basis === 'none' ? md`` : md`｜${phraseMd(pacePhrase(g, { expected: 'always', periodStart }), 40)}`;
  return md`- ${cut(g.label, 40)}：目标 ${g.comparator === 'at_most' ? '≤' : ''}${amount(g.value)}｜最新 ${latest}${pace}`;
}

/** 「**最新批示**（何建国，4月11日 10:00）：请抓紧推进」, when the task has one. */
async function instructionBlock(deps: Pick<Deps, 'db'>, taskId: number, now: Date, today: string) {
  const i = (await latestInstructions(deps.db, [taskId], now)).get(taskId);
  if (!i) return [];
  const [date, time] = shanghaiMinute(i.at).split(' ');
  return [markdown(md`**最新批示**（${cut(i.by, 12)}，${figure(`${dateWord(date!, today)} ${time!}`)}）：${cut(i.text, 300)}`)];
}

/** The last three reports made by now, with who made them and their evidence (佐证材料). */
async function reportsBlock(deps: Pick<Deps, 'db'>, t: TaskView, today: string): Promise<Md> {
  const last = t.state.reports.slice(0, 3);
  const waiting = await waitingLine(deps, t.id);
  if (!last.length) return joinMd([md`**最近进展**：暂无`, ...(waiting ? [waiting] : [])], '\n');
  const ids = [...new Set(last.flatMap((r) => (r.personId === null ? [] : [r.personId])))];
  const names = new Map((await deps.db.person.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((p) => [p.id, p.name]));
  const evidence = await evidenceLines(deps, last.map((r) => r.id));
  const lines = last.flatMap((r) => {
    const status = r.meeting ? '会上汇报' : r.status ? STATUS_WORDS[r.status] : '已填报';
    const who = (r.personId !== null && names.get(r.personId)) || '（未知）';
    const said = md`- ${figure(dateWord(shanghaiDate(r.createdAt), today))} ${cut(who, 12)}（${status}）：${cut(r.rawText, 120)}`;
    const kept = evidence.get(r.id);
    return kept ? [said, kept] : [said];
  });
  return md`**最近进展**\n${joinMd([...lines, ...(waiting ? [waiting] : [])], '\n')}`;
}
