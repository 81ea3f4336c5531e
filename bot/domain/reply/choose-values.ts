/**
 * One value per target from the numbers the reader put on it. A statement that counts its items
 * by stage (「完成385项，正在办理20项」「9项提前完成，3项进展较快」) reports the finished ones, so a number
 * said to be finished outranks one that is not; the target's own number stated before a smaller one
 * (「确定事项405项……完成385项」「263场……已送230场」) is the whole, not the report. Among the rest the
 * most explicit wins, then the largest. Pure.
 */
import type { ReplyTarget, ReplyValue } from './types.js';

export interface Pick {
  target: number;
  value: number;
  /** How sure the reader is that the number is about this target (higher wins). */
  tier: number;
  /** Where the number stands in the reply. */
  at: number;
  /** The number's own words say the work it counts is finished. */
  finished: boolean;
}

function isWhole(p: Pick, all: Pick[], t: ReplyTarget): boolean {
  return Math.abs(p.value - t.value) < 1e-9 && all.some((q) => q.at > p.at && q.value < p.value);
}

export function chooseValues(picks: Pick[], targets: ReplyTarget[]): ReplyValue[] {
  const byTarget = new Map<number, Pick[]>();
  for (const p of picks) byTarget.set(p.target, [...(byTarget.get(p.target) ?? []), p]);
  const out: ReplyValue[] = [];
  for (const [i, all] of [...byTarget].sort(([a], [b]) => a - b)) {
    const t = targets[i]!;
    const finished = all.filter((p) => p.finished);
    const pool = (finished.length ? finished : all).filter((p) => !isWhole(p, all, t));
    const best = pool.reduce<Pick | null>((b, p) => (!b || p.tier > b.tier || (p.tier === b.tier && p.value > b.value) ? p : b), null);
    if (best) out.push({ value: best.value, unit: t.unit, target: i });
  }
  return out;
}
