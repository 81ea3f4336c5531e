/**
 * One value per target from the numbers the reader put on it: a number said to be finished outranks
 * one that is not; the target's own number before a smaller one is the whole, not the report; among
 * the rest the most explicit (tier) wins, then the largest. Values come in target order, in the
 * target's unit.
 */
import { describe, expect, it } from 'vitest';
import { chooseValues } from '../../../bot/domain/reply/choose-values.js';
import type { Pick } from '../../../bot/domain/reply/choose-values.js';
import type { ReplyTarget } from '../../../bot/domain/reply/read-reply.js';

const MATTERS: ReplyTarget = { label: '议定事项', value: 120, unit: '项', kind: 'cumulative' };
const CLINICS: ReplyTarget = { label: '村卫生室', value: 24, unit: '个', kind: 'cumulative' };

const pick = (target: number, value: number, at: number, tier = 1, finished = false): Pick => ({ target, value, at, tier, finished });

describe('chooseValues', () => {
  it('chooses nothing from no numbers', () => {
    expect(chooseValues([], [MATTERS])).toEqual([]);
  });

  it('gives each target one value, in target order and in its unit', () => {
    expect(chooseValues([pick(1, 15, 0), pick(0, 96, 10)], [MATTERS, CLINICS])).toEqual([
      { value: 96, unit: '项', target: 0 },
      { value: 15, unit: '个', target: 1 },
    ]);
  });

  it('takes the finished count over a larger count of work under way', () => {
    // 「已开工20个，已完工15个」
    expect(chooseValues([pick(0, 20, 0), pick(0, 15, 8, 1, true)], [CLINICS])).toEqual([{ value: 15, unit: '个', target: 0 }]);
  });

  it('takes the more explicit number over a larger one, the larger of equally explicit ones', () => {
    expect(chooseValues([pick(0, 96, 0, 2), pick(0, 110, 8, 1)], [MATTERS])).toEqual([{ value: 96, unit: '项', target: 0 }]);
    expect(chooseValues([pick(0, 110, 0, 1), pick(0, 96, 8, 2)], [MATTERS])).toEqual([{ value: 96, unit: '项', target: 0 }]);
    expect(chooseValues([pick(0, 96, 0), pick(0, 110, 8)], [MATTERS])).toEqual([{ value: 110, unit: '项', target: 0 }]);
    expect(chooseValues([pick(0, 110, 0), pick(0, 96, 8)], [MATTERS])).toEqual([{ value: 110, unit: '项', target: 0 }]);
  });

  it('drops the target’s own number stated before a smaller one: that is the whole', () => {
    // 「议定事项120项，已办结96项」
    expect(chooseValues([pick(0, 120, 0, 2), pick(0, 96, 8)], [MATTERS])).toEqual([{ value: 96, unit: '项', target: 0 }]);
    // the target's number after the smaller one, or with nothing smaller after it, is a report
    expect(chooseValues([pick(0, 96, 0), pick(0, 120, 8)], [MATTERS])).toEqual([{ value: 120, unit: '项', target: 0 }]);
    expect(chooseValues([pick(0, 120, 0)], [MATTERS])).toEqual([{ value: 120, unit: '项', target: 0 }]);
    // a number merely close to the target's is no whole
    expect(chooseValues([pick(0, 120.5, 0, 2), pick(0, 96, 8)], [MATTERS])).toEqual([{ value: 120.5, unit: '项', target: 0 }]);
  });
});
