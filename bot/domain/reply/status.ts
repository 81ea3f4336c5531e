/**
 * A reply's status (on_track / at_risk / blocked / not_started / done) from its words. Each
 * claim is read with the words before it: negated problems mean on track,
 * negated on-track words mean at risk, a hedged blocker is a risk, a denied or
 * future completion is not done. The strongest problem wins unless the text
 * clearly says the whole task is done; 「尚未启动」 (not a part of it) outranks on-track words. What a
 * counted part did (「11家已完成」「3项进度偏慢」) is not said of the whole; a reply that counts nothing
 * done (「完成0个」) is not started. Pure.
 */
import type { Clauses } from './clauses.js';
import { CONDITIONAL, COUNTED_PART, FUTURE, HEDGED, NEGATED, PARTIAL, RULES, SOME_OF, THEN_NONE, THEN_NUMBER, THEN_PROBLEM } from './status-rules.js';
import type { ReportStatus } from './types.js';

/** part_risk: a risk of some counted items (「3项进度偏慢」), the task's risk only when nothing else is said of the rest. */
export type SignalKind = 'done' | 'done_weak' | 'not_done' | 'not_started' | 'blocked' | 'at_risk' | 'part_risk' | 'on_track';

export interface Signal {
  kind: SignalKind;
  start: number;
  end: number;
}

function judge(kind: (typeof RULES)[number]['kind'], c: Clauses, start: number, end: number): SignalKind | null {
  const text = c.text;
  const clauseStart = c.start('comma', start);
  const window = text.slice(Math.max(clauseStart, start - 8), start);
  const clausePre = text.slice(clauseStart, start);
  const negated = NEGATED.test(window) || (kind !== 'on_track' && THEN_NONE.test(text.slice(end, end + 8)));
  if (kind === 'done_over') {
    if (negated || PARTIAL.test(window)) return 'not_done';
    return FUTURE.test(clausePre) ? 'on_track' : 'done';
  }
  if (kind === 'not_started') {
    if (CONDITIONAL.test(window) || SOME_OF.test(clausePre)) return null;
    return 'not_started';
  }
  if (kind === 'done' || kind === 'done_weak') {
    if (negated) return 'not_done';
    if (THEN_NUMBER.test(text.slice(end, end + 6))) return null;
    if (THEN_PROBLEM.test(text.slice(end, c.end('comma', end)))) return null;
    if (PARTIAL.test(window)) return 'on_track';
    // 「11家机构已完成」「部分项目已完工」: a counted part finished, the rest not said to be.
    if (kind === 'done_weak' && (COUNTED_PART.test(clausePre) || SOME_OF.test(clausePre))) return 'on_track';
    const matched = text.slice(start, end);
    if (!matched.includes('已') && !/已经?\s*$/.test(window) && FUTURE.test(clausePre)) return 'on_track';
    return kind;
  }
  if (CONDITIONAL.test(window)) return null;
  if (kind === 'on_track') return negated ? 'at_risk' : 'on_track';
  if (negated) return 'on_track';
  // Stryker disable next-line ConditionalExpression: only blocked and at_risk come this far, and a hedged risk is a risk either way
  if (kind === 'blocked' && HEDGED.test(clausePre)) return 'at_risk';
  if (kind === 'at_risk' && COUNTED_PART.test(clausePre)) return 'part_risk';
  return kind;
}

export function findSignals(c: Clauses): Signal[] {
  const out: Signal[] = [];
  for (const rule of RULES) {
    // Every rule is a Unicode pattern (status-rules.ts); matchAll wants it global.
    const re = new RegExp(rule.re, 'gu');
    for (const m of c.text.matchAll(re)) {
      // Stryker disable next-line ConditionalExpression: no rule matches the empty string; the guard keeps a future one from making empty signals
      if (m[0].length === 0) continue;
      const kind = judge(rule.kind, c, m.index, m.index + m[0].length);
      // Stryker disable next-line ConditionalExpression: a signal of no kind is found by no lookup in decideStatus; kept out for clarity
      if (kind) out.push({ kind, start: m.index, end: m.index + m[0].length });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

export interface StatusFacts {
  /** Every target has a value at or above it. */
  targetsMet: boolean;
  /** Some count or sum is still below its target, so the task is not done whatever the words say. */
  shortfall: boolean;
  percent: number | null;
  /** The reply counts nothing done (「完成0个」「完成率0%」). */
  nothingDone: boolean;
}

/** The status the signals add up to, and the signal that decided it. */
export function decideStatus(signals: Signal[], facts: StatusFacts): { status: ReportStatus | null; by: Signal | null } {
  const first = (k: SignalKind) => signals.find((s) => s.kind === k) ?? null;
  const notStarted = first('not_started');
  // A stated share of 100% or more (「已完成目标任务的100%」) outweighs a count that falls short of the target.
  // Stryker disable next-line ConditionalExpression: null >= 100 is false too; the check is for the type
  const shortfall = facts.shortfall && !(facts.percent !== null && facts.percent >= 100);
  const notDone = first('not_done') !== null || notStarted !== null || shortfall;
  const done = first('done');
  if (!notDone && done) return { status: 'done', by: done };
  for (const k of ['blocked', 'at_risk'] as const) {
    const s = first(k);
    if (s) return { status: k, by: s };
  }
  const part = first('part_risk');
  if (part && !signals.some((s) => s.kind === 'on_track' || s.kind === 'done' || s.kind === 'done_weak')) return { status: 'at_risk', by: part };
  if (notStarted) return { status: 'not_started', by: notStarted };
  const weak = first('done_weak');
  if (!notDone && (weak || facts.targetsMet || (facts.percent !== null && facts.percent >= 100))) {
    return { status: 'done', by: weak };
  }
  const onTrack = first('on_track') ?? (notDone ? (done ?? weak) : null);
  if (onTrack) return { status: 'on_track', by: onTrack };
  return facts.nothingDone ? { status: 'not_started', by: null } : { status: null, by: null };
}
