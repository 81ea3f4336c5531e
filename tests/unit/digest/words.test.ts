/** The digest's shared words: clipping, the worst light, the week label, what a task's line says, a chat's choice. */
import { describe, expect, it } from 'vitest';
import { choiceWords } from '../../../bot/domain/digest/recipients.js';
import { clip, digestStatus, weekLabel, worstLight } from '../../../bot/domain/digest/words.js';

describe('clip', () => {
  it.each([
    ['一二三', 3, '一二三'],
    ['一二三四', 3, '一二…'],
    ['一二三', 1, '…'],
    ['一二三', 0, ''],
    ['一二三', -1, ''],
    ['  一\n\t二   三 ', 5, '一 二 三'],
    ['😀😀😀', 2, '😀…'],
  ])('%j to %i characters → %j', (text, max, out) => expect(clip(text, max)).toBe(out));
});

describe('worstLight', () => {
  it.each([
    [[], 'none'],
    [['green'], 'green'],
    [['green', 'none'], 'none'],
    [['none', 'yellow', 'green'], 'yellow'],
    [['yellow', 'red', 'green'], 'red'],
    [['red', 'yellow'], 'red'],
  ] as const)('%j → %s', (lights, worst) => expect(worstLight(lights)).toBe(worst));
});

describe('weekLabel and digestStatus', () => {
  it('dates of another year carry it; a task not active says its lifecycle', () => {
    expect(weekLabel({ number: 52, firstWorkday: '2022-12-26', lastWorkday: '2022-12-30' }, '2022-12-30')).toBe('第52周 12月26日–12月30日');
    expect(weekLabel({ number: 1, firstWorkday: '2022-12-29', lastWorkday: '2023-01-06' }, '2023-01-06')).toBe('第1周 2022年12月29日–1月6日');
    expect(digestStatus({ lifecycle: 'active', progress: 'at_risk' })).toBe('at_risk');
    expect(digestStatus({ lifecycle: 'paused', progress: 'at_risk' })).toBe('paused');
  });
});

describe('choiceWords (/subscribe)', () => {
  const title = (id: number) => `计划${id}`;
  it('one plan, all plans in one post, or one post per plan', () => {
    expect(choiceWords({ planId: 3, combined: true }, title)).toBe('只发送「计划3」的周报');
    expect(choiceWords({ planId: null, combined: true }, title)).toBe('进行中的各计划合并为一份周报');
    expect(choiceWords({ planId: null, combined: false }, title)).toBe('进行中的每份计划各发一份周报');
  });
});
