/** Calendar-date expressions in plans (完成时限). Pure; dates are 'YYYY-MM-DD'. */
import { daysInMonth, ymd } from '../calendar/civil-date.js';
import { matchesOf } from './matches.js';
import { parseNumber, toAsciiDigits } from './numerals.js';

export interface Period {
  year: number;
  /** Inclusive last day of the plan's period. */
  end: string;
  /** The year 「今年」 names (the year the plan was signed in; else its own year): 「明年」 is the next. */
  base?: number;
}

/** The period a plan's header gives its tasks' deadlines. */
export function periodFor(header: { year: number; periodEnd: string; issuedOn: string | null }): Period {
  return { year: header.year, end: header.periodEnd, base: header.issuedOn ? Number(header.issuedOn.slice(0, 4)) : header.year };
}

/** Number of days in a month: the calendar module's. */
export { daysInMonth };

function validDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

// Runs are bounded and a match never starts with spaces: with `+` runs and a leading `\s*`, each
// place inside a long run of digits or spaces was tried to the run's end (quadratic on a long line).
const NUM = '[0-9０-９零〇○一二三四五六七八九十]{1,8}';
const YEAR = '([0-9０-９]{4}|[零〇○一二三四五六七八九]{4}|明|次|今|本)\\s*年';
/** An optional year in front: 「2024年」, spaces after it included. */
const YEAR_OPT = `(?:${YEAR}\\s*)?`;

/** 「明年」「次年」 → the year after the plan was signed; 「今年」「本年」 → that year. */
function relativeYear(s: string, period: Period): number | null {
  const base = period.base ?? period.year;
  if (s === '明' || s === '次') return base + 1;
  if (s === '今' || s === '本') return base;
  return null;
}

/** The year written in digits or digit-by-digit Chinese (二〇二二). */
function readYear(s: string): number | null {
  const v = parseNumber(s);
  // Stryker disable next-line ConditionalExpression: null >= 1990 is false too; the check is for the type
  if (v === null) return null;
  return v >= 1990 && v <= 2100 ? v : null;
}

/** A full date such as 「2022年3月17日」「二〇二二年三月十七日」「2022-03-17」「2022.3.17」. */
export function parseFullDate(text: string): string | null {
  const ascii = toAsciiDigits(text);
  let m = ascii.match(SEP_DATE);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return validDate(y, mo, d) ? ymd(y, mo, d) : null;
  }
  m = text.match(CN_FULL_DATE);
  if (m) {
    const y = readYear(m[1]!);
    const mo = parseNumber(m[2]!);
    const d = parseNumber(m[3]!);
    if (y && mo && d && validDate(y, mo, d)) return ymd(y, mo, d);
  }
  return null;
}

const QUARTER_END: Record<number, [number, number]> = { 1: [3, 31], 2: [6, 30], 3: [9, 30], 4: [12, 31] };
const QUARTER_WORDS = '一二三四1234';

// Compiled once (not per call, nor per row of a 6,000-row table). The global ones are used with
// lastIndex from 0 in one synchronous loop (matchesOf), so sharing them between calls is safe.
const SEP_DATE = /(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/;
const CN_FULL_DATE = new RegExp(`${YEAR}\\s*(${NUM})\\s*月\\s*(${NUM})\\s*[日号]`);
const DL_SEP_DATE = /(?:([0-9０-９]{4})[-/.])([0-9０-９]{1,2})[-/.]([0-9０-９]{1,2})/g;
const DL_DAY = new RegExp(`${YEAR_OPT}(${NUM})\\s*月\\s*(${NUM})\\s*[日号]`, 'g');
const DL_MONTH = new RegExp(`${YEAR_OPT}(${NUM})\\s*月\\s*(底|末|份|中旬|上旬|下旬|中)?`, 'g');
const DL_QUARTER = new RegExp(`${YEAR_OPT}第?([${QUARTER_WORDS}])\\s*季度`, 'g');
const DL_RELATIVE_YEAR_END = /(明|次|今|本)\s*年\s*(?:底|末|内)/g;
const DL_FIRST_HALF = new RegExp(`${YEAR_OPT}上半年`, 'g');
const DL_YEAR_END = new RegExp(`${YEAR_OPT}(?:下半年|年底|年末|年内|全年|全年度|年度内)`, 'g');
const DL_OPEN = /(?:长期|持续|常态化|每月|每季度|每年|按月|按季度?)/g;
const DL_BARE_YEAR = new RegExp(`${YEAR}(?![0-9０-９零〇○一二三四五六七八九十]|度)`, 'g');

/**
 * The deadlines an expression names, in order of appearance: 「2024年6月底」, 「11月30日前」,
 * 「10月底前」, 「第三季度」, 「上半年」, 「年底前」, 「全年」, 「长期」. Years default to the
 * plan's year; open-ended words give the period end.
 */
export function findDeadlines(text: string, period: Period): string[] {
  const found: { at: number; date: string }[] = [];
  // Characters already part of a found deadline (a later, looser pattern must not reuse them).
  const taken = new Uint8Array(text.length);
  const overlaps = (a: number, b: number) => taken.subarray(a, b).includes(1);
  const add = (at: number, len: number, date: string | null) => {
    if (!date || overlaps(at, at + len)) return;
    taken.fill(1, at, at + len);
    found.push({ at, date });
  };
  const scan = (re: RegExp, toDate: (m: RegExpExecArray) => string | null) => {
    for (const m of matchesOf(re, text)) add(m.index, m[0].length, toDate(m));
  };
  const yearOf = (s: string | undefined) => (s ? relativeYear(s, period) ?? readYear(s) : null) ?? period.year;

  // 2024年6月30日 / 6月30日 / 2024-06-30
  scan(DL_SEP_DATE, (m) => {
    const y = Number(toAsciiDigits(m[1]!));
    const mo = Number(toAsciiDigits(m[2]!));
    const d = Number(toAsciiDigits(m[3]!));
    return validDate(y, mo, d) ? ymd(y, mo, d) : null;
  });
  scan(DL_DAY, (m) => {
    const y = yearOf(m[1]);
    const mo = parseNumber(m[2]!);
    const d = parseNumber(m[3]!);
    // Stryker disable next-line ConditionalExpression,LogicalOperator: validDate rejects a null month or day too; the check is for the type
    if (mo === null || d === null) return null;
    return validDate(y, mo, d) ? ymd(y, mo, d) : null;
  });
  // 2024年6月底 / 6月末 / 6月份 / 6月中旬 / 6月上旬 / 6月
  scan(DL_MONTH, (m) => {
    const y = yearOf(m[1]);
    const mo = parseNumber(m[2]!);
    // Stryker disable next-line ConditionalExpression: null < 1 is true too; the check is for the type
    if (mo === null) return null;
    if (mo < 1 || mo > 12) return null;
    const day = m[3] === '上旬' ? 10 : m[3] === '中旬' || m[3] === '中' ? 20 : daysInMonth(y, mo);
    return ymd(y, mo, day);
  });
  // 第三季度 / 三季度末 / 2023年二季度
  scan(DL_QUARTER, (m) => {
    const q = parseNumber(m[2]!);
    const end = q ? QUARTER_END[q] : undefined;
    return end ? ymd(yearOf(m[1]), end[0], end[1]) : null;
  });
  // 「明年底」「今年内」: the relative year and the year's end in one word.
  scan(DL_RELATIVE_YEAR_END, (m) => ymd(yearOf(m[1]), 12, 31));
  scan(DL_FIRST_HALF, (m) => ymd(yearOf(m[1]), 6, 30));
  scan(DL_YEAR_END, (m) =>
    m[1] ? ymd(yearOf(m[1]), 12, 31) : period.end,
  );
  scan(DL_OPEN, () => period.end);
  // A bare year: 「2024年」 at the end of an annotation.
  scan(DL_BARE_YEAR, (m) => {
    const y = yearOf(m[1]);
    return ymd(y, 12, 31);
  });

  return found.sort((a, b) => a.at - b.at).map((f) => f.date);
}

/** The latest of the deadlines an expression names, or null. */
export function latestDeadline(text: string, period: Period): string | null {
  const all = findDeadlines(text, period);
  return all.length ? all.reduce((a, b) => (b > a ? b : a)) : null;
}

/** Words that say a piece of work is finished by the date before them. */
const FINISHED = '(?:全面)?(?:竣工|完工|建成|投用|投入使用|投产|交付|完成)';

/**
 * Deadlines stated in a task's prose: only phrases that read as deadlines
 * (「10月底前完成」「6月30日前」「年底前」, a project's milestone 「2023年5月竣工」「9月投入使用」),
 * not any month that is mentioned (「3月开工建设」 starts the work, it does not end it).
 */
export function proseDeadline(text: string, period: Period): { date: string; text: string } | null {
  let best: { date: string; text: string } | null = null;
  for (const p of proseDeadlines(text, period)) if (!best || p.date > best.date) best = { date: p.date, text: p.text };
  return best;
}

/** Every deadline phrase in a task's prose, in order: its date, its words and where they start and end. */
export function proseDeadlines(text: string, period: Period): { date: string; text: string; at: number; end: number }[] {
  const out: { date: string; text: string; at: number; end: number }[] = [];
  for (const m of matchesOf(PROSE_DEADLINE, text)) {
    const date = latestDeadline(m[0], period);
    // Stryker disable next-line MethodExpression: a match neither starts nor ends with spaces (PROSE_DEADLINE); trim states it
    if (date) out.push({ date, text: m[0].trim(), at: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** A deadline phrase in prose: a date, then 「前」 or a word of finishing. */
const PROSE_DEADLINE = new RegExp(
  `${YEAR_OPT}(?:(?:${NUM})\\s*月(?:\\s*(?:(?:${NUM})\\s*[日号]|底|末|中旬|上旬|下旬))?|第?[${QUARTER_WORDS}]\\s*季度末?|上半年|年底|年末)\\s*(?:前|以前|之前|${FINISHED})`,
  'g',
);

const SPAN = new RegExp(`${YEAR_OPT}(${NUM})\\s*月(?:\\s*(${NUM})\\s*[日号])?\\s*(?:[-—–~～]+|至|到)\\s*${YEAR_OPT}(${NUM})\\s*月`);

/**
 * The start of a time span a deadline gives (「2022年4月—6月」「4月至6月底」「3月15日-5月31日」):
 * its first day, or null when the words name no span. The year defaults to the plan's.
 */
export function spanStart(text: string, period: Period): string | null {
  const m = text.match(SPAN);
  if (!m) return null;
  const year = (m[1] ? readYear(m[1]) : null) ?? period.year;
  const month = parseNumber(m[2]!);
  const day = m[3] ? parseNumber(m[3]) : 1;
  // Stryker disable next-line ConditionalExpression,LogicalOperator: validDate rejects a null month or day too; the check is for the type
  if (month === null || day === null) return null;
  if (!validDate(year, month, day)) return null;
  return ymd(year, month, day);
}
