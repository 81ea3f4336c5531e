/** The period a paper covers (pure), table-driven. */
import { describe, expect, it } from 'vitest';
import { paperPeriod, PAPER_KIND_WORDS } from '../../../bot/domain/papers/period.js';

describe('paperPeriod', () => {
  it.each([
    ['week', '2022-04-15', '2022-04-11', '2022-04-17', '第15周（4月11日至4月17日）'],
    ['week', '2021-01-01', '2020-12-28', '2021-01-03', '第53周（2020年12月28日至1月3日）'],
    ['month', '2022-02-10', '2022-02-01', '2022-02-28', '2月'],
    ['half', '2022-06-30', '2022-01-01', '2022-06-30', '上半年'],
    ['half', '2022-07-01', '2022-07-01', '2022-12-31', '下半年'],
    ['year', '2022-04-15', '2022-01-01', '2022-12-31', '全年'],
  ] as const)('%s of %s: %s – %s 「%s」', (kind, today, start, end, label) => {
    expect(paperPeriod(kind, today)).toEqual({ kind, start, end, label });
  });

  it('knows the Chinese words for each kind, and nothing from Object.prototype', () => {
    expect([PAPER_KIND_WORDS['周报'], PAPER_KIND_WORDS['月报'], PAPER_KIND_WORDS['半年'], PAPER_KIND_WORDS['全年']]).toEqual(['week', 'month', 'half', 'year']);
    expect(Object.hasOwn(PAPER_KIND_WORDS, 'constructor')).toBe(false);
  });
});
