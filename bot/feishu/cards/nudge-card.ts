/**
 * The check-in / reminder card an owner receives (催办卡片). Pure. Its figures render the task's
 * state (the task-state engine): each target's latest value and 序时应达 in the target's unit, the
 * effective deadline (with its year when not the message's, the plan's own beside it when
 * extended), the working days left or overdue. Its colour and words follow the nudge's kind.
 * Once someone reports on the task for the period, the card is updated in place: 「已报送」, who and
 * what was recorded, and still the buttons, the form and the reply to correct it.
 */
import { milestoneIdOf } from '../../domain/schedule/types.js';
import { amountPhrase, deadlineWord, nextMilestonePhrase, workdaysWord } from '../../domain/task-state/phrases.js';
import type { TaskState } from '../../domain/task-state/types.js';
import { cut, figure, joinMd, md } from '../safe-text.js';
import { button, buttonRow, card, form, hr, input, markdown, submitButton, type Card, type Template } from './card.js';
import { fitsOneCard } from './card-size.js';
import { fitLines, LIST_BUDGET } from './fit-lines.js';
import { phraseMd } from './phrase-md.js';

export interface NudgeCardInput {
  /** `code` as shown (「2023-7」 with several plans in force: bot/domain/plan/plan-code.ts). */
  task: { id: number; code: string; title: string; body: string };
  /** The task's state when the card is sent. */
  state: Pick<TaskState, 'deadline' | 'targets' | 'nextMilestone'>;
  /** The Shanghai date the card is sent on: a date in another year is written with its year. */
  today: string;
  /** Each target's position in its task (the form's field `t<position>`), by target id. */
  positions: ReadonlyMap<number, number>;
  period: string;
  kind: string;
  level: 'blue' | 'yellow' | 'red' | null;
  /** Set once a report for the period is recorded: who, when ('YYYY-MM-DD HH:mm') and what (「已记录：…」). */
  reported?: { by: string; at: string; line: string };
  /** A 退回补充 nudge: who returned the report, when ('YYYY-MM-DD HH:mm'), why, and the report's words. */
  returned?: { by: string; at: string; reason: string; text: string };
}

export const STATUS_WORDS = { on_track: '按计划推进', not_started: '尚未启动', at_risk: '有风险', blocked: '受阻', done: '已完成' } as const;

function subtitle(n: NudgeCardInput): string {
  if (n.reported) return '已报送，如有出入可更正';
  if (n.returned) return '报送已退回，请补充后重新报送';
  const left = n.state.deadline.workdaysLeft;
  const milestone = milestoneIdOf(n.kind);
  if (milestone !== null) return milestoneSubtitle(n.state.nextMilestone?.id === milestone ? n.state.nextMilestone : null);
  if (n.kind.startsWith('deadline-0')) return '今天是完成时限，请填报进展';
  if (n.kind.startsWith('deadline-')) return `距完成时限还有 ${left} 个工作日`;
  if (n.kind.includes('overdue')) return `已逾期 ${-left} 个工作日，请说明进展`;
  if (n.kind.startsWith('followup')) return '本期进展尚未填报，请抽空填报';
  if (n.kind.startsWith('snooze')) return '按您的约定，现在提醒您填报本期进展';
  return '请填报本期进展';
}

/** A milestone's reminder: its working days when it is the task's next open one (the card shows it below). */
function milestoneSubtitle(m: NudgeCardInput['state']['nextMilestone']): string {
  if (!m) return '时间节点提醒，请填报进展';
  if (m.daysLeft === 0) return '今天是时间节点，请填报进展';
  if (m.daysLeft > 0) return m.workdaysLeft > 0 ? `距时间节点还有 ${m.workdaysLeft} 个工作日` : `距时间节点还有 ${m.daysLeft} 天`;
  return m.workdaysLeft < 0 ? `时间节点已过 ${-m.workdaysLeft} 个工作日，请说明进展` : '时间节点已过，请说明进展';
}

/** The card; a task with more targets than one card can hold lists what fits and asks for the rest in words. */
export function nudgeCard(n: NudgeCardInput): Card {
  const full = nudgeCardOf(n, false);
  return fitsOneCard(full) ? full : nudgeCardOf(n, true);
}

function nudgeCardOf(n: NudgeCardInput, compact: boolean): Card {
  const template: Template = n.reported ? 'green' : n.level === 'red' ? 'red' : n.level === 'yellow' ? 'orange' : 'blue';
  const reported = n.reported
    ? [markdown(md`**已报送**（${cut(n.reported.by, 12)}，${figure(n.reported.at)}）\n${cut(n.reported.line, 400)}`), hr()]
    : [];
  const returned = n.returned
    ? [markdown(md`**退回补充**（${cut(n.returned.by, 12)}，${figure(n.returned.at)}）\n理由：${cut(n.returned.reason, 300)}\n原报送：「${cut(n.returned.text, 200)}」`), hr()]
    : [];
  const value = (extra: Record<string, unknown>) => ({ taskId: n.task.id, period: n.period, ...extra });
  const targets = n.state.targets;
  const lines = targets.map((t) => {
    const latest = t.latest === null ? md`未填报` : phraseMd(amountPhrase(t.latest, t.unit), 8);
    const pace = t.expected === null ? md`` : md`（序时应达 ${phraseMd(amountPhrase(t.expected, t.unit), 8)}）`;
    return md`- ${cut(t.label, 30)}：最新 **${latest}** / 目标 ${phraseMd(amountPhrase(t.value, t.unit), 8)}${pace}`;
  });
  const d = n.state.deadline;
  const report = form('report_form', [
    ...(compact ? [] : targets).map((t) => input({ name: `t${n.positions.get(t.targetId) ?? 0}`, placeholder: `${cut(t.label, 20)}（${cut(t.unit, 8)}）`, maxLength: 20 })),
    input({ name: 'note', multiline: true, rows: 2, maxLength: 1000, placeholder: '进展说明（可选）' }),
    submitButton('提交进展', value({ action: 'report-form' }), 'submit'),
  ]);
  return card({
    title: cut(`任务${n.task.code} ${n.task.title}`, 60),
    subtitle: subtitle(n),
    template,
    summary: cut(`任务${n.task.code} ${n.task.title}：${subtitle(n)}`, 60),
    elements: [
      ...reported,
      ...(n.reported ? [] : returned),
      markdown(md`${cut(n.task.body, 80)}`),
      ...(lines.length ? [markdown(joinMd(compact ? fitLines(lines, LIST_BUDGET / 2) : lines, '\n'))] : []),
      markdown(md`完成时限：${figure(deadlineWord(d, n.today))}（${figure(workdaysWord(d))}）`),
      ...(n.state.nextMilestone ? [markdown(md`下一节点：${phraseMd(nextMilestonePhrase(n.state.nextMilestone, n.today), 60)}`)] : []),
      hr(),
      buttonRow(
        (Object.keys(STATUS_WORDS) as (keyof typeof STATUS_WORDS)[]).map((s) =>
          button(STATUS_WORDS[s], value({ action: 'report-status', status: s }), s === 'on_track' ? 'primary' : s === 'blocked' ? 'danger' : 'default'),
        ),
      ),
      report,
      n.reported
        ? markdown(md`如有出入，点选状态、重新填报或直接回复这条消息更正，以最新一条为准。`)
        : markdown(md`也可以直接回复这条消息，用自己的话说明进展（如「${exampleReply(n)}」）。`),
    ],
  });
}

/** An example reply that fits the task: its first target with where it should stand by now (序时应达), or no figure. */
function exampleReply(n: NudgeCardInput) {
  const t = n.state.targets[0];
  if (!t) return md`本期已完成……，按计划推进`;
  const amount = t.expected ?? t.latest;
  return amount === null || amount <= 0
    ? md`${cut(t.label, 16)}已完成……，按计划推进`
    : md`${cut(t.label, 16)}已达${phraseMd(amountPhrase(amount, t.unit), 8)}，按计划推进`;
}
