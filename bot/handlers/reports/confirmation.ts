/**
 * The confirmation card of a report as the store holds it now: what was recorded and, for each
 * doubt, its options and the one the report holds. Made when the report is recorded and again when
 * the owner settles a doubt, so the card always shows the stored report.
 */
import type { Deps } from '../../deps.js';
import { shanghaiDate } from '../../domain/calendar/shanghai-time.js';
import type { KeptDoubt } from '../../domain/reply/kept-doubts.js';
import type { DoubtView } from '../../feishu/cards/doubt-rows.js';
import type { RecordedSummary } from '../../feishu/cards/report-cards.js';
import { doubtsOf } from '../../store/report-doubts.js';
import type { TaskWithTargets } from './record-reply.js';

type StoredReport = NonNullable<Awaited<ReturnType<typeof loadReport>>>;

export function loadReport(deps: Pick<Deps, 'db'>, reportId: number) {
  return deps.db.report.findUnique({ where: { id: reportId }, include: { values: { orderBy: { id: 'asc' } } } });
}

/** A kept doubt with target ids as the task's labels (a target since removed from the plan says so). */
export function doubtView(d: KeptDoubt, task: TaskWithTargets): DoubtView {
  if (d.kind === 'date') return { kind: 'date', words: d.words, options: d.options, current: d.picked };
  const label = (id: number | null) => (id === null ? null : task.targets.find((t) => t.id === id)?.label ?? '已删除的指标');
  return { kind: 'value', value: d.value, unit: d.unit, words: d.words, options: d.options.map(label), current: d.picked };
}

export function summaryOf(task: TaskWithTargets, report: StoredReport, note: string | null): RecordedSummary {
  const values = report.values.flatMap((v) => {
    const t = task.targets.find((x) => x.id === v.targetId);
    return t ? [{ label: t.label, value: v.value, target: t.value, unit: t.unit }] : [];
  });
  return {
    reportId: report.id,
    taskId: task.id,
    code: task.shownCode,
    title: task.title,
    period: report.period,
    status: (report.status as RecordedSummary['status']) ?? null,
    percent: report.percent,
    expectedOn: report.expectedOn,
    values,
    note,
    doubts: doubtsOf(report.doubts).map((d) => doubtView(d, task)),
    year: Number(shanghaiDate(report.createdAt).slice(0, 4)),
    meeting: report.source === 'meeting',
  };
}
