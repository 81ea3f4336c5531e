/**
 * What a percentage in a reply is, as whole readings (now: Monday 2022-08-15): a percent target's
 * value when its label is named or it is the only such target, a growth target's rate, the task's
 * overall progress when said of the work (完成, or after a count of finished work: 占比), and
 * nothing when it is an excess, a schedule share (序时), a rate of something else (满意度), a change
 * (增长) or a share of work under way.
 */
import { describe, expect, it } from 'vitest';
import { readReply } from '../../../bot/domain/reply/read-reply.js';
import type { ReplyTarget } from '../../../bot/domain/reply/read-reply.js';
import { GROWTH, HIGH_TECH, NOW, RND, SCHOOLS, wholeReading, type Want } from './fixtures.js';

const RATES: ReplyTarget[] = [
  { label: '义务教育巩固率', value: 95, unit: '%', kind: 'percent' },
  { label: '高中阶段毛入学率', value: 92, unit: '%', kind: 'percent' },
];

const rows: [text: string, targets: ReplyTarget[], want: Want][] = [
  // overall progress when no percent target can take it
  ['目前60%', HIGH_TECH, { percent: 60 }],
  ['完成70%', RATES, { percent: 70 }],
  ['完成全年目标的60%', RND, { percent: 60 }],
  ['已办结54项，占比45%', HIGH_TECH, { percent: 45 }],
  // not progress, not a value
  ['在建54项，占比45%', HIGH_TECH, {}],
  ['满意度98%', HIGH_TECH, {}],
  ['满意度98%', RND, {}],
  ['序时进度60%', HIGH_TECH, {}],
  ['增长5%', SCHOOLS, {}],
  ['超出目标5%', HIGH_TECH, { status: 'on_track' }],
  ['超额完成5%', RND, { status: 'done', percent: 100 }],
  // a percent target's value: named, or the only one
  ['R&D投入强度2.6%', RND, { values: [[2.6, 0]] }],
  ['目前2.6%，同比增长0.3%', RND, { values: [[2.6, 0]] }],
  ['毛入学率93%', RATES, { values: [[93, 1]] }],
  ['巩固率96%，毛入学率93%', RATES, { values: [[96, 0], [93, 1]] }],
  ['目前96%', RATES, {}],
  // a growth target's rate
  ['同比增长5.1%', GROWTH, { values: [[5.1, 0]] }],
];

describe('readReply: percentages', () => {
  it.each(rows)('%s', (text, targets, want) => {
    expect(readReply({ text, targets, now: NOW })).toEqual(wholeReading(targets, want));
  });
});
