/**
 * The light (三色) and the reasons behind it: one rule for every channel. Pure.
 * green: closed, awaiting confirmation of completion, or on track and on pace;
 * none: paused, or never reported (nothing to judge);
 * red: overdue, blocked, or a target far behind pace (or over its cap);
 * yellow: at risk, not started once pace says it should have (startDue), asked and not reported (or
 * a report returned for more and not yet made good), a
 * target lagging, or the deadline near. 「尚未启动」 alone is no risk: a task whose time has barely begun
 * may well not have started.
 * Reasons are listed most serious first.
 */
import type { Light, LightReason, Progress, Reporting, TargetState, TaskStateInput } from './types.js';

export function lightOf(
  task: Pick<TaskStateInput, 'lifecycle'>,
  progress: Progress,
  reporting: Reporting,
  targets: TargetState[],
  workdaysLeft: number,
  dueSoonWorkdays: number,
  /** The task's time has gone past the point where, on pace, its work should have begun. */
  startDue = false,
): { light: Light; reasons: LightReason[] } {
  if (task.lifecycle === 'closed') return { light: 'green', reasons: [{ kind: 'closed' }] };
  if (task.lifecycle === 'done_pending') return { light: 'green', reasons: [{ kind: 'done_pending' }] };
  if (task.lifecycle === 'paused') return { light: 'none', reasons: [{ kind: 'paused' }] };
  const red: LightReason[] = [];
  if (progress === 'overdue') red.push({ kind: 'overdue', workdays: Math.max(0, -workdaysLeft) });
  if (progress === 'blocked') red.push({ kind: 'blocked' });
  for (const t of targets) if (t.verdict === 'far_behind') red.push({ kind: 'far_behind', targetId: t.targetId });
  const yellow: LightReason[] = [];
  if (progress === 'at_risk') yellow.push({ kind: 'at_risk' });
  if (progress === 'not_started' && startDue) yellow.push({ kind: 'not_started' });
  if (reporting.reported === false) yellow.push({ kind: reporting.why === 'returned' ? 'returned' : 'missing' });
  for (const t of targets) if (t.verdict === 'lagging') yellow.push({ kind: 'lagging', targetId: t.targetId });
  if (progress !== 'overdue' && workdaysLeft <= dueSoonWorkdays) yellow.push({ kind: 'due_soon', workdays: Math.max(0, workdaysLeft) });
  if (red.length) return { light: 'red', reasons: [...red, ...yellow] };
  if (yellow.length) return { light: 'yellow', reasons: yellow };
  if (progress === 'unknown' && targets.every((t) => t.latest === null)) return { light: 'none', reasons: [{ kind: 'unreported' }] };
  return { light: 'green', reasons: [{ kind: 'on_track' }] };
}
