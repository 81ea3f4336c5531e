/** The plan's header: title, issuer, year, issue date and period. Pure. */
import { lastDayOfMonth, ymd } from '../calendar/civil-date.js';
import { parseFullDate } from './dates.js';
import { parseNumber, toAsciiDigits } from './numerals.js';
import { isDateOnly, isTitleLine, TITLE_WORDS } from './notice.js';
import type { PlanHeader } from './types.js';

const ORG_END = /(局|委|委员会|办|办公室|政府|中心|街道办事处|街道|镇|乡|院|所|厅|部|处|科|馆|公司|集团|学校|大学|党组|支部|联合会|协会)$/;
const YEAR_IN = /([0-9０-９]{4}|[零〇○一二三四五六七八九]{4})\s*年/;

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

/** The line a date is signed on: under an issuer's name first, else any date line (a web page's stamp last). */
function signedDateIndex(lines: string[]): number {
  const dates = lines.flatMap((l, i) => (dateLine(l) ? [i] : []));
  return dates.find((i) => i > 0 && isOrgLine(lines[i - 1]!)) ?? dates[0] ?? lines.findIndex((l) => dateLine(l, true));
}

/** A line that is an office's name and nothing else (no digits, colons or sentence marks). */
function isOrgLine(l: string): boolean {
  return l.length <= 40 && ORG_END.test(l) && !/[0-9０-９：:，。；、]/.test(l) && !TITLE_WORDS.test(l);
}

/** Where a web page says who published it: 「信息来源：区科技局」「发布机构：…」. */
const SOURCE_LINE = /(?:信息来源|来源|发布机构|发文机关|发文单位|发布单位)\s*[：:]\s*([^\s：:，,。；;|｜]{2,30})/;

/** The plan's period from its title: a quarter, a half, a month, or (by default) the year. */
export function periodOf(title: string, year: number): { start: string; end: string } {
  const t = toAsciiDigits(title);
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
    for (const m of l.matchAll(new RegExp(YEAR_IN.source, 'g'))) {
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
  const lines = head.map((l) => l.trim()).filter(Boolean);
  const titleIdx = findTitleIndex(lines);
  let title = titleIdx >= 0 ? lines[titleIdx]! : '';
  // A title broken over two lines: 「重庆市某某局」 / 「2022年工作要点」.
  if (titleIdx > 0 && /^[0-9０-９零〇一二]{4}\s*年/.test(title) && ORG_END.test(lines[titleIdx - 1]!)) {
    title = lines[titleIdx - 1]! + title;
  }
  // 「某市人民政府关于印发《……》的通知」: the plan's title and, before 关于, its issuer.
  const notice = lines.map((l) => (l.length <= 120 ? l.match(/^(.*?)关于印发(.*)的(?:通知|函)$/) : null)).find((m) => m);
  if (!title && notice) title = notice[2]!.replace(/^《|》$/g, '');
  if (!title) title = name.replace(/\.[^.]+$/, '');
  title = title.replace(/^[《“"]|[》”"]$/g, '').trim();

  // The signature above the date line names the issuer in full; else the notice's or the title's prefix.
  let issuer: string | null = null;
  const dateIdx = signedDateIndex(lines);
  if (dateIdx > 0 && isOrgLine(lines[dateIdx - 1]!)) issuer = lines[dateIdx - 1]!;
  const noticeBy = notice?.[1]?.trim().replace(/\s+/g, ' ');
  if (!issuer && noticeBy && ORG_END.test(noticeBy)) issuer = noticeBy;
  const prefix = title.match(/^(.+?)(?:关于)?(?:[0-9０-９]{4}|[零〇○一二三四五六七八九]{4})\s*年/);
  if (!issuer && prefix && ORG_END.test(prefix[1]!)) issuer = prefix[1]!;
  if (!issuer) issuer = lines.find(isOrgLine) ?? null;
  if (!issuer) issuer = lines.map((l) => l.match(SOURCE_LINE)?.[1]).find((x) => x && ORG_END.test(x)) ?? null;

  let issuedOn = dateIdx >= 0 ? dateLine(lines[dateIdx]!, true) : null;
  if (!issuedOn) {
    for (const l of [...tail].reverse()) {
      issuedOn = dateLine(l.trim());
      if (issuedOn) break;
    }
  }

  let year = yearOf(title) ?? (issuedOn ? Number(issuedOn.slice(0, 4)) : null) ?? yearOf(lines.join('\n')) ?? mostNamedYear(body);
  if (!year) {
    year = fallbackYear;
    warnings.push(`文件中未找到年份，按${fallbackYear}年处理。`);
  }
  const period = periodOf(title, year);
  return { header: { title, issuer, year, issuedOn, periodStart: period.start, periodEnd: period.end }, warnings };
}

function findTitleIndex(lines: string[]): number {
  for (let i = lines.length - 1; i >= 0; i--) if (isTitleLine(lines[i]!) && !SOURCE_LINE.test(lines[i]!)) return i;
  return -1;
}
