/**
 * Clause bounds: hard (sentence: 。；;！!？?, newline), comma (also ，,) and soft (also 、), with
 * positions outside the text clamped to it.
 */
import { describe, expect, it } from 'vitest';
import { clausesOf } from '../../../bot/domain/reply/clauses.js';

describe('clausesOf', () => {
  const text = '甲、乙，丙。丁';
  const c = clausesOf(text);

  it('bounds the clause holding a position at each level', () => {
    // position 2 is 乙
    expect([c.start('soft', 2), c.end('soft', 2)]).toEqual([2, 3]);
    expect([c.start('comma', 2), c.end('comma', 2)]).toEqual([0, 3]);
    expect([c.start('hard', 2), c.end('hard', 2)]).toEqual([0, 5]);
    // position 6 is 丁, after the full stop
    expect([c.start('hard', 6), c.end('hard', 6)]).toEqual([6, 7]);
    expect([c.start('soft', 0), c.end('soft', 0)]).toEqual([0, 1]);
  });

  it('puts a break in the clause it ends', () => {
    expect([c.start('comma', 3), c.end('comma', 3)]).toEqual([0, 3]);
    expect([c.start('hard', 5), c.end('hard', 5)]).toEqual([0, 5]);
  });

  it('treats every sentence mark and a newline as a hard break, commas as comma breaks', () => {
    for (const mark of ['。', '；', ';', '！', '!', '？', '?', '\n']) {
      expect(clausesOf(`甲${mark}乙`).start('hard', 2)).toBe(2);
    }
    for (const mark of ['，', ',']) {
      const cc = clausesOf(`甲${mark}乙`);
      expect([cc.start('hard', 2), cc.start('comma', 2), cc.start('soft', 2)]).toEqual([0, 2, 2]);
    }
    const list = clausesOf('甲、乙');
    expect([list.start('comma', 2), list.start('soft', 2)]).toEqual([0, 2]);
  });

  it('clamps positions outside the text', () => {
    expect([c.start('comma', -5), c.end('comma', -5)]).toEqual([0, 3]);
    expect([c.start('hard', 99), c.end('hard', 99)]).toEqual([6, 7]);
    expect([clausesOf('').start('hard', 0), clausesOf('').end('hard', 0)]).toEqual([0, 0]);
  });
});
