/** The check-in / reminder card an owner receives (催办卡片). Pure. */
import { formatValue } from '../../domain/plan/describe.js';
import { button, buttonRow, card, hr, markdown, type Template } from './card.js';
import { escapeMd, trim } from './escape.js';

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

export function nudgeCard(n: NudgeCardInput): Record<string, unknown> {
  const template: Template = n.level === 'red' ? 'red' : n.level === 'yellow' ? 'orange' : 'blue';
  const value = (extra: Record<string, unknown>) => ({ taskId: n.taskId, period: n.period, ...extra });
  const lines = n.targets.map((t) => {
    const last = t.last === null ? '未填报' : `${formatValue(t.last)}`;
    const pace = t.expected === null ? '' : `（序时应达 ${formatValue(Math.round(t.expected * 100) / 100)}）`;
    return `- ${escapeMd(t.label, 30)}：最新 **${last}** / 目标 ${formatValue(t.value)}${escapeMd(t.unit, 8)}${pace}`;
  });
  const left = n.workdaysLeft >= 0 ? `还剩 ${n.workdaysLeft} 个工作日` : `已逾期 ${-n.workdaysLeft} 个工作日`;
  const form = {
    tag: 'form',
    name: 'report_form',
    elements: [
      ...n.targets.map((t) => ({
        tag: 'input',
        name: `t${t.position}`,
        placeholder: { tag: 'plain_text', content: `${trim(t.label, 20)}（${t.unit}）` },
        max_length: 20,
      })),
      { tag: 'input', name: 'note', input_type: 'multiline_text', rows: 2, max_length: 1000, placeholder: { tag: 'plain_text', content: '进展说明（可选）' } },
      { ...button('提交进展', value({ action: 'report-form' }), 'primary', 'submit'), form_action_type: 'submit' },
    ],
  };
  return card({
    title: trim(`任务${n.code} ${n.title}`, 60),
    subtitle: subtitle(n),
    template,
    summary: trim(`任务${n.code} ${n.title}：${subtitle(n)}`, 60),
    elements: [
      markdown(escapeMd(n.body, 80)),
      ...(lines.length ? [markdown(lines.join('\n'))] : []),
      markdown(`完成时限：${n.deadline}（${left}）`),
      hr(),
      buttonRow(
        (Object.keys(STATUS_WORDS) as (keyof typeof STATUS_WORDS)[]).map((s) =>
          button(STATUS_WORDS[s], value({ action: 'report-status', status: s }), s === 'on_track' ? 'primary' : s === 'blocked' ? 'danger' : 'default'),
        ),
      ),
      form,
      markdown('也可以直接回复这条消息，用自己的话说明进展（如「已完成118家，按计划推进」）。'),
    ],
  });
}
