/** The plan's header: title, issuer, year, issue date and period. Pure. */
import { lastDayOfMonth, ymd } from '../calendar/civil-date.js';
import { parseFullDate } from './dates.js';
import { parseNumber, toAsciiDigits } from './numerals.js';
import type { PlanHeader } from './types.js';

const TITLE_WORDS = /(工作要点|工作计划|工作安排|任务清单|任务分解|分解表|责任分解|重点任务|实施方案|行动计划|工作方案|要点|计划)/;
const ORG_END = /(局|委|委员会|办|办公室|政府|中心|街道办事处|街道|镇|乡|院|所|厅|部|处|科|馆|公司|集团|学校|大学|党组|支部|联合会|协会)$/;
const YEAR_IN = /([0-9０-９]{4}|[零〇○一二三四五六七八九]{4})\s*年/;

function yearOf(text: string): number | null {
  const m = text.match(YEAR_IN);
  const y = m ? parseNumber(m[1]!) : null;
  return y && y >= 1990 && y <= 2100 ? y : null;
}

/** A line that is just a date, e.g. 「2022年3月17日」 or 「（二〇二二年三月十七日）」. */
function dateLine(line: string): string | null {
  const bare = line.replace(/[\s（）()]/g, '');
  if (bare.length > 16) return null;
  return parseFullDate(bare);
}

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
  /** Used when the document names no year at all. */
  fallbackYear: number;
}

export function readHeader({ head, tail, name, fallbackYear }: HeaderInput): { header: PlanHeader; warnings: string[] } {
  const warnings: string[] = [];
  const lines = head.map((l) => l.trim()).filter(Boolean);
  const titleIdx = findTitleIndex(lines);
  let title = titleIdx >= 0 ? lines[titleIdx]! : '';
  // A title broken over two lines: 「重庆市某某局」 / 「2022年工作要点」.
  if (titleIdx > 0 && /^[0-9０-９零〇一二]{4}\s*年/.test(title) && ORG_END.test(lines[titleIdx - 1]!)) {
    title = lines[titleIdx - 1]! + title;
  }
  const notice = lines.find((l) => l.length <= 100 && /^关于印发.*(通知|的函)$/.test(l));
  if (!title && notice) title = notice.replace(/^关于印发《?|》?的(通知|函)$/g, '');
  if (!title) title = name.replace(/\.[^.]+$/, '');
  title = title.replace(/^[《“"]|[》”"]$/g, '').trim();

  // The signature above the date line names the issuer in full; else the title's prefix.
  let issuer: string | null = null;
  const dateIdx = lines.findIndex((l) => dateLine(l));
  if (dateIdx > 0 && lines[dateIdx - 1]!.length <= 30 && ORG_END.test(lines[dateIdx - 1]!)) issuer = lines[dateIdx - 1]!;
  const prefix = title.match(/^(.+?)(?:关于)?(?:[0-9０-９]{4}|[零〇○一二三四五六七八九]{4})\s*年/);
  if (!issuer && prefix && ORG_END.test(prefix[1]!)) issuer = prefix[1]!;
  if (!issuer) issuer = lines.find((l) => l.length <= 30 && ORG_END.test(l) && !TITLE_WORDS.test(l)) ?? null;

  let issuedOn = dateIdx >= 0 ? dateLine(lines[dateIdx]!) : null;
  if (!issuedOn) {
    for (const l of [...tail].reverse()) {
      issuedOn = dateLine(l.trim());
      if (issuedOn) break;
    }
  }

  let year = yearOf(title) ?? (issuedOn ? Number(issuedOn.slice(0, 4)) : null) ?? yearOf(lines.join('\n'));
  if (!year) {
    year = fallbackYear;
    warnings.push(`文件中未找到年份，按${fallbackYear}年处理。`);
  }
  const period = periodOf(title, year);
  return { header: { title, issuer, year, issuedOn, periodStart: period.start, periodEnd: period.end }, warnings };
}

function findTitleIndex(lines: string[]): number {
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i]!;
    if (l.length > 60 || /^关于/.test(l) || /通知$/.test(l) || /[。，；]$/.test(l)) continue;
    if (TITLE_WORDS.test(l)) return i;
  }
  return -1;
}
