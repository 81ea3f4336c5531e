/**
 * One target (指标) against time (序时进度). Pure.
 *
 * - Running totals (累计, 新增) and money: done = latest ÷ target, against the time from the task's
 *   start to its deadline.
 * - Levels (存量/达到, 「有效期高企达140家」): judged on the path from the baseline to the target —
 *   done = (latest − baseline) ÷ (target − baseline), against the time from the baseline to the
 *   deadline. The baseline is the plan's (「由118家增至140家」, at the start) or else the first value
 *   reported, whose date then starts the clock: a stock that starts high says nothing about pace, and
 *   a first report in week 12 is not behind for the eleven weeks before it. With only that first value
 *   there is no pace yet. `ofTarget` (latest ÷ target) is what bureaus quote beside it.
 * - Percentages and growth rates: the rate itself against the target rate; time does not apply.
 * - at_most caps: on pace while within the cap.
 * A met target is on pace; so is one the owner explained (paceNote). ratio = done ÷ time, judged
 * against the settings' greenAt and redBelow.
 */
import { shanghaiDate } from '../calendar/shanghai-time.js';
import type { PaceBasis, PaceVerdict, StateContext, StateTarget, TargetState } from './types.js';
import { roundForUnit } from './amounts.js';

/** Floating-point slack at the thresholds: 18 of 100 at 20% time is exactly 0.9, not 0.8999…. */
const EPS = 1e-9;

interface Measure {
  basis: PaceBasis;
  done: number | null;
  time: number | null;
  baseline: number | null;
  baselineFrom: TargetState['baselineFrom'];
  expected: number | null;
}

function measure(t: StateTarget, known: StateTarget['history'], latest: number | null, start: string, deadline: string, ctx: StateContext): Measure {
  const none = { baseline: t.baseline, baselineFrom: t.baseline === null ? null : ('plan' as const), expected: null };
  if (latest === null) return { basis: 'none', done: null, time: null, ...none };
  if (t.comparator === 'at_most') return { basis: 'cap', done: null, time: null, ...none };
  if (t.kind === 'percent') return { basis: 'rate', done: t.value > 0 ? latest / t.value : null, time: null, ...none };
  const time = ctx.elapsed(start, deadline);
  if (t.kind === 'cumulative' || t.kind === 'money') {
    return { basis: 'total', done: t.value > 0 ? latest / t.value : null, time, ...none, expected: roundForUnit(t.value * time, t.unit) };
  }
  // A level: from the plan's baseline, else from the first value reported since the start.
  if (t.baseline !== null) return fromBaseline(t, latest, t.baseline, 'plan', time);
  const first = known.find((h) => shanghaiDate(h.at) >= start);
  if (!first) return { basis: 'baseline_only', done: null, time: null, baseline: null, baselineFrom: null, expected: null };
  const since = shanghaiDate(first.at);
  if (known.filter((h) => h.at >= first.at).length < 2) {
    return { basis: 'baseline_only', done: null, time: null, baseline: first.value, baselineFrom: 'first_report', expected: null };
  }
  return fromBaseline(t, latest, first.value, 'first_report', ctx.elapsed(since, deadline));
}

function fromBaseline(t: StateTarget, latest: number, baseline: number, from: 'plan' | 'first_report', time: number): Measure {
  const gap = t.value - baseline;
  const done = gap > 0 ? (latest - baseline) / gap : latest >= t.value ? 1 : 0;
  return { basis: 'from_baseline', done, time, baseline, baselineFrom: from, expected: roundForUnit(baseline + Math.max(0, gap) * time, t.unit) };
}

function verdictOf(t: StateTarget, m: Measure, latest: number | null, ctx: StateContext): PaceVerdict | null {
  if (t.paceNote !== null) return 'on_pace';
  if (latest === null) return null;
  if (m.basis === 'cap') return latest <= t.value ? 'on_pace' : 'far_behind';
  if (latest >= t.value) return 'on_pace';
  if (m.basis !== 'total' && m.basis !== 'from_baseline') return null;
  if (m.time === null || m.done === null) return null;
  if (m.time <= 0) return 'on_pace'; // before the first working day nothing is due yet
  const ratio = m.done / m.time;
  if (ratio >= ctx.settings.greenAt - EPS) return 'on_pace';
  return ratio < ctx.settings.redBelow - EPS ? 'far_behind' : 'lagging';
}

/** The values reported by `at`, oldest first. */
function knownBy(t: StateTarget, at: Date): StateTarget['history'] {
  return t.history.filter((h) => h.at.getTime() <= at.getTime()).sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** A target's value as it stood at `at`: the latest reported by then (the `latest` of its state at that moment); null before any. */
export function valueAt(t: StateTarget, at: Date): number | null {
  return knownBy(t, at).at(-1)?.value ?? null;
}

/** `start`: when the task's time begins (its own start or the plan's); `deadline`: its effective deadline. */
export function targetState(t: StateTarget, start: string, deadline: string, ctx: StateContext): TargetState {
  const known = knownBy(t, ctx.now);
  const latest = known.at(-1)?.value ?? null;
  const m = measure(t, known, latest, start, deadline, ctx);
  return {
    targetId: t.id,
    label: t.label,
    unit: t.unit,
    kind: t.kind,
    comparator: t.comparator,
    value: t.value,
    latest,
    baseline: m.baseline,
    baselineFrom: m.baselineFrom,
    basis: m.basis,
    done: m.done,
    time: m.time,
    ofTarget: latest !== null && t.value > 0 ? latest / t.value : null,
    expected: m.expected,
    verdict: verdictOf(t, m, latest, ctx),
    paceNote: t.paceNote,
  };
}
