/**
 * Numbers a reply states, with magnitude and unit: 「118家」「3.2亿」「8500万元」
 * 「一百二十家」「十余个」「118/140」「60%」「百分之六十」. Dates, years, weekdays,
 * ordinals, durations, ranges, phone numbers and codes are left out. Pure.
 */
import { CN_NUMERAL_CHARS, parseChineseNumeral } from '../plan/numerals.js';
import { BASE_UNITS, MAGNITUDES } from './units.js';

export interface Mention {
  start: number;
  end: number;
  /** The number times any magnitude written with it (「3.2亿」 → 320000000). */
  amount: number;
  /** Base unit written after it (元, 家, %, 人次…), or null. */
  unit: string | null;
  /** True when 万/亿/千 was written, so 「2600万」 can still be money. */
  scaled: boolean;
  /** The denominator of 「118/140」, or null. */
  of: number | null;
}

const CN = CN_NUMERAL_CHARS;
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\%]/g, '\\$&');
const UNIT_ALT = BASE_UNITS.map(esc).join('|');
// 「5千米」「300千瓦时」: 千 there belongs to the unit.
const MAG_ALT = MAGNITUDES.map(([m]) => (m === '千' ? '千(?!米|瓦)' : m)).join('|');
const NUMBER_RE = new RegExp(`(\\d+(?:\\.\\d+)?|[${CN}]+)(余|多|来|几)?(${MAG_ALT})?(余|多)? ?(${UNIT_ALT})?`, 'g');
const FRACTION_RE = new RegExp(`^ ?/ ?(\\d+(?:\\.\\d+)?)(${MAG_ALT})? ?(${UNIT_ALT})?`);
const PERCENT_CN_RE = /百分之([零〇一二两三四五六七八九十百]+(?:点[零〇一二三四五六七八九]+)?|\d+(?:\.\d+)?)/g;
const DATE_RE = /\d{4} ?[-/.年] ?\d{1,2} ?[-/.月] ?\d{1,2} ?[日号]?|\d{1,2} ?[./] ?\d{1,2}(?= ?(?:前|之前|以前|号|日))|\d{1,2}:\d{2}/g;

/** What right after a number (before any unit) makes it a date, time, duration, range or code. */
const NOT_AFTER = /^ ?(?:年|月|日|号|时|点(?!\d)|分钟|分(?!之)|秒|周|天|小时|季度|届|岁|楼|层|倍|[-~至到] ?\d|:\d|\.\d|[A-Za-z])/;
/** What right before a number makes it an ordinal, weekday, code, phone or range end. */
const NOT_BEFORE = /(?:第|周|星期|礼拜|No\.?|#|编号|电话|手机|微信|QQ|工号|文号|号码|序号|版本|邮编|尾号|[A-Za-z]|\d ?[-~至到]|[\d.])\s*$/i;
/** 「3个月」「10个工作日」: 个 counting time. */
/** 「1、」「2.」「（3）」 at the start of a line: list numbering. */
const LIST_MARK_AFTER = /^(?:[、）)]|\.(?!\d))/;
const LIST_MARK_BEFORE = /(?:^|[\n。；;：:（(])\s*$/;
const TIME_AFTER_GE = /^(?:多|半)?(?:月|工作日|小时|星期|季度|周|钟头)/;

const MAG_VALUE = new Map(MAGNITUDES);

function chineseDecimal(text: string): number | null {
  const [int, frac] = text.split('点');
  const whole = parseChineseNumeral(int ?? '');
  if (whole === null) return null;
  if (!frac) return whole;
  const digits = [...frac].map((c) => parseChineseNumeral(c));
  return digits.some((d) => d === null) ? null : Number(`${whole}.${digits.join('')}`);
}

/** Replies are short; past this many numbers the rest is not read (keeps the reader linear). */
export const MAX_MENTIONS = 400;

export function findMentions(text: string): Mention[] {
  const out: Mention[] = [];
  const masked = new Uint8Array(text.length + 1);
  const mask = (a: number, b: number) => masked.fill(1, a, b);
  const isMasked = (a: number, b: number) => masked.subarray(a, b).includes(1);
  for (const m of text.matchAll(DATE_RE)) mask(m.index, m.index + m[0].length);
  for (const m of text.matchAll(PERCENT_CN_RE)) {
    const n = /\d/.test(m[1]!) ? Number(m[1]) : chineseDecimal(m[1]!);
    mask(m.index, m.index + m[0].length);
    if (n !== null && out.length < MAX_MENTIONS) out.push({ start: m.index, end: m.index + m[0].length, amount: n, unit: '%', scaled: false, of: null });
  }
  const re = new RegExp(NUMBER_RE.source, 'g');
  for (let m = re.exec(text); m && out.length < MAX_MENTIONS; m = re.exec(text)) {
    const [whole, raw, approx = '', mag, , unit] = m as unknown as [string, string, string?, string?, string?, string?];
    const start = m.index;
    let end = start + whole.length;
    if (isMasked(start, end)) continue;
    const chinese = !/\d/.test(raw);
    const afterNumber = text.slice(start + raw.length + approx.length, start + raw.length + approx.length + 4);
    if (NOT_BEFORE.test(text.slice(Math.max(0, start - 4), start)) || NOT_AFTER.test(afterNumber)) continue;
    if (unit === '个' && TIME_AFTER_GE.test(text.slice(end, end + 3))) continue;
    if (!unit && LIST_MARK_AFTER.test(afterNumber) && LIST_MARK_BEFORE.test(text.slice(Math.max(0, start - 3), start))) continue;
    if (chinese && (/^[零〇一二两三四五六七八九]{2,}$/.test(raw) || raw === '零')) continue;
    if (chinese && !unit && !/[万亿]/.test(raw)) continue;
    // A magnitude alone (「亿元」「千家万户」) is no number; 「千余家」 is.
    if (chinese && /^[百佰千仟万亿]+$/.test(raw) && !approx) continue;
    const base = chinese ? parseChineseNumeral(raw) : Number(raw);
    if (base === null || !Number.isFinite(base)) continue;
    const magnitude = mag ? (MAG_VALUE.get(mag) ?? 1) : 1;
    let amount = base * magnitude;
    const scaled = Boolean(mag) || (chinese && /[万亿]/.test(raw));
    let mentionUnit: string | null = unit ? (unit === '％' ? '%' : unit) : null;
    let of: number | null = null;
    const frac = FRACTION_RE.exec(text.slice(end));
    if (frac && !chinese && mentionUnit !== '%') {
      const denMag = frac[2] ? (MAG_VALUE.get(frac[2]) ?? 1) : magnitude;
      if (!mag && frac[2]) amount = base * denMag;
      of = Number(frac[1]) * denMag;
      mentionUnit ??= frac[3] ?? null;
      end += frac[0].length;
      re.lastIndex = end;
    }
    if (!mentionUnit && !scaled && !chinese) {
      const digits = raw.split('.')[0]!;
      if (digits.length >= 7) continue; // phone numbers, ids
      if (digits.length === 4 && base >= 1900 && base <= 2100 && !raw.includes('.')) continue; // years
    }
    out.push({ start, end, amount, unit: mentionUnit, scaled, of });
  }
  return out.sort((a, b) => a.start - b.start).slice(0, MAX_MENTIONS);
}
