/**
 * Each time phrase of a reply read as a whole, against the day it is read on: dates checked for real days,
 * 「X号前」 this month unless the day has passed, weeks from this week's Monday (本周 is its Friday on a
 * working day, its Sunday at the weekend), 「周三」 the coming one, spans in days, weeks and working days up
 * to 400, 明年 and 次年 a year on.
 */
import { describe, expect, it } from 'vitest';
import { PHRASES } from '../../../bot/domain/reply/time-phrases.js';
import type { Today } from '../../../bot/domain/reply/local-day.js';

/** Monday 15 August 2022, Thursday 18, Friday 19, Saturday 20. */
const MON: Today = { date: '2022-08-15', y: 2022, m: 8, d: 15, dow: 1 };
const THU: Today = { date: '2022-08-18', y: 2022, m: 8, d: 18, dow: 4 };
const FRI: Today = { date: '2022-08-19', y: 2022, m: 8, d: 19, dow: 5 };
const SAT: Today = { date: '2022-08-20', y: 2022, m: 8, d: 20, dow: 6 };

/** The day named by the phrase that reads the whole text, but for a 前 its pattern only looks at ('none': no phrase does). */
function dayOf(text: string, today: Today): string | null | 'none' {
  for (const p of PHRASES) {
    const m = new RegExp(p.re.source, p.re.flags).exec(text);
    if (m && m.index === 0 && /^(?:前|之前|以前)?$/.test(text.slice(m[0].length))) return p.at(m, today);
  }
  return 'none';
}

describe('time phrases', () => {
  it.each([
    ['2022年9月30日', MON, '2022-09-30'],
    ['2022年1月5日', MON, '2022-01-05'],
    ['2022年12月1日', MON, '2022-12-01'],
    ['2022年9月1日', MON, '2022-09-01'],
    ['2022年13月1日', MON, null],
    ['2022年9月0日', MON, null],
    ['2022年9月31日', MON, null],
    ['明年3月底', MON, '2023-03-31'],
    ['次年3月底', MON, '2023-03-31'],
    ['今年3月初', MON, '2022-03-10'],
    ['20号前', MON, '2022-08-20'],
    ['15号前', MON, '2022-08-15'],
    ['10号前', MON, '2022-09-10'],
    ['下周五', MON, '2022-08-26'],
    ['下个周五', MON, '2022-08-26'],
    ['下下周三', MON, '2022-08-31'],
    ['本周', MON, '2022-08-19'],
    ['这周内', MON, '2022-08-19'],
    ['本周', FRI, '2022-08-19'],
    ['本周', SAT, '2022-08-21'],
    ['下周', SAT, '2022-08-26'],
    ['周三', MON, '2022-08-17'],
    ['周三', THU, '2022-08-24'],
    ['3天内', MON, '2022-08-18'],
    ['2周内', MON, '2022-08-29'],
    ['2个星期内', MON, '2022-08-29'],
    ['10个工作日内', MON, '2022-08-29'],
    ['半个月内', MON, '2022-08-30'],
    ['400天内', MON, '2023-09-19'],
    ['401天内', MON, null],
  ] as const)('%s, read on %j → %s', (text, today, day) => expect(dayOf(text, today)).toBe(day));
});
