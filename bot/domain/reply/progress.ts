/**
 * The task's overall progress (percent) a reply states: 「完成60%」「完成全年目标的
 * 六成」「过半」「完成了三分之二」. Growth rates, schedule percentages (序时进度),
 * forecasts, last month's figure and per-target percentages are not it. Pure.
 */
import type { Clauses } from './clauses.js';
import { labelScore } from './label-score.js';
import type { ContextualMention } from './match-values.js';
import { parseNumber } from '../plan/numerals.js';
import type { ReplyTarget } from './types.js';
import { FORECAST, PAST } from './value-markers.js';

interface Candidate {
  at: number;
  value: number;
  /** Comma-clause text before the expression. */
  scope: string;
}

const TENTHS = /([一二三四五六七八九]|[1-9])成(多|左右|以上)?/g;
const TENTHS_NOT_AFTER = /^(?:的)?(?:本|员|果|立|绩|功|为|交|效|熟|长|品|都|就|把握|可能|能|会|概率|可以|不变)/;
const TENTHS_BEFORE = /(?:完成|进度|达到?|已|约|近|超过|大概|大约|过|了|有|到|的)\s*$/;
const HALF_PAST = /过半/g;
const HALF_PAST_NOT_BEFORE = /(?:时间|时序|时间已|时间已经|年度时间|时间进度)\s*$/;
const HALF = /(?:完成|进度|达到|过了?|已|近|将近|接近|大约|约)\s*(?:了)?\s*(?:近|约)?一半/g;
const FRACTION = /(?<!百)([一二三四五六七八九十]|\d+)分之([一二三四五六七八九十]|\d+)/g;
const FRACTION_BEFORE = /(?:完成|进度|达到?|已|过|了|约|近)/;
const OVERALL = /(?:总体|整体|全年|总|全部|整个|综合)/;

function wordCandidates(c: Clauses): Candidate[] {
  const text = c.text;
  // Stryker disable next-line ArrayDeclaration: a seeded element has no finite value and readPercent filters it out.
  const out: Candidate[] = [];
  const scopeAt = (i: number) => text.slice(c.start('comma', i), i);
  for (const m of text.matchAll(TENTHS)) {
    // Stryker disable next-line MethodExpression: TENTHS_BEFORE is anchored at the end, so the window only differs after 5+ spaces.
    const before = scopeAt(m.index).slice(-6);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 4);
    // Stryker disable next-line ConditionalExpression,Regex: TENTHS_NOT_AFTER already refuses 把握/可能 after any share; the second test repeats it.
    if (TENTHS_NOT_AFTER.test(after) || (m[2] && /^(?:的)?(?:把握|可能)/.test(after))) continue;
    if (!TENTHS_BEFORE.test(before) && !m[2]) continue;
    const n = parseNumber(m[1]!);
    // Stryker disable next-line ConditionalExpression: TENTHS only captures 一..九 or 1..9, which parseNumber always reads.
    if (n !== null) out.push({ at: m.index, value: n * 10, scope: scopeAt(m.index) });
  }
  for (const m of text.matchAll(HALF_PAST)) {
    if (!HALF_PAST_NOT_BEFORE.test(scopeAt(m.index))) out.push({ at: m.index, value: 50, scope: scopeAt(m.index) });
  }
  for (const m of text.matchAll(HALF)) out.push({ at: m.index, value: 50, scope: scopeAt(m.index) });
  for (const m of text.matchAll(FRACTION)) {
    const den = parseNumber(m[1]!);
    const num = parseNumber(m[2]!);
    // Stryker disable next-line ConditionalExpression,LogicalOperator: FRACTION only captures numerals parseNumber reads, and den < 2 already refuses 0.
    if (!den || num === null || den < 2 || num > den || !FRACTION_BEFORE.test(scopeAt(m.index))) continue;
    out.push({ at: m.index, value: Math.round((num / den) * 100), scope: scopeAt(m.index) });
  }
  return out;
}

export function readPercent(c: Clauses, progress: ContextualMention[], targets: ReplyTarget[]): number | null {
  const all: Candidate[] = [
    ...progress.map((p) => ({ at: p.mention.start, value: p.mention.amount, scope: p.ctx.scope })),
    ...wordCandidates(c),
  ].filter((x) => Number.isFinite(x.value) && !PAST.test(x.scope) && !FORECAST.test(x.scope));
  const labelled = (x: Candidate) => targets.length >= 2 && targets.some((t) => labelScore(x.scope, t).labelHits > 0);
  const overall = all.filter((x) => !labelled(x)).sort((a, b) => a.at - b.at);
  if (!overall.length) return null;
  const pick = overall.find((x) => OVERALL.test(x.scope)) ?? overall[0]!;
  return Math.round(Math.min(100, Math.max(0, pick.value)) * 100) / 100;
}
