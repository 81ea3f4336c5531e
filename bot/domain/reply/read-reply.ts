/**
 * The reply reader: what a staff member's free-text check-in reply (进展) says
 * about a task — status, overall percent, values per target (指标), expected
 * completion date, blocker. Pure: no I/O, `now` is an argument; never throws.
 */
import { blockerOf } from './blocker.js';
import { clausesOf } from './clauses.js';
import { valueDoubts, MAX_DOUBTS } from './doubts.js';
import { readExpectedOn } from './expected-on.js';
import { todayIn } from './local-day.js';
import { readValues } from './match-values.js';
import { findMentions } from './mentions.js';
import { normalizeReply } from './normalize.js';
import { readPercent } from './progress.js';
import { decideStatus, findSignals } from './status.js';
import type { ReadReply, ReadReplyInput, ReplyTarget, ReplyValue } from './types.js';

export type { ReadReply, ReadReplyInput, ReplyDoubt, ReplyTarget, ReplyValue, ReportStatus } from './types.js';

const KINDS = new Set(['level', 'cumulative', 'money', 'percent']);

function empty(): ReadReply {
  return { status: null, percent: null, values: [], expectedOn: null, blocker: null, doubts: [] };
}

/** Targets as given, with anything unusable replaced so indices stay the same. */
function cleanTargets(raw: unknown): ReplyTarget[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((t: Partial<ReplyTarget> | null | undefined) => ({
    label: typeof t?.label === 'string' ? t.label : '',
    value: typeof t?.value === 'number' && Number.isFinite(t.value) ? t.value : Number.NaN,
    unit: typeof t?.unit === 'string' ? t.unit : '',
    kind: t?.kind && KINDS.has(t.kind) ? t.kind : 'level',
    text: typeof t?.text === 'string' ? t.text : '',
  }));
}

function read(input: ReadReplyInput): ReadReply {
  const text = normalizeReply(input?.text);
  // Stryker disable next-line ConditionalExpression,MethodExpression: blank text reads as nothing either way; this only skips the work
  if (!text.trim()) return empty();
  const targets = cleanTargets(input?.targets);
  const usable = targets.map((t, i) => ({ t, i })).filter(({ t }) => t.unit && Number.isFinite(t.value));
  const c = clausesOf(text);
  const mentions = findMentions(text);
  const reading = readValues(c, mentions, usable.map(({ t }) => t));
  const values: ReplyValue[] = reading.values
    .filter((v) => Number.isFinite(v.value))
    .map((v) => ({ ...v, target: usable[v.target]!.i }));
  const percent = readPercent(c, reading.progress, usable.map(({ t }) => t));
  // A rate met (「增长10.1%」 against 8%) says the pace, not that the work is over: only counts and sums finish a task.
  const targetsMet =
    usable.some(({ t }) => t.kind !== 'percent') &&
    usable.every(({ t, i }) => values.some((v) => v.target === i && v.value >= t.value - 1e-9));
  const shortfall = values.some((v) => targets[v.target]!.kind !== 'percent' && v.value < targets[v.target]!.value - 1e-9);
  const nothingDone = percent === 0 || (values.length > 0 && values.every((v) => v.value === 0 && targets[v.target]!.kind !== 'percent'));
  const { status, by } = decideStatus(findSignals(c), { targetsMet, shortfall, percent, nothingDone });
  const today = todayIn(input?.now, typeof input?.timeZone === 'string' && input.timeZone ? input.timeZone : 'Asia/Shanghai');
  const expected = status === 'done' ? { date: null, doubt: null } : readExpectedOn(c, today);
  const doubts = [
    ...valueDoubts(c, reading.unsettled, values, targets, (i) => usable[i]!.i),
    ...(expected.doubt ? [expected.doubt] : []),
  ].slice(0, MAX_DOUBTS);
  return {
    status,
    percent: percent ?? (status === 'done' ? 100 : null),
    values,
    expectedOn: expected.date,
    blocker: (status === 'blocked' || status === 'at_risk') && by ? blockerOf(c, by) : null,
    doubts,
  };
}

export function readReply(input: ReadReplyInput): ReadReply {
  try {
    return read(input);
  } catch {
    return empty();
  }
}
