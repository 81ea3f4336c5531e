/**
 * Time phrases read as one day (now: Monday 2022-08-15, 10:00 in Shanghai), as 「延期到……」 and the
 * leave command take them: full dates, months and their parts (上旬 10, 中 15, 中旬 20, 下旬/底 the
 * last day), quarters, half years, the year's end, weeks and weekdays, spans from today, the autumn
 * term, festivals before which work is due; invalid days are none. Ranges keep both ends.
 * Every phrase of time-phrases.ts is read here, through readDay.
 */
import { describe, expect, it } from 'vitest';
import { readDay, readDayRange } from '../../../bot/domain/reply/read-day.js';
import { NOW } from './fixtures.js';

const [MON, THU, FRI, SAT] = ['2022-08-15', '2022-08-18', '2022-08-19', '2022-08-20'];

const days: [string, string | null][] = [
  // full dates, checked against the calendar
  ['2022年9月30日', '2022-09-30'],
  ['2022-09-30', '2022-09-30'],
  ['2022/9/30', '2022-09-30'],
  ['2022.9.30号', '2022-09-30'],
  ['2024-02-29', '2024-02-29'],
  ['2022-02-30', null],
  ['2023-02-29', null],
  ['2022-13-01', null],
  ['2022-00-10', null],
  ['2022－09－30', '2022-09-30'],
  ['2022—09—30', '2022-09-30'],
  // months and their parts, this year unless 明年 or a year is said
  ['9月', '2022-09-30'],
  ['9月份', '2022-09-30'],
  ['9月底', '2022-09-30'],
  ['十月底', '2022-10-31'],
  ['9月上旬', '2022-09-10'],
  ['9月初', '2022-09-10'],
  ['9月中', '2022-09-15'],
  ['9月中旬', '2022-09-20'],
  ['9月下旬', '2022-09-30'],
  ['9月30号', '2022-09-30'],
  ['九月三十日', '2022-09-30'],
  ['9月30日前', '2022-09-30'],
  ['明年3月', '2023-03-31'],
  ['2023年3月底', '2023-03-31'],
  ['13月', null],
  ['2月29日', null],
  ['2月30日', null],
  // quarters and half years
  ['三季度', '2022-09-30'],
  ['第三季度末', '2022-09-30'],
  ['2023年一季度', '2023-03-31'],
  ['Q4', '2022-12-31'],
  ['q2', '2022-06-30'],
  ['本季度', '2022-09-30'],
  ['下季度', '2022-12-31'],
  ['下个季度末', '2022-12-31'],
  ['上半年', '2022-06-30'],
  ['下半年', '2022-12-31'],
  ['明年上半年', '2023-06-30'],
  // the year's end
  ['年底', '2022-12-31'],
  ['年内', '2022-12-31'],
  ['今年', '2022-12-31'],
  ['明年', '2023-12-31'],
  ['2023年底', '2023-12-31'],
  ['2023年年底', '2023-12-31'],
  ['明年年底', '2023-12-31'],
  // this month and the next
  ['本月', '2022-08-31'],
  ['本月底', '2022-08-31'],
  ['月底', '2022-08-31'],
  ['这个月中旬', '2022-08-20'],
  ['下月', '2022-09-30'],
  ['下个月中旬', '2022-09-20'],
  ['次月初', '2022-09-10'],
  // weeks: a week without a day is its Friday; a weekday alone is the next one from today on
  ['本周', '2022-08-19'],
  ['下周', '2022-08-26'],
  ['下周五', '2022-08-26'],
  ['这周日', '2022-08-21'],
  ['下下周一', '2022-08-29'],
  ['周一', '2022-08-15'],
  ['周三', '2022-08-17'],
  ['星期三', '2022-08-17'],
  ['礼拜五', '2022-08-19'],
  ['周日', '2022-08-21'],
  ['  下周五前 ', '2022-08-26'],
  // spans from today
  ['10个工作日内', '2022-08-29'],
  ['3天内', '2022-08-18'],
  ['两周内', '2022-08-29'],
  ['半个月内', '2022-08-30'],
  ['一个月内', '2022-09-15'],
  ['3个月内', '2022-11-15'],
  ['0天内', null],
  ['500天内', null],
  ['今天', '2022-08-15'],
  ['明天', '2022-08-16'],
  ['后天', '2022-08-17'],
  // the autumn term opens on 1 September
  ['2022年秋季开学', '2022-09-01'],
  ['明年秋季学期', '2023-09-01'],
  // phrases that name a day only before 前: festivals, a day of the month, 9.30
  ['国庆前', '2022-09-30'],
  ['十一前', '2022-09-30'],
  ['元旦前', '2022-12-31'],
  ['五一前', '2022-04-30'],
  ['七一之前', '2022-06-30'],
  ['20号前', '2022-08-20'],
  ['10号前', '2022-09-10'],
  ['9.30前', '2022-09-30'],
  ['15号', null],
  ['9/30', null],
  ['31号前', '2022-08-31'],
  // nothing
  ['前', null],
  ['foo', null],
  ['', null],
];

describe('readDay', () => {
  it.each(days)('%j → %s', (text, day) => {
    expect(readDay(text, NOW)).toBe(day);
  });

  // Boundaries, and days read on other weekdays (Thursday 18, Friday 19, Saturday 20 August): 「X号前」 on the X-th
  // stays this month, 本周 is Friday on a working day and Sunday at the weekend, 「周三」 the coming one.
  it.each([
    ['2022年1月5日', MON, '2022-01-05'],
    ['2022年12月1日', MON, '2022-12-01'],
    ['2022年9月1日', MON, '2022-09-01'],
    ['2022年13月1日', MON, null],
    ['2022年9月0日', MON, null],
    ['2022年9月31日', MON, null],
    ['明年3月底', MON, '2023-03-31'],
    ['次年3月底', MON, '2023-03-31'],
    ['今年3月初', MON, '2022-03-10'],
    ['15号前', MON, '2022-08-15'],
    ['下个周五', MON, '2022-08-26'],
    ['下下周三', MON, '2022-08-31'],
    ['这周内', MON, '2022-08-19'],
    ['本周', FRI, '2022-08-19'],
    ['本周', SAT, '2022-08-21'],
    ['下周', SAT, '2022-08-26'],
    ['周三', THU, '2022-08-24'],
    ['2周内', MON, '2022-08-29'],
    ['2个星期内', MON, '2022-08-29'],
    ['400天内', MON, '2023-09-19'],
    ['401天内', MON, null],
  ] as const)('%s, read on %s → %s', (text, now, day) => {
    expect(readDay(text, new Date(`${now}T10:00:00+08:00`))).toBe(day);
  });

  it('no day without a valid moment to read from', () => {
    expect(readDay('下周五', new Date(Number.NaN))).toBeNull();
    expect(readDayRange('8月10日至8月20日', new Date(Number.NaN))).toBeNull();
  });
});

describe('readDayRange', () => {
  it.each([
    ['8月10日—8月20日', { from: '2022-08-10', to: '2022-08-20' }],
    ['8月10日至8月20日', { from: '2022-08-10', to: '2022-08-20' }],
    ['8月10日到8月20日', { from: '2022-08-10', to: '2022-08-20' }],
    ['8月10日-8月20日', { from: '2022-08-10', to: '2022-08-20' }],
    ['2022-08-10~2022-08-20', { from: '2022-08-10', to: '2022-08-20' }],
    ['下周一至下周五', { from: '2022-08-22', to: '2022-08-26' }],
    ['8月10日', { from: '2022-08-10', to: '2022-08-10' }],
    ['8月10日至', null],
    ['8月10日至foo', null],
    [' 8月10日 至 8月20日 ', { from: '2022-08-10', to: '2022-08-20' }],
    ['2022-08-10～2022-08-20', { from: '2022-08-10', to: '2022-08-20' }],
    ['foo-bar', null],
  ])('%s', (text, range) => {
    expect(readDayRange(text, NOW)).toEqual(range);
  });
});
