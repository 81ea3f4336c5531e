/** The confirmation of what was recorded from a report. Pure. (The task chooser: chooser-card.ts.) */
import { formatValue } from '../../domain/plan/describe.js';
import { cut, md } from '../safe-text.js';
import { button, buttonRow, card, markdown, type Card } from './card.js';
import { doubtRows, type DoubtView } from './doubt-rows.js';
import { STATUS_WORDS } from './nudge-card.js';

export interface RecordedSummary {
  reportId: number;
  taskId: number;
  /** The task's code as shown (「7」, or 「2023-7」 with several plans in force: bot/domain/plan/plan-code.ts). */
  code: string;
  title: string;
  period: string;
  status: keyof typeof STATUS_WORDS | null;
  percent: number | null;
  expectedOn: string | null;
  values: { label: string; value: number; target: number; unit: string }[];
  /** What the report did to the task's life (「已报送完成，待何建国确认办结…」), when it did something. */
  note?: string | null;
  /** What the reader could not settle, each with one-click corrections (doubt-rows.ts). */
  doubts?: DoubtView[];
  /** The year the report was made in: a day in it is shown without its year. */
  year?: number;
  /** 「已在会上汇报」: recorded without content (source 'meeting'). */
  meeting?: boolean;
  /** Milestones (时间节点) the report marked done: 「已记录：时间节点「…」已完成」. */
  steps?: { due: string; text: string }[];
}

/** 「已记录：任务1 培育高新技术企业 — 有效期高企 118/140，状态：按计划推进」 */
export function recordedLine(s: RecordedSummary): string {
  const parts = [
    ...s.values.map((v) => `${v.label} ${formatValue(v.value)}/${formatValue(v.target)}${v.unit}`),
    ...(s.percent !== null ? [`进度 ${formatValue(s.percent)}%`] : []),
    ...(s.status ? [`状态：${STATUS_WORDS[s.status]}`] : []),
    ...(s.expectedOn ? [`预计完成：${s.expectedOn}`] : []),
  ];
  return `已记录：任务${s.code} ${s.title}${parts.length ? ` — ${parts.join('，')}` : ''}`;
}

export function confirmationCard(s: RecordedSummary): Card {
  if (s.meeting) return meetingCard(s);
  const understood = s.status !== null || s.percent !== null || s.values.length > 0;
  const undo = button('撤销这条记录', { action: 'report-undo', reportId: s.reportId }, 'default');
  const note = s.note ? [markdown(md`**${s.note}**`)] : [];
  const doubts = doubtRows(s.reportId, s.doubts ?? [], s.year ?? 0);
  const steps = (s.steps ?? []).map((x) => markdown(md`已记录：时间节点「${cut(x.text, 60)}」已完成`));
  const elements = understood
    ? [markdown(md`${cut(recordedLine(s), 400)}`), ...steps, ...note, ...doubts, markdown(md`如有出入，直接再回复一次更正，以最新一条为准；也可以撤销。`), buttonRow([undo])]
    : [
        markdown(md`已保存您对任务${cut(s.code, 12)} ${cut(s.title, 300)}的回复，但没能从中读出状态或数字。`),
        ...steps,
        markdown(md`请点选当前状态（原话已保留）：`),
        buttonRow(
          (Object.keys(STATUS_WORDS) as (keyof typeof STATUS_WORDS)[]).map((st) =>
            button(STATUS_WORDS[st], { action: 'report-status', taskId: s.taskId, period: s.period, status: st, reportId: s.reportId }),
          ),
        ),
        ...doubts,
        buttonRow([undo]),
      ];
  return card({ title: understood ? '进展已记录' : '回复已保存', template: understood ? 'green' : 'wathet', elements });
}

/** 「已在会上汇报」: the period counts as reported; details are welcome and the newest report stands. */
function meetingCard(s: RecordedSummary): Card {
  const undo = button('撤销这条记录', { action: 'report-undo', reportId: s.reportId }, 'default');
  return card({
    title: '已记为会上汇报',
    template: 'green',
    elements: [
      markdown(md`已将任务${cut(s.code, 12)} ${cut(s.title, 300)}本期的进展记为「会上汇报」，本期视为已填报，不再催报。`),
      markdown(md`如方便，欢迎直接回复本期的具体进展（完成情况、数字、困难），以最新一条为准；也可以撤销。`),
      buttonRow([undo]),
    ],
  });
}
