/** Doubts as a report keeps them (options by target id, the pick) and what settling one does to the report. */
import { describe, expect, it } from 'vitest';
import { inUnit, keepDoubts, settle, type Held, type KeptDoubt } from '../../../bot/domain/reply/kept-doubts.js';
import type { ReplyDoubt } from '../../../bot/domain/reply/types.js';

const IDS = [101, 102, 103];

describe('keepDoubts', () => {
  it.each<[string, ReplyDoubt[], KeptDoubt[]]>([
    ['a number put on one target where another was as likely', [{ kind: 'value', value: 4, unit: '个', chosen: 0, others: [1], words: '已申报4个' }],
      [{ kind: 'value', value: 4, unit: '个', words: '已申报4个', options: [101, 102, null], picked: 0 }]],
    ['a number left out that may belong to a target', [{ kind: 'value', value: 70, unit: '项', chosen: null, others: [2], words: '70项中已完成23项' }],
      [{ kind: 'value', value: 70, unit: '项', words: '70项中已完成23项', options: [103, null], picked: 1 }]],
    ['a date taken where another was as likely', [{ kind: 'date', chosen: '2022-09-30', others: ['2022-12-31'], words: '9月底或年底前' }],
      [{ kind: 'date', words: '9月底或年底前', options: ['2022-09-30', '2022-12-31', null], picked: 0 }]],
    ['no date taken', [{ kind: 'date', chosen: null, others: ['2022-06-30', '2022-06-30'], words: '上半年' }],
      [{ kind: 'date', words: '上半年', options: ['2022-06-30', null], picked: 1 }]],
    ['targets the task does not have, bad dates and doubts without a real option are dropped', [
      { kind: 'value', value: 4, unit: '个', chosen: 7, others: [-1, 1.5], words: 'x' },
      { kind: 'date', chosen: '9月30日', others: ['2022-13'], words: 'y' },
      { kind: 'value', value: 4, unit: '个', chosen: 5, others: [1], words: 'z' },
    ], [{ kind: 'value', value: 4, unit: '个', words: 'z', options: [102, null], picked: 1 }]],
  ])('%s', (_, doubts, kept) => {
    expect(keepDoubts(doubts, IDS)).toEqual(kept);
  });

  it('keeps at most 4 doubts, 5 options each, and 40 characters of the reply’s words', () => {
    const many = Array.from({ length: 6 }, (_, i): ReplyDoubt => ({ kind: 'date', chosen: `2022-0${i + 1}-01`, others: ['2022-07-01', '2022-08-01', '2022-09-01', '2022-10-01'], words: '字'.repeat(50) }));
    const kept = keepDoubts(many, IDS);
    expect(kept.map((d) => d.options)).toEqual([1, 2, 3, 4].map((m) => [`2022-0${m}-01`, '2022-07-01', '2022-08-01', '2022-09-01', null]));
    expect(kept[0]!.words).toBe('字'.repeat(40));
  });
});

describe('settle', () => {
  const held = (values: [number, number][], expectedOn: string | null = '2022-09-30'): Held => ({ values: new Map(values), expectedOn });
  const units: Record<number, string> = { 101: '个', 102: '个', 103: '万元', 104: '亿元' };
  const unitOf = (id: number) => units[id] ?? '';
  const four: KeptDoubt = { kind: 'value', value: 4, unit: '个', words: '', options: [101, 102, null], picked: 0 };
  const date: KeptDoubt = { kind: 'date', words: '', options: ['2022-09-30', '2022-12-31', null], picked: 0 };
  const show = (h: Held) => [[...h.values].sort((a, b) => a[0] - b[0]), h.expectedOn];

  it.each<[string, Held, KeptDoubt, number, unknown]>([
    ['moves the number to the chosen target', held([[101, 4], [103, 9]]), four, 1, [[[102, 4], [103, 9]], '2022-09-30']],
    ['「not a progress figure」 takes it off', held([[101, 4]]), four, 2, [[], '2022-09-30']],
    ['a number left out goes onto the chosen target', held([]), { ...four, picked: 2 }, 0, [[[101, 4]], '2022-09-30']],
    ['leaves a target alone that holds another number by now', held([[101, 6]]), four, 1, [[[101, 6], [102, 4]], '2022-09-30']],
    ['overwrites what the chosen target held', held([[101, 4], [102, 2]]), four, 1, [[[102, 4]], '2022-09-30']],
    ['converts into the chosen target’s unit', held([]), { kind: 'value', value: 1.2, unit: '亿元', words: '', options: [103, null], picked: 1 }, 0, [[[103, 12000]], '2022-09-30']],
    ['takes a converted number off whatever binary noise the reader left', held([[104, 0.8500000000000001]]), { kind: 'value', value: 8500, unit: '万元', words: '', options: [104, null], picked: 0 }, 1, [[], '2022-09-30']],
    ['another date', held([[101, 4]]), date, 1, [[[101, 4]], '2022-12-31']],
    ['no date', held([[101, 4]]), date, 2, [[[101, 4]], null]],
  ])('%s', (_, before, d, choice, after) => {
    expect(show(settle(before, d, choice, unitOf))).toEqual(after);
  });

  it.each([
    [4.2, '亿元', '万元', 42000], [8500, '万元', '亿元', 0.85], [3, '家', '家', 3], [3, '家', '个', 3], [5, '', '%', 5],
  ])('inUnit(%d %s → %s) = %d', (value, unit, target, expected) => {
    expect(inUnit(value, unit, target)).toBe(expected);
  });
});
