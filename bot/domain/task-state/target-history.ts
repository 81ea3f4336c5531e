/**
 * Which reported values of a target the engine reads at `now` (targetState): the latest made by
 * then, and — for a level judged from its first report (no baseline in the plan) — the first made
 * since the task's start. Plan-wide reads load only these (bot/store/target-values.ts); the
 * ledger's weekly values read the whole history. Pure.
 *
 * Values are ordered by their report's time, then the report's id, then the value's own id, so the
 * latest and the first are the same whether read from the whole history or picked by the store.
 */
import { atShanghai } from '../calendar/shanghai-time.js';
import type { StateTarget } from './types.js';

/** A value as the store reads it: its report's time and id order it. */
export interface ReportedValue {
  value: number;
  at: Date;
  reportId: number;
  valueId: number;
}

/** Whether the engine reads the first value since the task's start: a level without a baseline from the plan. */
export function readsFirstValue(t: Pick<StateTarget, 'kind' | 'comparator' | 'baseline'>): boolean {
  return t.kind === 'level' && t.comparator !== 'at_most' && t.baseline === null;
}

/** The moment the task's time starts (its start date, 00:00 Beijing time): values from then on count for a level's baseline. */
export const firstValueSince = (start: string): Date => atShanghai(start, '00:00');

export const byReportTime = (a: ReportedValue, b: ReportedValue): number =>
  a.at.getTime() - b.at.getTime() || a.reportId - b.reportId || a.valueId - b.valueId;

/** The history the engine is given: oldest first, with the first since the start (when read) before the latest, once each. */
export function engineHistory(latest: ReportedValue | null, first: ReportedValue | null): StateTarget['history'] {
  const picked = [first, latest].filter((v): v is ReportedValue => v !== null);
  const once = picked.filter((v, i) => picked.findIndex((w) => w.valueId === v.valueId) === i);
  return once.sort(byReportTime).map((v) => ({ value: v.value, at: v.at }));
}
