/**
 * The documented JSON of a task's state (`workplan status --json`, and the same fields per task
 * in `workplan digest --preview --json`). Pure.
 */
import { sharePercent } from './amounts.js';
import type { TaskState } from './types.js';

export interface TaskStateJson {
  code: string;
  title: string;
  lifecycle: TaskState['lifecycle'];
  light: TaskState['light'];
  /** true / false for a task asked this period; null when nobody was asked (and nobody reported). */
  reported: boolean | null;
  deadline: string;
  owners: string[];
  /** The next milestone not done (时间节点), as the engine states it; null when none. */
  nextMilestone: { due: string; text: string } | null;
  /** Owners who asked to report this period later (「明天再报」, the engine's reporting.later): who, until when, what they asked. */
  reportLater: { owner: string; until: string; date: string; ask: string | null }[];
  targets: { label: string; unit: string; target: number; latest: number | null; pace: { done: number | null; time: number | null } }[];
}

export function taskStateJson(t: { code: string; title: string; owners: { personId: number; name: string }[]; state: TaskState }): TaskStateJson {
  const s = t.state;
  return {
    code: t.code,
    title: t.title,
    lifecycle: s.lifecycle,
    light: s.light,
    reported: s.reporting.reported,
    deadline: s.deadline.date,
    owners: t.owners.map((o) => o.name),
    nextMilestone: s.nextMilestone ? { due: s.nextMilestone.due, text: s.nextMilestone.text } : null,
    reportLater: s.reporting.later.map((l) => ({ owner: t.owners.find((o) => o.personId === l.personId)?.name ?? '', until: l.until.toISOString(), date: l.date, ask: l.ask })),
    targets: s.targets.map((g) => ({
      label: g.label,
      unit: g.unit,
      target: g.value,
      latest: g.latest,
      pace: { done: sharePercent(g.done), time: sharePercent(g.time) },
    })),
  };
}
