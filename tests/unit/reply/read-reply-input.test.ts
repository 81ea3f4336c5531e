/**
 * readReply on input that is not as typed (it comes from the store and from Feishu): a target that cannot be
 * used keeps its place and gets nothing, targets that are not a list are none, and the time zone given reads
 * relative dates (Asia/Shanghai when none is).
 */
import { describe, expect, it } from 'vitest';
import { readReply } from '../../../bot/domain/reply/read-reply.js';
import type { ReadReplyInput, ReplyTarget } from '../../../bot/domain/reply/types.js';
import { HIGH_TECH, NOW } from './fixtures.js';

const read = (input: Partial<Record<keyof ReadReplyInput, unknown>>) => readReply(input as unknown as ReadReplyInput);

describe('readReply on odd input', () => {
  it('an unusable target keeps its place: the value goes to the usable one, by its index', () => {
    const odd = [null, { label: 7, value: '140', unit: null, kind: 'weird' }, HIGH_TECH[0]];
    expect(read({ text: '高企118家', targets: odd, now: NOW }).values).toEqual([{ value: 118, unit: '家', target: 2 }]);
  });

  it('a target of an unknown kind reads as a level; one with no text still reads by its label', () => {
    const target = { label: '有效期高企', value: 140, unit: '家', kind: 'weird' } as unknown as ReplyTarget;
    expect(read({ text: '有效期高企118家', targets: [target], now: NOW })).toMatchObject({ values: [{ value: 118, unit: '家', target: 0 }] });
  });

  it('targets that are not a list are none: the words are still read', () => {
    expect(read({ text: '已完成', targets: 'x', now: NOW })).toEqual({ status: 'done', percent: 100, values: [], expectedOn: null, blocker: null, doubts: [] });
  });

  it('relative dates in the time zone given; Asia/Shanghai when it is missing or empty', () => {
    const now = new Date('2022-08-14T16:30:00Z'); // 00:30 on 15 August in Shanghai, still 14 August in UTC
    expect(read({ text: '明天完成', targets: HIGH_TECH, now, timeZone: 'UTC' }).expectedOn).toBe('2022-08-15');
    expect(read({ text: '明天完成', targets: HIGH_TECH, now, timeZone: '' }).expectedOn).toBe('2022-08-16');
    expect(read({ text: '明天完成', targets: HIGH_TECH, now }).expectedOn).toBe('2022-08-16');
  });
});
