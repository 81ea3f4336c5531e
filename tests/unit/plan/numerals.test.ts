/** Chinese and full-width numerals (bot/domain/plan/numerals.ts): each value stated as a reader of the plan reads it. */
import { describe, expect, it } from 'vitest';
import { parseChineseNumeral, parseNumber, toAsciiDigits } from '../../../bot/domain/plan/numerals.js';

describe('parseChineseNumeral', () => {
  it.each([
    ['零', 0], ['〇', 0], ['○', 0], ['三', 3], ['两', 2], ['俩', 2], ['玖', 9],
    ['十', 10], ['拾', 10], ['十二', 12], ['二十', 20], ['九十九', 99],
    ['一百零五', 105], ['壹佰贰拾', 120], ['一千零一', 1001], ['一千二百三十四', 1234],
    ['两万', 20_000], ['十万', 100_000], ['二十万', 200_000], ['一万二千', 12_000],
    ['三亿五千万', 350_000_000], ['一亿零五百万', 105_000_000],
    // digit by digit when there is no unit character: years
    ['二〇二二', 2022], ['二○二三', 2023], ['一二三', 123],
  ])('%s → %i', (text, value) => expect(parseChineseNumeral(text)).toBe(value));

  it.each(['', '十二a', '3万', '第一', '万元'])('%j is not a numeral', (text) => expect(parseChineseNumeral(text)).toBeNull());
});

describe('parseNumber', () => {
  it.each([
    ['118', 118], ['12.5', 12.5], ['0.35', 0.35], ['１２３', 123], ['１２．５', 12.5],
    ['1,234', 1234], ['1，234', 1234], ['12,345,678', 12_345_678], ['一百二十', 120], ['二〇二二', 2022],
  ])('%s → %d', (text, value) => expect(parseNumber(text)).toBe(value));

  it.each(['', 'abc', '1.2.3', '12a', '.5', '5.', '12,34', '3万'])('%j → null', (text) => expect(parseNumber(text)).toBeNull());
});

describe('toAsciiDigits', () => {
  it('converts full-width digits and point only', () => {
    expect(toAsciiDigits('全年０１２３４５６７８９．５万元，ａ')).toBe('全年0123456789.5万元，ａ');
  });
});
