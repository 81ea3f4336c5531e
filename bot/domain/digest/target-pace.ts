/**
 * One target against working time (序时进度). Pure.
 *
 * Running totals and money: reached = latest ÷ target. Levels and percents (a stock such as
 * 「有效期高企达140家」): progress from the first value reported in the plan period to the
 * target, (latest − baseline) ÷ (target − baseline); with only one value known, latest ÷ target
 * is shown without a verdict. at_most targets are on pace while latest ≤ cap. A met target is
 * on pace; a pace note (the owner's reason for a lumpy target) counts as on pace.
 * ratio = reached ÷ timeShare, judged against the settings' greenAt and redBelow.
 */
import { shanghaiDate } from '../calendar/shanghai-time.js';
import { expectedByNow } from '../pace.js';
import type { PaceBasis, PaceVerdict, TargetPace } from './model.js';
import type { DigestSettings, DigestTarget } from './types.js';

export interface PaceContext {
  now: Date;
  periodStart: string;
  timeShare: number;
}

interface Measure {
  basis: PaceBasis;
  reached: number | null;
  baseline: number | null;
}

/** Floating-point slack at the thresholds: 18 of 100 at 20% time is exactly 0.9, not 0.8999…. */
const EPS = 1e-9;

const shareOf = (x: number, of: number): number | null => (of > 0 ? x / of : null);

function measure(t: DigestTarget, known: DigestTarget['history'], latest: number | null, periodStart: string): Measure {
  if (latest === null) return { basis: 'none', reached: null, baseline: null };
  if (t.comparator === 'at_most') return { basis: 'cap', reached: shareOf(latest, t.value), baseline: null };
  if (t.kind === 'cumulative' || t.kind === 'money') return { basis: 'total', reached: shareOf(latest, t.value), baseline: null };
  const inPeriod = known.filter((h) => shanghaiDate(h.at) >= periodStart);
  const baseline = inPeriod[0]?.value ?? null;
  if (baseline === null || inPeriod.length < 2 || t.value - baseline <= 0) {
    return { basis: 'single_value', reached: shareOf(latest, t.value), baseline };
  }
  return { basis: 'from_baseline', reached: (latest - baseline) / (t.value - baseline), baseline };
}

function verdictOf(t: DigestTarget, m: Measure, latest: number | null, ratio: number | null, timeShare: number, s: DigestSettings): PaceVerdict | null {
  if (t.paceNote !== null) return 'on_pace';
  if (latest === null) return null;
  if (m.basis === 'cap') return latest <= t.value ? 'on_pace' : 'far_behind';
  if (latest >= t.value) return 'on_pace';
  if (m.basis === 'single_value') return null;
  if (timeShare <= 0) return 'on_pace'; // before the period's first working day nothing is due yet
  if (ratio === null) return null;
  if (ratio >= s.greenAt - EPS) return 'on_pace';
  return ratio < s.redBelow - EPS ? 'far_behind' : 'lagging';
}

export function targetPace(t: DigestTarget, ctx: PaceContext, settings: DigestSettings): TargetPace {
  const at = ctx.now.getTime();
  const known = t.history.filter((h) => h.at.getTime() <= at).sort((a, b) => a.at.getTime() - b.at.getTime());
  const latest = known.at(-1)?.value ?? null;
  const m = measure(t, known, latest, ctx.periodStart);
  const paced = m.basis === 'total' || m.basis === 'from_baseline';
  const ratio = paced && m.reached !== null && ctx.timeShare > 0 ? m.reached / ctx.timeShare : null;
  return {
    targetId: t.id,
    label: t.label,
    value: t.value,
    unit: t.unit,
    comparator: t.comparator,
    kind: t.kind,
    latest,
    baseline: m.baseline,
    basis: m.basis,
    reached: m.reached,
    timeShare: ctx.timeShare,
    ratio,
    expected: t.comparator === 'at_most' ? null : expectedByNow(t.kind, t.value, ctx.timeShare),
    verdict: verdictOf(t, m, latest, ratio, ctx.timeShare, settings),
    paceNote: t.paceNote,
  };
}
