/** The CLI's `--at` (digest, status, report): Shanghai dates and times, and a clear refusal of what is not one. */
import { describe, expect, it } from 'vitest';
import { parseAt } from '../../../bot/cli/digest.js';
import { UsageError } from '../../../bot/cli/usage-error.js';

const FALLBACK = new Date('2022-04-11T02:00:00Z');

describe('parseAt', () => {
  it('reads a date as 16:00 Shanghai, a date and time as given, and nothing as the fallback', () => {
    expect(parseAt('2022-04-15', FALLBACK).toISOString()).toBe('2022-04-15T08:00:00.000Z');
    expect(parseAt('2022-04-15T09:30', FALLBACK).toISOString()).toBe('2022-04-15T01:30:00.000Z');
    expect(parseAt('2024-02-29 23:59', FALLBACK).toISOString()).toBe('2024-02-29T15:59:00.000Z');
    expect(parseAt(undefined, FALLBACK)).toBe(FALLBACK);
  });

  it.each(['2022-02-30', '2022-02-29', '2023-04-31T10:00', '2022-13-01', '2022-04-15T24:30', '2022-04-15T23:61', '4月15日', '2022-4-15'])(
    'refuses 「%s」 with the formats it takes, instead of rolling it over',
    (at) => {
      expect(() => parseAt(at, FALLBACK)).toThrow(UsageError);
      expect(() => parseAt(at, FALLBACK)).toThrow(`无法识别时间「${at}」，请写成 2022-04-15 或 2022-04-15T16:00。`);
    },
  );
});
