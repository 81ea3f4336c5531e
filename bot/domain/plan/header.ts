/** The plan's header: title, issuer, year, issue date and period. Pure. */
import { lastDayOfMonth, ymd } from '../calendar/civil-date.js';
import { parseFullDate } from './dates.js';
import { matchesOf } from './matches.js';
import { parseNumber, toAsciiDigits } from './numerals.js';
import { unquote } from './quotes.js';
import { isOrgLine, issuerWithYear, meetingIssuer, noticeIssuer, publisherIssuer, signatureWithDate } from './issuer.js';
import { isDateOnly, isTitleLine } from './notice.js';
import { cleanPageLine, pagePublishedOn, pagePublishers, pageSignedOn, strippedDate } from './page-meta.js';
import type { PlanHeader } from './types.js';

const YEAR_IN = /([0-9０-９]{4}|[零〇○一二三四五六七八九]{4})\s*年/;
const YEARS_IN = new RegExp(YEAR_IN.source, 'g');
/** A line that starts with a year: the second half of a title broken after the office's name. */
const YEAR_FIRST = new RegExp(`^${YEAR_IN.source}`);

function yearOf(text: string): number | null {
  const m = text.match(YEAR_IN);
  const y = m ? parseNumber(m[1]!) : null;
  return y && y >= 1990 && y <= 2100 ? y : null;
}

/** A line that is just a date, e.g. 「2022年3月17日」「（二〇二二年三月十七日）」, or 「2022-03-17」 when `iso`. */
function dateLine(line: string, iso = false): string | null {
  const bare = line.replace(/[\s（）()]/g, '');
  if (isDateOnly(bare) || (iso && /^[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}$/.test(bare))) return parseFullDate(bare);
  return null;
}

/**
 * The signature and the date signed under the notice: a date under an office's name (or beside it on
 * one line), else the page's 成文日期, else any date line, a date the page stripped of 年月日, and a
 * web page's bare stamp last.
 */
function readSignature(lines: string[]): { issuer: string | null; date: string | null } {
  const published = pagePublishedOn(lines);
  for (let i = 1; i < lines.length; i++) {
    if (!isOrgLine(lines[i - 1]!)) continue;
    const date = dateLine(lines[i]!) ?? strippedDate(lines[i]!, published);
    if (date) return { issuer: lines[i - 1]!, date };
  }
  for (const l of lines) {
    const s = signatureWithDate(l);
    const date = s ? parseFullDate(s.date) : null;
    if (s && date) return { issuer: s.org, date };
  }
  const date =
    pageSignedOn(lines) ??
    firstOf(lines, (l) => dateLine(l)) ??
    firstOf(lines, (l) => strippedDate(l, published)) ??
    firstOf(lines, (l) => dateLine(l, true));
  return { issuer: null, date };
}

/** A line where a web page says who published it: 「信息来源：区科技局」「发布机构：…」. */
const SOURCE_LINE = /(?:信息来源|来源|发布机构|发文机关|发文单位|发布单位)\s*[：:]/;

/** The plan's period from its title: a quarter, a half, a month, or (by default) the year. */
export function periodOf(title: string, year: number): { start: string; end: string } {
  // 「2024年度重点工作计划二季度执行情况」: the quarter a progress report covers is not the plan's period.
  const t = toAsciiDigits(title).replace(/(?:第?[一二三四1-4]\s*季度|[上下]半年|[0-9一二三四五六七八九十]{1,2}\s*月份?)[^，。；]{0,4}?(?:执行|完成|落实|推进|进展)情况.*$/, '');
  const q = t.match(/第?([一二三四1-4])\s*季度/);
  if (q) {
    const n = parseNumber(q[1]!)!;
    return { start: ymd(year, n * 3 - 2, 1), end: lastDayOfMonth(year, n * 3) };
  }
  if (/上半年/.test(t)) return { start: ymd(year, 1, 1), end: ymd(year, 6, 30) };
  if (/下半年/.test(t)) return { start: ymd(year, 7, 1), end: ymd(year, 12, 31) };
  const month = t.match(/年\s*([0-9]{1,2}|[一二三四五六七八九十]{1,2})\s*月(?:份)?(?:工作|重点)/);
  if (month) {
    const m = parseNumber(month[1]!);
    if (m && m >= 1 && m <= 12) return { start: ymd(year, m, 1), end: lastDayOfMonth(year, m) };
  }
  return { start: ymd(year, 1, 1), end: ymd(year, 12, 31) };
}

export interface HeaderInput {
  /** Lines before the first section or task. */
  head: string[];
  /** The document's last few lines (a signature and date may close it). */
  tail: string[];
  /** The file name, a last resort for the title. */
  name: string;
  /** The rest of the document: when the header names no year, the year its deadlines name most. */
  body?: string[];
  /** Used when the document names no year at all. */
  fallbackYear: number;
}

/** The year named most often (「2023年12月底」…), the earliest on a tie; null when none is. */
function mostNamedYear(lines: string[]): number | null {
  const counts = new Map<number, number>();
  for (const l of lines) {
    for (const m of matchesOf(YEARS_IN, l)) {
      const y = parseNumber(m[1]!);
      if (y && y >= 1990 && y <= 2100) counts.set(y, (counts.get(y) ?? 0) + 1);
    }
  }
  let best: number | null = null;
  for (const [y, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best)! && y < best)) best = y;
  return best;
}

export function readHeader({ head, tail, name, body = [], fallbackYear }: HeaderInput): { header: PlanHeader; warnings: string[] } {
  const warnings: string[] = [];
  const lines = head.map((l) => cleanPageLine(l.trim())).filter(Boolean);
  const titleIdx = findTitleIndex(lines);
  let title = titleIdx >= 0 ? lines[titleIdx]! : '';
  // A title broken over two lines: 「重庆市某某局」 / 「2022年工作要点」.
  if (titleIdx > 0 && YEAR_FIRST.test(title) && isOrgLine(lines[titleIdx - 1]!)) {
    title = lines[titleIdx - 1]! + title;
  }
  // 「某市人民政府关于印发《……》的通知」: the plan's title.
  const notice = lines.map((l) => (l.length <= 120 ? l.match(/^(.*?)关于印发(.*)的(?:通知|函)$/) : null)).find((m) => m);
  if (!title && notice) title = notice[2]!;
  if (!title) title = name.replace(/\.[^.]+$/, '');
  title = unquote(title).trim();

  const signed = readSignature(lines);
  const issuer =
    signed.issuer ??
    firstOf(lines, noticeIssuer) ??
    issuerWithYear(title) ??
    firstOf(lines, issuerWithYear) ??
    lines.find(isOrgLine) ??
    firstOf(lines, meetingIssuer) ??
    publisherIssuer(pagePublishers(lines));

  let issuedOn = signed.date;
  if (!issuedOn) {
    for (const l of [...tail].reverse()) {
      issuedOn = dateLine(l.trim());
      if (issuedOn) break;
    }
  }

  let year = yearOf(title) ?? (issuedOn ? Number(issuedOn.slice(0, 4)) : null) ?? lastYearOf(lines) ?? mostNamedYear(body);
  if (!year) {
    year = fallbackYear;
    warnings.push(`文件中未找到年份，按${fallbackYear}年处理。`);
  }
  const period = periodOf(title, year);
  return { header: { title, issuer, year, issuedOn, periodStart: period.start, periodEnd: period.end }, warnings };
}

function firstOf(lines: string[], read: (l: string) => string | null): string | null {
  for (const l of lines) {
    const v = read(l);
    if (v) return v;
  }
  return null;
}

/** The year named last before the plan starts (the nearest to it), or null. */
function lastYearOf(lines: string[]): number | null {
  for (let i = lines.length - 1; i >= 0; i--) {
    const y = yearOf(lines[i]!);
    if (y) return y;
  }
  return null;
}

function findTitleIndex(lines: string[]): number {
  for (let i = lines.length - 1; i >= 0; i--) if (isTitleLine(lines[i]!) && !SOURCE_LINE.test(lines[i]!)) return i;
  return -1;
}
