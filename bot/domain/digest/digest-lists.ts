/**
 * The digest's lists, drawn from the engine's states: needs leaders (the light's reasons and pending
 * extensions), due soon, who has not reported, the period's reporting, the chart. Pure.
 */
import { sharePercent } from '../task-state/amounts.js';
import type { LightReason, TaskState } from '../task-state/types.js';
import type { AttentionItem, AttentionReason, ChartBar, DigestTask, DueItem, MissingReporter, ReportingSummary } from './model.js';
import { clip } from './words.js';

/** How many characters of a blocker's or a risk's words, or of an extension's reason, are kept. */
export const WORDS_MAX = 100;

function reasonOf(r: LightReason, s: TaskState): AttentionReason | null {
  const words = s.progressSource ? clip(s.progressSource.rawText, WORDS_MAX) || null : null;
  switch (r.kind) {
    case 'overdue':
      return { kind: 'overdue', deadline: s.deadline.date, workdays: r.workdays };
    case 'blocked':
      return { kind: 'blocked', words };
    case 'at_risk':
      return { kind: 'at_risk', words };
    case 'not_started':
      return { kind: 'not_started' };
    case 'far_behind':
    case 'lagging': {
      const target = s.targets.find((t) => t.targetId === r.targetId);
      return target ? { kind: r.kind, target } : null;
    }
    case 'missing':
      return { kind: 'missing' };
    case 'returned':
      return { kind: 'returned' };
    case 'due_soon':
      return { kind: 'due_soon', deadline: s.deadline.date, workdays: r.workdays, daysLeft: s.deadline.daysLeft };
    // Stryker disable next-line ConditionalExpression: without the default the function returns undefined, which the caller's ?? takes as null
    default:
      return null; // closed, done_pending, paused, unreported, on_track: nothing to look at
  }
}

/** Every red task, and every task with a pending extension request, in plan order. */
export function needsLeaders(tasks: readonly DigestTask[]): AttentionItem[] {
  return tasks
    .filter((t) => t.state.light === 'red' || t.state.extensionRequests.length > 0)
    .map((t) => ({
      taskId: t.id,
      code: t.code,
      shownCode: t.shownCode,
      title: t.title,
      light: t.state.light,
      status: t.status,
      owners: t.owners,
      leadUnits: t.leadUnits,
      reasons: [
        ...t.state.reasons.flatMap((r) => reasonOf(r, t.state) ?? []),
        ...t.state.extensionRequests.map((e): AttentionReason => ({ kind: 'extension', by: e.by, to: e.to, reason: clip(e.reason, WORDS_MAX) })),
      ],
    }));
}

/** Active tasks whose deadline is today or ahead, at most `workdays` working days away, soonest first. */
export function dueSoon(tasks: readonly DigestTask[], workdays: number): DueItem[] {
  return tasks
    // daysLeft, not workdaysLeft, tells a passed deadline: on the Saturday after a Friday one, workdaysLeft is 0.
    .filter((t) => t.state.lifecycle === 'active' && t.state.deadline.daysLeft >= 0 && t.state.deadline.workdaysLeft <= workdays)
    .map((t): DueItem => ({ taskId: t.id, code: t.code, shownCode: t.shownCode, title: t.title, deadline: t.state.deadline.date, workdaysLeft: t.state.deadline.workdaysLeft, status: t.status, light: t.state.light }))
    // Stryker disable next-line ConditionalExpression,EqualityOperator: V8's sort reads only whether the result is below 0, so 1 and 0 order alike
    .sort((a, b) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : 0)); // stable: plan order within a day
}

const NO_OWNER = -1;
export const NO_OWNER_NAME = '（无责任人）';

/** Owners not on leave of tasks asked this period and not reported (reporting.reported === false), by person, in plan order. */
export function missingReporters(tasks: readonly DigestTask[]): MissingReporter[] {
  const byPerson = new Map<number, MissingReporter>();
  for (const t of tasks) {
    if (t.state.reporting.reported !== false) continue;
    // Asked, then every owner was unassigned: still listed, never hidden behind 「已全部报送」.
    const owners = t.owners.length > 0 ? t.owners : [{ personId: NO_OWNER, name: NO_OWNER_NAME, onLeave: false }];
    for (const o of owners) {
      if (o.onLeave) continue;
      let person = byPerson.get(o.personId);
      if (!person) byPerson.set(o.personId, (person = { personId: o.personId, name: o.name, tasks: [] }));
      person.tasks.push({ code: t.code, shownCode: t.shownCode, title: t.title, later: t.state.reporting.later.find((l) => l.personId === o.personId) ?? null });
    }
  }
  return [...byPerson.values()];
}

export function reportingSummary(tasks: readonly DigestTask[]): ReportingSummary {
  const out: ReportingSummary = { asked: 0, reported: 0, missing: 0, onLeave: 0 };
  for (const { state: { reporting: r } } of tasks) {
    if (!r.asked) continue;
    out.asked += 1;
    if (r.reported === true) out.reported += 1;
    else if (r.reported === false) out.missing += 1;
    // Stryker disable next-line ConditionalExpression: the engine leaves an asked period unjudged (reported null) only for leave
    else if (r.why === 'on_leave') out.onLeave += 1;
  }
  return out;
}

/** Every target for which the engine gives both done and time: percent done vs percent of time gone. */
export function chartBars(tasks: readonly DigestTask[]): ChartBar[] {
  return tasks.flatMap((t) =>
    t.state.targets.flatMap((g) => {
      const done = sharePercent(g.done);
      const time = sharePercent(g.time);
      return done === null || time === null ? [] : [{ taskCode: t.code, shownCode: t.shownCode, label: g.label, donePct: done, timePct: time, verdict: g.verdict }];
    }),
  );
}
