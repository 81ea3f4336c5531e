/**
 * Doubts: the words each quotes (its clause, at most 40 characters centred on the number) and how many a
 * reply gives (one per number and words, at most three).
 */
import { describe, expect, it } from 'vitest';
import { clausesOf } from '../../../bot/domain/reply/clauses.js';
import { MAX_DOUBT_WORDS, MAX_DOUBTS, wordsAround } from '../../../bot/domain/reply/doubts.js';
import { readReply } from '../../../bot/domain/reply/read-reply.js';
import { NOW, TECH_SMES } from './fixtures.js';

describe('wordsAround', () => {
  it('the comma clause holding the number', () => {
    const text = '高企118家，新增3家，按计划推进';
    expect(wordsAround(clausesOf(text), text.indexOf('3'), text.indexOf('3') + 1)).toBe('新增3家');
  });

  it('a long clause: 40 characters centred on the number', () => {
    const text = `${'甲'.repeat(50)}100${'乙'.repeat(50)}`;
    const words = wordsAround(clausesOf(text), 50, 53);
    expect(words).toBe(`${'甲'.repeat(19)}100${'乙'.repeat(18)}`);
    expect([...words]).toHaveLength(MAX_DOUBT_WORDS);
  });

  it('near the clause’s start: its first 40 characters', () => {
    const text = `新增5家${'乙'.repeat(60)}`;
    expect(wordsAround(clausesOf(text), 2, 3)).toBe(`新增5家${'乙'.repeat(36)}`);
  });
});

describe('value doubts of a reply', () => {
  const doubt = (value: number) => ({ kind: 'value', value, unit: '家', chosen: null, others: [0, 1], words: `新增${value}家` });
  it(`one per number and words, at most ${MAX_DOUBTS}`, () => {
    expect(readReply({ text: '新增5家，新增6家，新增7家，新增8家', targets: TECH_SMES, now: NOW }).doubts).toEqual([doubt(5), doubt(6), doubt(7)]);
    expect(readReply({ text: '新增5家，新增5家', targets: TECH_SMES, now: NOW }).doubts).toEqual([doubt(5)]);
  });
});
