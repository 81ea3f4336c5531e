/**
 * Time phrases in replies and the day each names, relative to today:
 * 「2022年9月30日」「9月底」「9.30前」「20号前」「三季度」「年底」「本月底」
 * 「下月中旬」「下周五」「周三前」「10个工作日内」「国庆前」「明天」. Pure.
 */
import { parseNumber } from '../plan/numerals.js';
import type { Today } from './local-day.js';
import { addDays, addMonths, addWeekdays, dayInMonth, quarterEnd, shiftMonth, ymd } from './local-day.js';
import { daysInMonth, lastDayOfMonth } from '../calendar/civil-date.js';

export interface TimePhrase {
  re: RegExp;
  at: (m: RegExpExecArray, t: Today) => string | null;
}

const CN = '[一二两三四五六七八九十]{1,3}';
const WEEKDAY: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7, 末: 7 };

function valid(y: number, m: number, d: number): string | null {
  if (!(m >= 1 && m <= 12 && d >= 1)) return null;
  return d <= daysInMonth(y, m) ? ymd(y, m, d) : null;
}

/** 「2023年」「明年」「今年」 → the year, else this year. */
function yearOf(digits: string | undefined, word: string | undefined, t: Today): number {
  if (digits) return Number(digits);
  return word === '明年' || word === '次年' ? t.y + 1 : t.y;
}

function weekdayIn(t: Today, weeks: number, day: number): string {
  const monday = addDays(t.date, 1 - t.dow);
  return addDays(monday, weeks * 7 + day - 1);
}

export const PHRASES: TimePhrase[] = [
  { re: /(\d{4}) ?[-/.年] ?(\d{1,2}) ?[-/.月] ?(\d{1,2}) ?[日号]?/, at: (m) => valid(Number(m[1]), Number(m[2]), Number(m[3])) },
  {
    re: new RegExp(`(?:(\\d{4}) ?年|(明年|今年|次年))? ?(\\d{1,2}|${CN}) ?月份? ?(?:(\\d{1,2}|${CN}) ?[日号]|(底|末|中旬|上旬|下旬|初|中))?`),
    at: (m, t) => {
      const y = yearOf(m[1], m[2], t);
      const mo = parseNumber(m[3]!);
      if (!mo || mo > 12) return null;
      if (m[4]) return valid(y, mo, parseNumber(m[4]) ?? 0);
      return dayInMonth(y, mo, m[5]);
    },
  },
  { re: /(?<![\d.])(\d{1,2}) ?[./] ?(\d{1,2})(?= ?(?:前|之前|以前|号|日))/, at: (m, t) => valid(t.y, Number(m[1]), Number(m[2])) },
  {
    re: new RegExp(`(?<![月\\d一二三四五六七八九十])(\\d{1,2}|${CN}) ?[号日](?= ?(?:前|之前|以前))`),
    at: (m, t) => {
      const d = parseNumber(m[1]!) ?? 0;
      const next = d >= t.d ? { y: t.y, m: t.m } : shiftMonth(t.y, t.m, 1);
      return valid(next.y, next.m, d);
    },
  },
  {
    re: /(?:(\d{4}) ?年|(明年|今年))? ?第?([一二三四1-4]) ?季度(?:末|底)?/,
    at: (m, t) => quarterEnd(yearOf(m[1], m[2], t), parseNumber(m[3]!) ?? 4),
  },
  { re: /(?<![A-Za-z])[Qq]([1-4])(?![\d])/, at: (m, t) => quarterEnd(t.y, Number(m[1])) },
  { re: /(?:本|这个?|当)季度(?:末|底|内)?/, at: (_m, t) => quarterEnd(t.y, Math.ceil(t.m / 3)) },
  {
    re: /下个?季度(?:末|底|内|初)?/,
    at: (_m, t) => {
      const s = shiftMonth(t.y, Math.ceil(t.m / 3) * 3, 3);
      return lastDayOfMonth(s.y, s.m);
    },
  },
  { re: /(?:(\d{4}) ?年|(明年|今年))? ?(上半年|下半年)/, at: (m, t) => ymd(yearOf(m[1], m[2], t), m[3] === '上半年' ? 6 : 12, m[3] === '上半年' ? 30 : 31) },
  {
    re: /(?:(\d{4}) ?年?|(明年|今年|本年度?))? ?(?:年底|年末|年内|年终)|(今年|本年度?|明年)(?:内|底)?/,
    at: (m, t) => ymd(yearOf(m[1], m[2] ?? m[3], t), 12, 31),
  },
  { re: /(?:本月|这个?月|当月)(底|末|内|中旬|上旬|下旬|初|中)?|月(底|末|内|中旬|上旬|下旬|初)/, at: (m, t) => dayInMonth(t.y, t.m, m[1] ?? m[2]) },
  {
    re: /(?:下个?月|次月)(底|末|内|中旬|上旬|下旬|初|中)?/,
    at: (m, t) => {
      const s = shiftMonth(t.y, t.m, 1);
      return dayInMonth(s.y, s.m, m[1]);
    },
  },
  {
    re: /(下下|下个?|本|这个?)(?:周|星期|礼拜)([一二三四五六日天1-7]|末|内)?/,
    at: (m, t) => {
      const weeks = m[1] === '下下' ? 2 : m[1]!.startsWith('下') ? 1 : 0;
      const day = m[2] && m[2] !== '内' ? (WEEKDAY[m[2]] ?? Number(m[2])) : weeks === 0 && t.dow > 5 ? 7 : 5;
      return weekdayIn(t, weeks, day);
    },
  },
  {
    re: /(?<![一二两三四五六七八九十\d本这下个])(?:周|星期|礼拜)([一二三四五六日天1-7]|末)/,
    at: (m, t) => {
      const day = WEEKDAY[m[1]!] ?? Number(m[1]);
      return weekdayIn(t, day < t.dow ? 1 : 0, day);
    },
  },
  {
    re: /(\d{1,3}|[一二两三四五六七八九十]{1,3}|半)(?: ?个)? ?(工作日|天|日|周|星期|月)(?:内|以内|之内)/,
    at: (m, t) => {
      const n = m[1] === '半' ? 0.5 : (parseNumber(m[1]!) ?? 0);
      if (n <= 0 || n > 400) return null;
      if (m[2] === '工作日') return addWeekdays(t.date, Math.round(n));
      if (m[2] === '月') return n === 0.5 ? addDays(t.date, 15) : addMonths(t, Math.round(n));
      return addDays(t.date, Math.round(n * (m[2] === '周' || m[2] === '星期' ? 7 : 1)));
    },
  },
  // The school year: the autumn term opens on 1 September.
  { re: /(?:(\d{4}) ?年|(明年|今年))? ?秋季(?:开学|学期)/, at: (m, t) => ymd(yearOf(m[1], m[2], t), 9, 1) },
  { re: /今天|今日|今晚|明天|明日|后天/, at: (m, t) => addDays(t.date, m[0].startsWith('后') ? 2 : m[0].startsWith('明') ? 1 : 0) },
  {
    re: /(国庆|十一|元旦|五一|七一)节?(?= ?(?:前|之前|以前))/,
    at: (m, t) => {
      const [mo, d] = ({ 国庆: [9, 30], 十一: [9, 30], 元旦: [12, 31], 五一: [4, 30], 七一: [6, 30] } as Record<string, [number, number]>)[m[1]!]!;
      return ymd(t.y, mo, d);
    },
  },
];
