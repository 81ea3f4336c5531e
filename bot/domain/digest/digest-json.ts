/**
 * The digest's model as JSON (`workplan digest --preview --json`): per task the same fields as
 * `workplan status --json` (taskStateJson), with the digest's own beside them. Pure.
 */
import { sharePercent } from '../task-state/amounts.js';
import { taskStateJson, type TaskStateJson } from '../task-state/state-json.js';
import type { AttentionReason, DigestModel, DigestTask } from './model.js';
import type { DigestStatus } from './types.js';

export interface DigestTaskJson extends TaskStateJson {
  /** The code as the digest shows it (「2023-7」 with several plans in force); `code` stays the plan's own. */
  shownCode: string;
  section: string | null;
  /** The word the digest shows: the lifecycle unless active, else the progress. */
  status: DigestStatus;
  progress: DigestTask['state']['progress'];
  /** The plan's deadline when an extension moved it, else null. */
  plannedDeadline: string | null;
  workdaysLeft: number;
  /** The light's reasons, most serious first. */
  reasons: string[];
  latest: { date: string; text: string } | null;
  /** The latest 批示: who, the date, the words (clipped). */
  instruction: DigestTask['instruction'];
  changes: DigestTask['changes'];
  /** Pieces of evidence (佐证材料) kept for the task. */
  evidence: number;
}

function reasonJson(r: AttentionReason): Record<string, unknown> {
  return r.kind === 'far_behind' || r.kind === 'lagging' ? { kind: r.kind, target: r.target.label } : { ...r };
}

export function digestJson(m: DigestModel, at: Date) {
  const tasks = m.sections.flatMap((s) => s.tasks);
  return {
    at: at.toISOString(),
    plan: m.header.plan,
    week: { id: m.header.weekId, number: m.header.weekNumber, label: m.header.weekLabel, firstWorkday: m.header.firstWorkday, lastWorkday: m.header.lastWorkday },
    time: sharePercent(m.header.timeShare),
    worst: m.worst,
    total: m.total,
    counts: m.counts,
    lights: m.lights,
    reporting: m.reporting,
    tasks: tasks.map((t): DigestTaskJson => ({
      ...taskStateJson(t),
      shownCode: t.shownCode,
      section: t.section?.ordinal ?? null,
      status: t.status,
      progress: t.state.progress,
      plannedDeadline: t.state.deadline.planned,
      workdaysLeft: t.state.deadline.workdaysLeft,
      reasons: t.state.reasons.map((r) => r.kind),
      latest: t.latest && { date: t.latest.date, text: t.latest.text },
      instruction: t.instruction,
      changes: t.changes,
      evidence: t.evidence,
    })),
    needsLeaders: m.needsLeaders.map((a) => ({ code: a.code, shownCode: a.shownCode, light: a.light, reasons: a.reasons.map(reasonJson) })),
    dueSoon: m.dueSoon.map((d) => ({ code: d.code, shownCode: d.shownCode, deadline: d.deadline, workdaysLeft: d.workdaysLeft })),
    missing: m.missing.map((p) => ({ name: p.name, tasks: p.tasks.map((t) => t.code), shownCodes: p.tasks.map((t) => t.shownCode), later: p.tasks.flatMap((t) => (t.later ? [{ code: t.code, date: t.later.date }] : [])) })),
    chart: m.chart.map((b) => ({ code: b.taskCode, shownCode: b.shownCode, label: b.label, done: b.donePct, time: b.timePct })),
  };
}
