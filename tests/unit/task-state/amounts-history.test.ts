/**
 * How values are shown in their unit (amounts.ts) and which reported values the engine reads
 * (target-history.ts): stated case by case.
 */
import { describe, expect, it } from 'vitest';
import { amountWord, figureWord, roundForUnit, sharePercent, shareWord, unitDigits } from '../../../bot/domain/task-state/amounts.js';
import { byReportTime, engineHistory, firstValueSince, readsFirstValue } from '../../../bot/domain/task-state/target-history.js';
import type { ReportedValue } from '../../../bot/domain/task-state/target-history.js';

describe('precision by unit', () => {
  it.each([
    ['家', 0], ['人次', 0], ['元', 0], ['万元', 2], ['亿元', 2], ['千元', 2], ['万人', 2], ['万户', 2],
    ['%', 1], ['个百分点', 1], ['亩', 1], ['吨', 1], ['平方米', 1], ['美元', 1],
  ])('%s: %i decimals', (unit, digits) => expect(unitDigits(unit)).toBe(digits));

  it.each([
    [25.06, '家', 25, '25家'], [24.5, '家', 25, '25家'], [3.14159, '亿元', 3.14, '3.14亿元'], [12.46, '%', 12.5, '12.5%'],
    [1.256, '万人', 1.26, '1.26万人'], [1999.6, '元', 2000, '2000元'], [7, '亩', 7, '7亩'],
  ])('%d %s → %d, 「%s」', (value, unit, rounded, word) => {
    expect(roundForUnit(value, unit)).toBe(rounded);
    expect(amountWord(value, unit)).toBe(word);
    expect(figureWord(value, unit)).toBe(word.slice(0, word.length - unit.length));
  });

  it('shares: a whole percentage in words, one decimal in JSON', () => {
    expect(shareWord(0.2811)).toBe('28%');
    expect(shareWord(0.286)).toBe('29%');
    expect(shareWord(1)).toBe('100%');
    expect(sharePercent(0.28114)).toBe(28.1);
    expect(sharePercent(0.28159)).toBe(28.2);
    expect(sharePercent(0)).toBe(0);
    expect(sharePercent(null)).toBeNull();
  });
});

describe('which values the engine reads', () => {
  it.each([
    [{ kind: 'level', comparator: 'at_least', baseline: null }, true],
    [{ kind: 'level', comparator: 'at_least', baseline: 118 }, false],
    [{ kind: 'level', comparator: 'at_most', baseline: null }, false],
    [{ kind: 'cumulative', comparator: 'at_least', baseline: null }, false],
    [{ kind: 'money', comparator: 'at_least', baseline: null }, false],
    [{ kind: 'percent', comparator: 'at_least', baseline: null }, false],
  ] as const)('%j reads its first value: %s', (t, reads) => expect(readsFirstValue(t)).toBe(reads));

  it('a task’s time starts at 00:00 Beijing time of its start date', () => {
    expect(firstValueSince('2022-04-01').toISOString()).toBe('2022-03-31T16:00:00.000Z');
  });

  const v = (value: number, iso: string, reportId: number, valueId: number): ReportedValue => ({ value, at: new Date(iso), reportId, valueId });

  it('values are ordered by time, then report, then value', () => {
    const a = v(1, '2022-04-01T02:00:00Z', 5, 9);
    const b = v(2, '2022-04-01T02:00:00Z', 6, 1);
    const c = v(3, '2022-04-01T02:00:00Z', 6, 2);
    const d = v(4, '2022-03-01T02:00:00Z', 7, 0);
    expect([c, b, a, d].sort(byReportTime).map((x) => x.value)).toEqual([4, 1, 2, 3]);
  });

  it('engineHistory: the first before the latest, once each, nothing when none', () => {
    const first = v(118, '2022-03-21T02:00:00Z', 1, 10);
    const latest = v(125, '2022-05-09T02:00:00Z', 8, 80);
    expect(engineHistory(latest, first)).toEqual([{ value: 118, at: first.at }, { value: 125, at: latest.at }]);
    expect(engineHistory(first, first)).toEqual([{ value: 118, at: first.at }]);
    expect(engineHistory(latest, null)).toEqual([{ value: 125, at: latest.at }]);
    expect(engineHistory(null, null)).toEqual([]);
  });
});
