/**
 * Date expressions in plans (bot/domain/plan/dates.ts), rule by rule: full dates and impossible ones
 * (「2月30日」 is no date), each deadline word and the day it means, relative years, the period's end
 * for open-ended words, the latest of several, deadline phrases in prose, and spans.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  daysInMonth,
  findDeadlines,
  latestDeadline,
  parseFullDate,
  periodFor,
  proseDeadline,
  proseDeadlines,
  spanStart,
} from '../../../bot/domain/plan/dates.js';

const P = { year: 2022, end: '2022-12-31', base: 2022 };
/** A plan signed in December 2021 for a period ending 30 November 2022. */
const SIGNED_EARLY = { year: 2022, end: '2022-11-30', base: 2021 };

describe('parseFullDate', () => {
  it.each([
    ['2022年3月17日', '2022-03-17'],
    ['2022 年 3 月 17 日', '2022-03-17'],
    ['二〇二二年三月十七日', '2022-03-17'],
    ['2022年十二月三十一日', '2022-12-31'],
    ['２０２２年３月１７日', '2022-03-17'],
    ['2022-03-17', '2022-03-17'],
    ['2022.3.17', '2022-03-17'],
    ['2022/3/7', '2022-03-07'],
    ['２０２２-０３-１７', '2022-03-17'],
    ['2024年2月29日', '2024-02-29'],
    ['2100年1月1日', '2100-01-01'],
    ['1990年1月1日', '1990-01-01'],
  ])('%s → %s', (text, date) => expect(parseFullDate(text)).toBe(date));

  it.each([
    ['2022年2月30日', 'no 30 February'],
    ['2022-02-30', 'no 30 February'],
    ['2023年2月29日', 'not a leap year'],
    ['2023-02-29', 'not a leap year'],
    ['2022年12月32日', 'no 32nd'],
    ['2022年13月1日', 'no 13th month'],
    ['2022-13-01', 'no 13th month'],
    ['2022-00-10', 'no month 0'],
    ['2022-01-00', 'no day 0'],
    ['1989年1月1日', 'a year before 1990 is not a plan’s'],
    ['2101年1月1日', 'a year after 2100 is not a plan’s'],
    ['文号2022年', 'a year alone'],
  ])('%s → null (%s)', (text) => expect(parseFullDate(text)).toBeNull());
});

describe('daysInMonth and periodFor', () => {
  it.each([
    [2024, 2, 29], [2023, 2, 28], [2000, 2, 29], [1900, 2, 28], [2022, 4, 30], [2022, 12, 31],
  ])('%i-%i has %i days', (y, m, n) => expect(daysInMonth(y, m)).toBe(n));

  it('「今年」 is the year the plan was signed in, else its own year', () => {
    expect(periodFor({ year: 2022, periodEnd: '2022-12-31', issuedOn: '2021-12-20' })).toEqual({ year: 2022, end: '2022-12-31', base: 2021 });
    expect(periodFor({ year: 2022, periodEnd: '2022-12-31', issuedOn: null })).toEqual({ year: 2022, end: '2022-12-31', base: 2022 });
  });
});

describe('findDeadlines: each word and the day it means (plan of 2022)', () => {
  it.each([
    // days
    ['2024年6月30日', ['2024-06-30']],
    ['6月30日', ['2022-06-30']],
    ['6月30号', ['2022-06-30']],
    ['6月15日', ['2022-06-15']],
    ['明年3月15日', ['2023-03-15']],
    ['二〇二三年五月十日', ['2023-05-10']],
    ['2022年2月30日', ['2022-02-28']],
    ['11月30日前', ['2022-11-30']],
    ['明年3月31日', ['2023-03-31']],
    ['2024-06-30', ['2024-06-30']],
    ['2024/6/3', ['2024-06-03']],
    ['2024.06.30', ['2024-06-30']],
    ['２０２４-０６-３０', ['2024-06-30']],
    // an impossible day is dropped; the month it names stands, as 「2月」 alone would
    ['2022年2月30日前', ['2022-02-28']],
    // months
    ['6月', ['2022-06-30']],
    ['1月', ['2022-01-31']],
    ['1月上旬', ['2022-01-10']],
    ['6月底', ['2022-06-30']],
    ['6月份', ['2022-06-30']],
    ['6月下旬', ['2022-06-30']],
    ['6月中旬', ['2022-06-20']],
    ['6月中', ['2022-06-20']],
    ['6月上旬', ['2022-06-10']],
    ['2月末', ['2022-02-28']],
    ['2024年2月底', ['2024-02-29']],
    ['十二月', ['2022-12-31']],
    ['二〇二三年五月', ['2023-05-31']],
    ['2023年 6 月', ['2023-06-30']],
    ['13月', []],
    ['0月', []],
    // quarters
    ['第1季度', ['2022-03-31']],
    ['2023年二季度', ['2023-06-30']],
    ['第三季度', ['2022-09-30']],
    ['三季度末', ['2022-09-30']],
    ['第四季度', ['2022-12-31']],
    ['第五季度', []],
    // years
    ['明年底', ['2023-12-31']],
    ['明 年底', ['2023-12-31']],
    ['次年末', ['2023-12-31']],
    ['今年内', ['2022-12-31']],
    ['本年底', ['2022-12-31']],
    ['上半年', ['2022-06-30']],
    ['2023年上半年', ['2023-06-30']],
    ['2023年下半年', ['2023-12-31']],
    ['2024年', ['2024-12-31']],
    ['2024年度', []],
    // several, in order of appearance, no character read twice
    ['2022年6月底前完成一期，12月31日前全部完成', ['2022-06-30', '2022-12-31']],
    ['6月30日、9月30日', ['2022-06-30', '2022-09-30']],
    ['9月底前定稿，6月底前完成初稿', ['2022-09-30', '2022-06-30']],
  ])('%s → %j', (text, dates) => expect(findDeadlines(text, P)).toEqual(dates));

  it.each(['下半年', '年底前', '年末', '年内', '全年', '全年度', '年度内', '长期', '持续推进', '每月', '按季', '常态化'])(
    'open-ended %s → the period’s end',
    (text) => {
      expect(findDeadlines(text, P)).toEqual(['2022-12-31']);
      expect(findDeadlines(text, SIGNED_EARLY)).toEqual(['2022-11-30']);
    },
  );

  it('relative years count from the year the plan was signed in', () => {
    expect(findDeadlines('明年底', SIGNED_EARLY)).toEqual(['2022-12-31']);
    expect(findDeadlines('今年内', SIGNED_EARLY)).toEqual(['2021-12-31']);
    expect(findDeadlines('本年底', SIGNED_EARLY)).toEqual(['2021-12-31']);
    expect(findDeadlines('次年末', SIGNED_EARLY)).toEqual(['2022-12-31']);
    // Without a signing year, from the plan's own year.
    expect(findDeadlines('明年底', { year: 2023, end: '2023-12-31' })).toEqual(['2024-12-31']);
    expect(findDeadlines('今年3月', { year: 2023, end: '2023-12-31' })).toEqual(['2023-03-31']);
    // A month or half-year without a year is the plan's year, not the signing year.
    expect(findDeadlines('6月', SIGNED_EARLY)).toEqual(['2022-06-30']);
    expect(findDeadlines('上半年', SIGNED_EARLY)).toEqual(['2022-06-30']);
  });
});

describe('latestDeadline', () => {
  it.each([
    ['6月底前完成初稿，9月底前定稿', '2022-09-30'],
    ['9月底前定稿，6月底前完成初稿', '2022-09-30'],
    ['2022年6月30日', '2022-06-30'],
    ['', null],
    ['无', null],
  ])('%s → %s', (text, date) => expect(latestDeadline(text, P)).toBe(date));
});

describe('deadline phrases in prose', () => {
  it.each([
    ['10月底前完成', [{ date: '2022-10-31', text: '10月底前', at: 0, end: 5 }]],
    ['力争6月30日前建成投用，并于年底前通过验收', [
      { date: '2022-06-30', text: '6月30日前', at: 2, end: 8 },
      { date: '2022-12-31', text: '年底前', at: 15, end: 18 },
    ]],
    ['2023年5月竣工，12月交付', [
      { date: '2023-05-31', text: '2023年5月竣工', at: 0, end: 9 },
      { date: '2022-12-31', text: '12月交付', at: 10, end: 15 },
    ]],
    ['第三季度末前', [{ date: '2022-09-30', text: '第三季度末前', at: 0, end: 6 }]],
    ['上半年完成', [{ date: '2022-06-30', text: '上半年完成', at: 0, end: 5 }]],
    ['年末前', [{ date: '2022-12-31', text: '年末前', at: 0, end: 3 }]],
    ['6月中旬前', [{ date: '2022-06-20', text: '6月中旬前', at: 0, end: 5 }]],
    ['3月开工建设', []],
    ['13月前完成', []],
    ['6月', []],
  ])('%s', (text, phrases) => expect(proseDeadlines(text, P)).toEqual(phrases));

  it('proseDeadline is the latest phrase, wherever it stands', () => {
    expect(proseDeadline('力争6月30日前建成投用，并于年底前通过验收', P)).toEqual({ date: '2022-12-31', text: '年底前' });
    expect(proseDeadline('2023年5月竣工，12月交付', P)).toEqual({ date: '2023-05-31', text: '2023年5月竣工' });
    expect(proseDeadline('3月开工建设', P)).toBeNull();
    // Of phrases with the same date, the first.
    expect(proseDeadline('6月底前完成初稿，6月30日前定稿', P)).toEqual({ date: '2022-06-30', text: '6月底前' });
  });
});

describe('spanStart', () => {
  it.each([
    ['2022年4月—6月', '2022-04-01'],
    ['4月至6月底', '2022-04-01'],
    ['4月~6月', '2022-04-01'],
    ['4月——6月', '2022-04-01'],
    ['十月至十二月', '2022-10-01'],
    ['3月15日-5月31日', '2022-03-15'],
    ['4月30日至5月', '2022-04-30'],
    ['2023年3月到5月', '2023-03-01'],
    ['2022年4月15日—2022年6月', '2022-04-15'],
    ['6月底前', null],
    ['2月30日至3月', null],
    ['13月至14月', null],
    ['1月至3月', '2022-01-01'],
  ])('%s → %s', (text, date) => expect(spanStart(text, P)).toBe(date));
});

describe('property: every date read is a real calendar day', () => {
  const isRealDay = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;
  const token = fc.constantFrom(
    '2022年', '2024年', '明年', '今年', '二〇二三年', '2023-', '2024/', '2022.',
    '1', '2', '6', '9', '12', '13', '29', '30', '31', '0', '二', '十二', '三十',
    '月', '日', '号', '底', '末', '份', '上旬', '中旬', '下旬', '前', '完成', '竣工', '第', '季度', '上半年', '下半年', '年底', '全年', '长期', '至', '—', '，', ' ',
  );
  it('findDeadlines, latestDeadline, proseDeadlines, spanStart and parseFullDate give only real days', () => {
    fc.assert(
      fc.property(fc.array(token, { maxLength: 12 }).map((ts) => ts.join('')), (text) => {
        const all = [
          ...findDeadlines(text, P),
          ...findDeadlines(text, SIGNED_EARLY),
          ...proseDeadlines(text, P).map((p) => p.date),
          latestDeadline(text, P),
          spanStart(text, P),
          parseFullDate(text),
        ].filter((d): d is string => d !== null);
        for (const d of all) expect(isRealDay(d), `${text} → ${d}`).toBe(true);
        const latest = latestDeadline(text, P);
        for (const d of findDeadlines(text, P)) expect(d <= latest!).toBe(true);
      }),
      { numRuns: 400, seed: 24 },
    );
  });
});
