/**
 * The period a paper (推进情况 / 工作总结) covers, from its kind and the day it is written: the ISO week
 * (周报), the month (月报), the half year (半年总结) or the year (全年总结) that holds `today`. Pure.
 */
import { addDays, isoWeek, lastDayOfMonth, monthOf, yearOf, ymd } from '../calendar/civil-date.js';
import { dateWord } from '../task-state/words.js';

export type PaperKind = 'week' | 'month' | 'half' | 'year';
export const PAPER_KINDS: readonly PaperKind[] = ['week', 'month', 'half', 'year'];

/** The Chinese words each kind is asked for by (/report 月报, and the CLI's --kind in Chinese). */
export const PAPER_KIND_WORDS: Readonly<Record<string, PaperKind>> = Object.freeze({
  周报: 'week', 月报: 'month', 半年: 'half', 半年报: 'half', 半年总结: 'half', 全年: 'year', 年报: 'year', 全年总结: 'year', 年度总结: 'year',
});

export interface PaperPeriod {
  kind: PaperKind;
  /** First and last day (inclusive), 'YYYY-MM-DD'. */
  start: string;
  end: string;
  /** How the title names it: 「第15周（4月11日至4月17日）」「4月」「上半年」「全年」. */
  label: string;
}

export function paperPeriod(kind: PaperKind, today: string): PaperPeriod {
  const year = yearOf(today);
  switch (kind) {
    case 'week': {
      const w = isoWeek(today);
      const end = addDays(w.monday, 6);
      return { kind, start: w.monday, end, label: `第${w.week}周（${dateWord(w.monday, today)}至${dateWord(end, today)}）` };
    }
    case 'month': {
      const m = monthOf(today);
      return { kind, start: ymd(year, m, 1), end: lastDayOfMonth(year, m), label: `${m}月` };
    }
    case 'half': {
      const first = monthOf(today) <= 6;
      return first
        ? { kind, start: ymd(year, 1, 1), end: ymd(year, 6, 30), label: '上半年' }
        : { kind, start: ymd(year, 7, 1), end: ymd(year, 12, 31), label: '下半年' };
    }
    case 'year':
      return { kind, start: ymd(year, 1, 1), end: ymd(year, 12, 31), label: '全年' };
  }
}

/** A summary (half, year) rather than a progress report (week, month). */
export const isSummary = (kind: PaperKind): boolean => kind === 'half' || kind === 'year';
