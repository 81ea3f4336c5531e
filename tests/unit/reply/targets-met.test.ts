/**
 * 「办结」 from numbers alone: a reply without a word of finishing reads as done only when every
 * count and sum target has a value at or above it — one target met while another is unmentioned or
 * short is not a finished task; a rate met (「达2.6%」) says the pace, not that the work is over.
 */
import { describe, expect, it } from 'vitest';
import { readReply } from '../../../bot/domain/reply/read-reply.js';
import type { ReadReply, ReplyTarget } from '../../../bot/domain/reply/read-reply.js';
import { INCUBATORS, NOW, RND, SCHOOLS } from './fixtures.js';

const read = (text: string, targets: ReplyTarget[]): ReadReply => readReply({ text, targets, now: NOW });
const none = { expectedOn: null, blocker: null, doubts: [] };

describe('done only when every target is met', () => {
  it.each<[string, ReplyTarget[], ReadReply]>([
    ['市级众创空间5个，国家备案众创空间2个', INCUBATORS, {
      status: 'done', percent: 100, ...none,
      values: [{ value: 5, unit: '个', target: 0 }, { value: 2, unit: '个', target: 1 }],
    }],
    // One met, the other not mentioned: the numbers decide nothing.
    ['市级众创空间5个', INCUBATORS, { status: null, percent: null, ...none, values: [{ value: 5, unit: '个', target: 0 }] }],
    // One met, the other short.
    ['市级众创空间5个，国家备案众创空间1个', INCUBATORS, {
      status: null, percent: null, ...none,
      values: [{ value: 5, unit: '个', target: 0 }, { value: 1, unit: '个', target: 1 }],
    }],
    // A rate met alone finishes nothing.
    ['R&D投入强度达2.6%', RND, { status: null, percent: null, ...none, values: [{ value: 2.6, unit: '%', target: 0 }] }],
    // A rate met beside a count met: the count finishes the task.
    ['义务教育巩固率达96%，新建学校3所', SCHOOLS, {
      status: 'done', percent: 100, ...none,
      values: [{ value: 96, unit: '%', target: 0 }, { value: 3, unit: '所', target: 1 }],
    }],
  ])('%s', (text, targets, expected) => {
    expect(read(text, targets)).toEqual(expected);
  });
});
