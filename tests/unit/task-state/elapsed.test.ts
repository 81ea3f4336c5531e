/** 序时进度: the share of a span's working days gone by, on the Chinese calendar (调休 included). */
import { describe, expect, it } from 'vitest';
import { chineseWorkCalendar } from '../../../bot/domain/calendar/chinese-calendar.js';
import { elapsedShare } from '../../../bot/domain/task-state/elapsed.js';

const cal = chineseWorkCalendar();

describe('elapsedShare', () => {
  // 2022-04-11 (Mon) to 2022-04-15 (Fri): five working days.
  it.each([
    ['before the span', '2022-04-08', 0],
    ['its first day, at its end', '2022-04-11', 1 / 5],
    ['its third day', '2022-04-13', 3 / 5],
    ['its last day', '2022-04-15', 1],
    ['after the span', '2022-04-20', 1],
  ])('%s', (_what, today, share) => expect(elapsedShare(cal, '2022-04-11', '2022-04-15', today)).toBeCloseTo(share, 12));

  it('counts working days: the 调休 Saturday 2 April counts, the 清明 days 3–5 April do not', () => {
    // 1–8 April 2022: working days 1 (Fri), 2 (Sat, 调休), 6, 7, 8: five.
    expect(elapsedShare(cal, '2022-04-01', '2022-04-08', '2022-04-02')).toBeCloseTo(2 / 5, 12);
    expect(elapsedShare(cal, '2022-04-01', '2022-04-08', '2022-04-05')).toBeCloseTo(2 / 5, 12);
    expect(elapsedShare(cal, '2022-04-01', '2022-04-08', '2022-04-06')).toBeCloseTo(3 / 5, 12);
  });

  it('a span without a working day (the National Day week) or ending before it starts is all gone by', () => {
    expect(elapsedShare(cal, '2022-10-01', '2022-10-07', '2022-09-20')).toBe(1);
    expect(elapsedShare(cal, '2022-10-01', '2022-10-07', '2022-10-03')).toBe(1);
    expect(elapsedShare(cal, '2022-05-10', '2022-05-01', '2022-04-20')).toBe(1);
  });
});
