/**
 * The card a task's leader (责任领导) gets when the deadline ladder escalates (nudge kinds
 * `leader-*`): not the owner's card, but what a leader needs to act — who is responsible, how far
 * overdue or behind pace (the task-state engine's reasons, deadline and targets, rendered, never
 * recomputed), the latest report and any blocker in the owner's own words, pending extension
 * requests, the latest 批示. Its actions: the 批示 form (`leader-instruct`), 督办（加急）
 * (`leader-urge`), 退回补充 of the latest report (`report-return`, form `return_form`), 同意延期 /
 * 不同意 per pending request, and 确认办结 / 退回 while the task waits on its confirmation (then the
 * latest report is the 「已完成」 being decided, so 退回 stands in for 退回补充). No status buttons, no
 * report form: those are the owner's. Pure.
 */
import { INSTRUCTION_MAX } from '../../domain/instruction-text.js';
import { amountPhrase, deadlineWord, pacePhrase, phraseText, reasonPhrase, workdaysWord } from '../../domain/task-state/phrases.js';
import type { TaskState } from '../../domain/task-state/types.js';
import { cut, figure, joinMd, md, type Md } from '../safe-text.js';
import { RETURN_REASON_MAX } from './completion-card.js';
import { button, buttonRow, card, form, hr, input, markdown, submitButton, type Card, type Element } from './card.js';
import { fitsOneCard } from './card-size.js';
import { fitLines, LIST_BUDGET } from './fit-lines.js';
import { phraseMd } from './phrase-md.js';

/** Pending extension requests shown with their buttons; more are counted. */
const EXTENSIONS_SHOWN = 3;
const OWNERS_SHOWN = 10;

/** Someone's words with who said them and when ('YYYY-MM-DD HH:mm', Beijing time). */
export interface Words {
  by: string;
  at: string;
  text: string;
}

export interface EscalationCardInput {
  /** `code` as shown (「2023-7」 with several plans in force: bot/domain/plan/plan-code.ts). */
  task: { id: number; code: string; title: string };
  owners: string[];
  collaborators: string[];
  /** The task's state when the card is sent (the task-state engine). */
  state: Pick<TaskState, 'lifecycle' | 'reasons' | 'deadline' | 'targets' | 'extensionRequests'>;
  /** The Shanghai date the card is sent on; the plan's period start (「较年初」 or 「较期初」). */
  today: string;
  periodStart: string;
  /** The newest report, in the owner's words. */
  latestReport: (Words & { reportId: number }) | null;
  /** The owner's words the engine read a blocker or a risk from (TaskState.progressSource). */
  blocker: (Words & { reportId: number; status: 'blocked' | 'at_risk' }) | null;
  latestInstruction: Words | null;
  /** The completion request the task waits on (done_pending), if any. */
  completionRequestId: number | null;
}

export function escalationCard(n: EscalationCardInput): Card {
  const full = cardOf(n, false);
  return fitsOneCard(full) ? full : cardOf(n, true);
}

/** 「已逾期 6 个工作日」「指标「技术合同登记」严重落后序时」: the light's first reason. */
function headline(n: EscalationCardInput): string {
  return phraseText(reasonPhrase(n.state.reasons[0]!, n.state));
}

function cardOf(n: EscalationCardInput, compact: boolean): Card {
  const s = n.state;
  const taskId = n.task.id;
  const names = (list: string[]) => {
    const shown = list.slice(0, OWNERS_SHOWN).map((x) => md`${cut(x, 12)}`);
    return list.length > OWNERS_SHOWN ? md`${joinMd(shown, '、')}等${list.length}人` : joinMd(shown, '、');
  };
  const people = [
    md`**责任人**：${n.owners.length ? names(n.owners) : md`未指定`}`,
    ...(n.collaborators.length ? [md`**协办**：${names(n.collaborators)}`] : []),
  ];
  const reasons = s.reasons.slice(0, 4).map((r) => md`- ${phraseMd(reasonPhrase(r, s), 30)}`);
  const situation = md`**完成时限**：${figure(deadlineWord(s.deadline, n.today))}（${figure(workdaysWord(s.deadline))}）\n${joinMd(reasons, '\n')}`;
  const targets = s.targets.map((g) => {
    const latest = g.latest === null ? md`未填报` : phraseMd(amountPhrase(g.latest, g.unit), 8);
    return md`- ${cut(g.label, 30)}：最新 **${latest}** / 目标 ${phraseMd(amountPhrase(g.value, g.unit), 8)}｜${phraseMd(pacePhrase(g, { expected: 'always', periodStart: n.periodStart }), 30)}`;
  });
  const words = compact ? 120 : 300;
  const said = (title: string, x: Words) => markdown(md`**${title}**（${cut(x.by, 12)}，${figure(x.at)}）：${cut(x.text, words)}`);
  const blocker = n.blocker ? [said(n.blocker.status === 'blocked' ? '困难问题（受阻）' : '困难问题（有风险）', n.blocker)] : [];
  const latest = !n.latestReport
    ? [markdown(md`**最新进展**：尚无报送`)]
    : n.latestReport.reportId === n.blocker?.reportId ? [] : [said('最新进展', n.latestReport)];
  const instruction = n.latestInstruction ? [said('最新批示', n.latestInstruction)] : [];
  return card({
    title: cut(`督办：任务${n.task.code} ${n.task.title}`, 60),
    subtitle: cut(headline(n), 60),
    template: 'red',
    summary: cut(`任务${n.task.code} ${n.task.title}：${headline(n)}`, 60),
    elements: [
      markdown(joinMd(people, '\n')),
      markdown(situation),
      ...(targets.length ? [markdown(joinMd(compact ? fitLines(targets, LIST_BUDGET / 2) : targets, '\n'))] : []),
      ...blocker,
      ...latest,
      ...extensions(n),
      ...instruction,
      hr(),
      form('instruct_form', [
        input({ name: 'instruction', multiline: true, rows: 2, maxLength: INSTRUCTION_MAX, placeholder: '批示内容（将发送给责任人）' }),
        submitButton('批示', { action: 'leader-instruct', taskId }, 'leader-instruct'),
      ]),
      buttonRow([button('督办（加急）', { action: 'leader-urge', taskId }, 'danger')]),
      ...review(n),
      markdown(md`也可以直接回复这条消息写批示，将转告责任人。`),
    ],
  });
}

/** Each pending extension request with 同意延期 / 不同意 (the values of bot/handlers/commands/extend.ts). */
function extensions(n: EscalationCardInput): Element[] {
  const list = n.state.extensionRequests;
  const shown = list.slice(0, EXTENSIONS_SHOWN).flatMap((e) => {
    const value = { requestId: e.requestId, taskId: n.task.id, to: e.to };
    return [
      markdown(md`**延期申请**：${cut(e.by, 12)}申请延至 ${figure(e.to)}，理由：${cut(e.reason, 100)}`),
      buttonRow([button('同意延期', { action: 'extend-approve', ...value }, 'primary'), button('不同意', { action: 'extend-refuse', ...value })]),
    ];
  });
  const more: Md[] = list.length > EXTENSIONS_SHOWN ? [md`另有${list.length - EXTENSIONS_SHOWN}项延期申请，请在各自的审批卡片上处理。`] : [];
  return [...shown, ...more.map((m) => markdown(m))];
}

/** 确认办结 / 退回 while the task waits on a completion; else 退回补充 of the latest report. */
function review(n: EscalationCardInput): Element[] {
  const taskId = n.task.id;
  if (n.state.lifecycle === 'done_pending' && n.completionRequestId !== null) {
    const value = (action: string) => ({ action, taskId, requestId: n.completionRequestId });
    return [
      buttonRow([button('确认办结', value('completion-confirm'), 'primary')]),
      form('completion_form', [
        input({ name: 'reason', multiline: true, rows: 2, maxLength: RETURN_REASON_MAX, placeholder: '退回理由（必填，将告知责任人）' }),
        submitButton('退回', value('completion-return'), 'completion-return'),
      ]),
    ];
  }
  if (!n.latestReport) return [];
  return [
    form('return_form', [
      input({ name: 'reason', multiline: true, rows: 2, maxLength: RETURN_REASON_MAX, placeholder: '需补充的内容（必填，将告知责任人）' }),
      submitButton('退回补充', { action: 'report-return', taskId, reportId: n.latestReport.reportId }, 'report-return'),
    ]),
  ];
}
