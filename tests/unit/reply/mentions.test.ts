/**
 * The numbers a reply states, with magnitude, unit and any 「/140」; dates, times, ordinals, weekdays,
 * durations, ranges, multiples, phone numbers, codes, years and list numbering are not numbers of work.
 */
import { describe, expect, it } from 'vitest';
import { findMentions, MAX_MENTIONS } from '../../../bot/domain/reply/mentions.js';

type M = [start: number, end: number, amount: number, unit: string | null, scaled: boolean, of: number | null];

const rows: [string, M[]][] = [
  ['118家', [[0, 4, 118, '家', false, null]]],
  ['2022家', [[0, 5, 2022, '家', false, null]]],
  ['3.5', [[0, 3, 3.5, null, false, null]]],
  ['3.2亿', [[0, 4, 320000000, null, true, null]]],
  ['8500万元', [[0, 6, 85000000, '元', true, null]]],
  ['1.2万人次', [[0, 6, 12000, '人次', true, null]]],
  ['一百二十家', [[0, 5, 120, '家', false, null]]],
  ['两千家', [[0, 3, 2000, '家', false, null]]],
  // 「十余」「30余」「千余」: the number said, never more
  ['十余个', [[0, 3, 10, '个', false, null]]],
  ['30余家', [[0, 4, 30, '家', false, null]]],
  ['千余家', [[0, 3, 1000, '家', false, null]]],
  // 千 of 千米 belongs to the unit
  ['5千米', [[0, 3, 5, '千米', false, null]]],
  // percentages, in digits or words
  ['60%', [[0, 3, 60, '%', false, null]]],
  ['百分之六十', [[0, 5, 60, '%', false, null]]],
  ['百分之六十点五', [[0, 7, 60.5, '%', false, null]]],
  ['百分之12.5', [[0, 7, 12.5, '%', false, null]]],
  // a part of a whole: the whole in the same magnitude unless its own is written
  ['118/140', [[0, 7, 118, null, false, 140]]],
  ['118/140家', [[0, 8, 118, '家', false, 140]]],
  ['2万/5万', [[0, 5, 20000, null, true, 50000]]],
  ['1.5亿/3亿元', [[0, 8, 150000000, '元', true, 300000000]]],
  // list numbering is not a number; what follows it is
  ['1、高企118家', [[4, 8, 118, '家', false, null]]],
  ['（2）科技型1650家', [[6, 11, 1650, '家', false, null]]],
  ['3,5', [[0, 1, 3, null, false, null], [2, 3, 5, null, false, null]]],
  // not numbers of work
  ['2022年9月30日', []],
  ['9.30前', []],
  ['10:30', []],
  ['第3批', []],
  ['周3', []],
  ['3月', []],
  ['3个月', []],
  ['10个工作日', []],
  ['3倍', []],
  ['3-5家', []],
  ['13812345678', []],
  // seven digits or more without a unit are a phone number or an id; six are a number
  ['1234567', []],
  ['123456', [[0, 6, 123456, null, false, null]]],
  // four digits from 1900 to 2100 without a unit are a year
  ['1900', []],
  ['2100', []],
  ['1899', [[0, 4, 1899, null, false, null]]],
  ['2101', [[0, 4, 2101, null, false, null]]],
  ['2022.5', [[0, 6, 2022.5, null, false, null]]],
  // in the order they are written, words or digits
  ['百分之六十，118家', [[0, 5, 60, '%', false, null], [6, 10, 118, '家', false, null]]],
  ['2022', []],
  ['编号1234', []],
  ['No.5', []],
  ['千家万户', []],
  ['一二三', []],
  ['零', []],
  ['三十', []],
];

it(`reads at most ${MAX_MENTIONS} numbers`, () => {
  const many = findMentions(Array.from({ length: MAX_MENTIONS + 5 }, (_, i) => `${i + 1}家`).join('，'));
  expect(many).toHaveLength(MAX_MENTIONS);
  expect(many.at(-1)?.amount).toBe(MAX_MENTIONS);
});

describe('findMentions', () => {
  it.each(rows)('%s', (text, want) => {
    expect(findMentions(text).map(({ start, end, amount, unit, scaled, of }) => [start, end, amount, unit, scaled, of])).toEqual(want);
  });
});
