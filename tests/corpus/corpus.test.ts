/**
 * The parser's and the reply reader's accuracy on the corpus of real documents never falls below its floor
 * (tests/corpus/floor.json, written by `npm run corpus -- --update-floor` after an improvement).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scoreCorpus } from './score.js';

const floor = JSON.parse(readFileSync(new URL('floor.json', import.meta.url), 'utf8')) as {
  plans: { total: number; byKind: Record<string, number> };
  replies: { total: number; byKind: Record<string, number> };
};

describe('accuracy on the corpus of real published documents', async () => {
  const score = await scoreCorpus();
  for (const side of ['plans', 'replies'] as const) {
    it(`${side}: every kind of fact at or above its floor`, () => {
      expect(score[side].total).toBeGreaterThanOrEqual(floor[side].total);
      for (const [kind, min] of Object.entries(floor[side].byKind)) {
        expect(score[side].byKind[kind], kind).toBeGreaterThanOrEqual(min);
      }
    });
  }
});
