/** Each target's trend over the weeks as a text sparkline, from the earlier digests' snapshots: pure. */
import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../../bot/domain/digest/build-digest.js';
import { digestText } from '../../../bot/domain/digest/digest-text.js';
import { sparkline, TREND_WEEKS } from '../../../bot/domain/digest/sparkline.js';
import type { DigestSnapshot } from '../../../bot/domain/digest/types.js';
import { seedInput } from './fixtures.js';

describe('sparkline', () => {
  it.each([
    [[0, 1, 2, 3, 4, 5, 6, 7], '▁▂▃▄▅▆▇█'],
    [[100, 112, 118], '▁▆█'],
    [[5, 5, 5], '▄▄▄'],
    [[null, 10, null, 20], '·▁·█'],
    [[3, 1], '█▁'],
  ] as const)('%j → %s', (values, line) => expect(sparkline(values)).toBe(line));

  it('a value that is not a finite number is a week without a value, and is not counted', () => {
    expect(sparkline([1, Number.NaN, 3, Number.POSITIVE_INFINITY])).toBe('▁·█·');
    expect(sparkline([1, Number.NaN])).toBeNull();
  });

  it('draws nothing with fewer than two values', () => {
    expect(sparkline([])).toBeNull();
    expect(sparkline([7])).toBeNull();
    expect(sparkline([null, 7, null])).toBeNull();
    expect(sparkline([Number.NaN, 7])).toBeNull();
  });
});

describe('the digest’s target trends', () => {
  const week = (id: string, v: number | null): DigestSnapshot => ({ week: id, tasks: { '1': { status: 'on_track', light: 'green', values: { '101': v } } } });

  it('draws task 1’s target over the earlier digests and now, in the text and the model', () => {
    const history = [week('2022-W12', 100), week('2022-W13', null), week('2022-W14', 112)];
    const model = buildDigest(seedInput({ history }));
    const t1 = model.sections.flatMap((s) => s.tasks).find((t) => t.code === '1')!;
    expect(t1.trends).toEqual({ '101': '▁·▆█' }); // 100, —, 112, now 118
    expect(digestText(model)).toMatch(/有效期高企 118\/140家 · [^\n]* · 近4周 ▁·▆█/);
  });

  it('keeps at most the last weeks, and draws nothing without history', () => {
    const history = Array.from({ length: 12 }, (_, i) => week(`2022-W${String(i + 1).padStart(2, '0')}`, i));
    const t1 = buildDigest(seedInput({ history })).sections.flatMap((s) => s.tasks).find((t) => t.code === '1')!;
    expect([...t1.trends['101']!]).toHaveLength(TREND_WEEKS);
    const none = buildDigest(seedInput()).sections.flatMap((s) => s.tasks).find((t) => t.code === '1')!;
    expect(none.trends).toEqual({});
  });
});
