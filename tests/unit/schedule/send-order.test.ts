import { describe, expect, it } from 'vitest';
import { spreadByPerson } from '../../../bot/domain/schedule/send-order.js';

const n = (personId: number, key: string) => ({ personId, key });
const keys = (xs: { key: string }[]) => xs.map((x) => x.key);

describe('spreadByPerson', () => {
  it.each([
    ['nothing', [], []],
    ['one person keeps their order', [n(1, 'a'), n(1, 'b'), n(1, 'c')], ['a', 'b', 'c']],
    [
      'a section head with several tasks is spread among the others',
      [n(9, 't1'), n(2, 'x'), n(9, 't2'), n(3, 'y'), n(9, 't3'), n(4, 'z'), n(9, 't4')],
      ['t1', 'x', 'y', 'z', 't2', 't3', 't4'],
    ],
    ['two people alternate', [n(1, 'a1'), n(1, 'a2'), n(2, 'b1'), n(2, 'b2')], ['a1', 'b1', 'a2', 'b2']],
  ])('%s', (_name, input, expected) => {
    expect(keys(spreadByPerson(input))).toEqual(expected);
  });

  it('keeps every nudge exactly once and never puts one person twice in a row while others wait', () => {
    const input = Array.from({ length: 300 }, (_, i) => n(i % 30 < 10 ? 0 : i % 7, `k${i}`));
    const out = spreadByPerson(input);
    expect(keys(out).sort()).toEqual(keys(input).sort());
    const people = new Set(input.map((x) => x.personId)).size;
    for (let i = 1; i < people; i++) expect(out[i]!.personId).not.toBe(out[i - 1]!.personId);
  });
});
