/** The check-in / reminder card an owner receives (催办卡片). Pure. */
import { formatValue } from '../../domain/plan/describe.js';
import { cut, figure, joinMd, md } from '../safe-text.js';
import { button, buttonRow, card, form, hr, input, markdown, submitButton, type Card, type Template } from './card.js';

export interface NudgeCardTarget {
  position: number;
  label: string;
  value: number;
  unit: string;
  /** Last reported value, converted to the target's unit. */
  last: number | null;
  /** Where a running total should be by now on working days (序时进度), or null for levels. */
  expected: number | null;
}

export interface NudgeCardInput {
  taskId: number;
  code: string;
  title: string;
  body: string;
  deadline: string;
  workdaysLeft: number;
  targets: NudgeCardTarget[];
  period: string;
  kind: string;
  level: 'blue' | 'yellow' | 'red' | null;
}

export const STATUS_WORDS = { on_track: '按计划推进', at_risk: '有风险', blocked: '受阻', done: '已完成' } as const;

function subtitle(n: NudgeCardInput): string {
  if (n.kind.startsWith('deadline-0')) return '今天是完成时限，请填报进展';
  if (n.kind.startsWith('deadline-')) return `距完成时限还有 ${n.workdaysLeft} 个工作日`;
  if (n.kind.includes('overdue')) return `已逾期 ${-n.workdaysLeft} 个工作日，请说明进展`;
  if (n.kind.startsWith('followup')) return '本期进展尚未填报，请抽空填报';
  return '请填报本期进展';
}

export function nudgeCard(n: NudgeCardInput): Card {
  const template: Template = n.level === 'red' ? 'red' : n.level === 'yellow' ? 'orange' : 'blue';
  const value = (extra: Record<string, unknown>) => ({ taskId: n.taskId, period: n.period, ...extra });
  const lines = n.targets.map((t) => {
    const last = t.last === null ? md`未填报` : figure(formatValue(t.last));
    const pace = t.expected === null ? md`` : md`（序时应达 ${figure(formatValue(Math.round(t.expected * 100) / 100))}）`;
    return md`- ${cut(t.label, 30)}：最新 **${last}** / 目标 ${figure(formatValue(t.value))}${cut(t.unit, 8)}${pace}`;
  });
  const left = n.workdaysLeft >= 0 ? `还剩 ${n.workdaysLeft} 个工作日` : `已逾期 ${-n.workdaysLeft} 个工作日`;
  const report = form('report_form', [
    ...n.targets.map((t) => input({ name: `t${t.position}`, placeholder: `${cut(t.label, 20)}（${cut(t.unit, 8)}）`, maxLength: 20 })),
    input({ name: 'note', multiline: true, rows: 2, maxLength: 1000, placeholder: '进展说明（可选）' }),
    submitButton('提交进展', value({ action: 'report-form' }), 'submit'),
  ]);
  return card({
    title: cut(`任务${n.code} ${n.title}`, 60),
    subtitle: subtitle(n),
    template,
    summary: cut(`任务${n.code} ${n.title}：${subtitle(n)}`, 60),
    elements: [
      markdown(md`${cut(n.body, 80)}`),
      ...(lines.length ? [markdown(joinMd(lines, '\n'))] : []),
      markdown(md`完成时限：${figure(n.deadline)}（${left}）`),
      hr(),
      buttonRow(
        (Object.keys(STATUS_WORDS) as (keyof typeof STATUS_WORDS)[]).map((s) =>
          button(STATUS_WORDS[s], value({ action: 'report-status', status: s }), s === 'on_track' ? 'primary' : s === 'blocked' ? 'danger' : 'default'),
        ),
      ),
      report,
      markdown(md`也可以直接回复这条消息，用自己的话说明进展（如「已完成118家，按计划推进」）。`),
    ],
  });
}
