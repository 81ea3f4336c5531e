/**
 * Milestones (时间节点): the dated steps inside a task's text — 「6月底前完成评估」「三季度完成验收」
 * 「年底前实现……」. Each is the clause its date phrase stands in, with that phrase's date. They never move
 * the task's deadline (build-task.ts decides that); a step due on the deadline is the deadline itself and is
 * not listed again. Pure.
 */
import { proseDeadlines, type Period } from './dates.js';
import type { ParsedMilestone } from './types.js';

/** Where a clause ends: a full stop, a semicolon, a comma, a colon, a line break. */
const BREAK = /[。；;！!？?，,：:\n]/;
/** A sub-item's number in front of a step (「1.4月底前……」「（2）」「③」): not part of its words. */
const ITEM_NUMBER = /^(?:[0-9０-９]{1,2}[.．、](?=[0-9０-９])|[0-9０-９]{1,2}[、．]|[（(][0-9０-９一二三四五六七八九十]{1,3}[)）]|[①-⑳])\s*/;
/** The words of a milestone, at most (a longer clause is cut with 「…」). */
export const MILESTONE_TEXT_CHARS = 80;

/**
 * The task's milestones in the order they fall due (the text's order for the same day), each (date, clause)
 * once, none on `deadline`; at most `limit + 1`, so the caller can tell that some were dropped.
 */
export function findMilestones(text: string, period: Period, deadline: string, limit: number): ParsedMilestone[] {
  const found: ParsedMilestone[] = [];
  const seen = new Set<string>();
  for (const p of proseDeadlines(text, period)) {
    if (p.date === deadline) continue;
    const clause = clauseAround(text, p.at, p.end);
    const key = `${p.date}|${clause}`;
    if (!clause || seen.has(key)) continue;
    seen.add(key);
    found.push({ due: p.date, text: clause });
    if (found.length > limit) break;
  }
  // Stryker disable next-line EqualityOperator: equal dates are decided before the `<`
  return found.map((m, i) => ({ m, i })).sort((a, b) => (a.m.due === b.m.due ? a.i - b.i : a.m.due < b.m.due ? -1 : 1)).map((x) => x.m);
}

/**
 * The clause holding text[at, end): from the break before it to the break after it. A date standing alone
 * (「年底前，全面完成……」) takes the clause after it, which says what is due.
 */
function clauseAround(text: string, at: number, end: number): string {
  let start = at;
  while (start > 0 && !BREAK.test(text[start - 1]!)) start--;
  let stop = nextBreak(text, end);
  const rest = text.slice(end, stop).replace(/[\s*]/g, '');
  // Stryker disable next-line Regex,ConditionalExpression,EqualityOperator: no date phrase holds 前 but at its end; at the text's end (text[stop] undefined) nextBreak gives a stop past it, which slices the same
  if (rest.length < 2 && /前$/.test(text.slice(at, end)) && stop < text.length && !/[。；;\n]/.test(text[stop]!)) stop = nextBreak(text, stop + 1);
  const clause = text.slice(start, stop).replace(/\s+/g, ' ').replace(/^[\s*]+|[\s*]+$/g, '').replace(ITEM_NUMBER, ''); // ITEM_NUMBER takes the spaces after it
  return clause.length > MILESTONE_TEXT_CHARS ? `${clause.slice(0, MILESTONE_TEXT_CHARS - 1)}…` : clause;
}

function nextBreak(text: string, from: number): number {
  let i = from;
  // Stryker disable next-line EqualityOperator: past the end text[i] is undefined, not a break: i ends one further, which slices the same
  while (i < text.length && !BREAK.test(text[i]!)) i++;
  return i;
}
