/**
 * Each target's trend over the weeks as a sparkline in text (「▁▃▅▇」): the value each earlier digest
 * showed (its stored snapshot) and the latest now, scaled between the lowest and the highest. Pure;
 * it draws numbers the engine already gave (TargetState.latest), it judges nothing.
 */
import type { TargetState } from '../task-state/types.js';
import type { DigestSnapshot } from './types.js';

const BARS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
/** Weeks a trend covers at most, this one included. */
export const TREND_WEEKS = 8;

/** A value to draw: Number.isFinite is false for null, NaN and ±Infinity (it never coerces). */
const finite = (v: number | null): v is number => Number.isFinite(v);

/** 「▁▃▅▇」; a week without a value is 「·」; null with fewer than two values or a flat line of none. */
export function sparkline(values: readonly (number | null)[]): string | null {
  const known = values.filter(finite);
  if (known.length < 2) return null;
  const lo = Math.min(...known);
  const hi = Math.max(...known);
  return values.map((v) => (finite(v) ? BARS[hi === lo ? 3 : Math.round(((v - lo) / (hi - lo)) * (BARS.length - 1))] : '·')).join('');
}

/** Target id → its sparkline over the earlier digests (oldest first) and now; targets without one are left out. */
export function targetTrends(taskId: number, targets: readonly TargetState[], history: readonly DigestSnapshot[]): Record<string, string> {
  const earlier = history.slice(-(TREND_WEEKS - 1));
  const out: Record<string, string> = {};
  for (const g of targets) {
    const key = String(g.targetId);
    const line = sparkline([...earlier.map((s) => s.tasks[String(taskId)]?.values[key] ?? null), g.latest]);
    if (line !== null) out[key] = line;
  }
  return out;
}
