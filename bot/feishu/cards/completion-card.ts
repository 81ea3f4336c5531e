/**
 * The card a task's leader (or, with none, an admin) gets when an owner reports it done (报完成):
 * the task, the owner's words, the targets as the engine sees them, 「确认办结」 and a form to
 * 「退回」 with a reason. Once the request is settled — decided, withdrawn by the owner, or settled by an
 * admin's /done or /reopen — every copy becomes completionDecidedCard, without buttons. Pure:
 * figures and dates come already worded (amountWord, dateWord).
 */
import { cut, figure, joinMd, md } from '../safe-text.js';
import { button, buttonRow, card, form, hr, input, markdown, submitButton, type Card, type Element, type Template } from './card.js';

export interface CompletionView {
  requestId: number;
  taskId: number;
  /** The task's code as shown (「7」, or 「2023-7」 with several plans in force: bot/domain/plan/plan-code.ts). */
  code: string;
  title: string;
  reporter: string;
  /** 'YYYY-MM-DD HH:mm', Beijing time. */
  saidAt: string;
  /** The owner's words, as they wrote them (a click reads 「［按钮］已完成」). */
  words: string;
  /** 「6月30日」, with the year when it is not this year's. */
  deadline: string;
  targets: { label: string; latest: string | null; target: string }[];
}

export const RETURN_REASON_MAX = 500;

function facts(v: CompletionView): Element[] {
  const lines = v.targets.map((t) => md`- ${cut(t.label, 30)}：最新 **${t.latest === null ? md`未填报` : figure(t.latest)}** / 目标 ${figure(t.target)}`);
  return [
    markdown(md`**报告人**：${cut(v.reporter, 12)}　**报送时间**：${figure(v.saidAt)}\n**完成时限**：${figure(v.deadline)}`),
    markdown(md`**原话**：${cut(v.words, 600)}`),
    ...(lines.length ? [markdown(joinMd(lines, '\n'))] : []),
  ];
}

export function completionCard(v: CompletionView): Card {
  const value = (action: string) => ({ action, taskId: v.taskId, requestId: v.requestId });
  return card({
    title: `办结确认：任务${v.code}`,
    subtitle: cut(v.title, 60),
    template: 'turquoise',
    summary: cut(`任务${v.code} ${v.title}：${v.reporter}报告已完成，请确认`, 60),
    elements: [
      ...facts(v),
      hr(),
      buttonRow([button('确认办结', value('completion-confirm'), 'primary')]),
      form('return_form', [
        input({ name: 'reason', multiline: true, rows: 2, maxLength: RETURN_REASON_MAX, placeholder: '退回理由（必填，将告知责任人）' }),
        submitButton('退回', value('completion-return'), 'completion-return'),
      ]),
      markdown(md`确认后任务办结，不再催办；退回后任务恢复为进行中，理由告知责任人。`),
    ],
  });
}

/** How a request was settled, as the card says it. */
export type CompletionOutcome = '已确认办结' | '已退回' | '已撤回完成申请' | '已办结' | '已重新打开' | '任务状态已调整';

const OUTCOME_TEMPLATE: Record<CompletionOutcome, Template> = {
  已确认办结: 'green', 已办结: 'green', 已退回: 'orange', 已撤回完成申请: 'grey', 已重新打开: 'grey', 任务状态已调整: 'grey',
};

/** The same card once settled: who did what, when (and why, for a return); no buttons. */
export function completionDecidedCard(v: CompletionView, d: { outcome: CompletionOutcome; by: string; at: string; reason: string | null }): Card {
  return card({
    title: `办结确认：任务${v.code}`,
    subtitle: cut(v.title, 60),
    template: OUTCOME_TEMPLATE[d.outcome],
    elements: [
      ...facts(v),
      hr(),
      markdown(md`**${d.outcome}**（${cut(d.by, 12)}，${figure(d.at)}）${d.reason === null ? md`` : md`\n**退回理由**：${cut(d.reason, RETURN_REASON_MAX)}`}`),
    ],
  });
}
