/** 「明天再报」 and 「已在会上汇报」 are read only when they are the whole message. */
import { describe, expect, it } from 'vitest';
import { readSnoozeAsk, saysMeetingReport } from '../../../bot/domain/reply/self-help-words.js';

describe('readSnoozeAsk', () => {
  it.each([
    ['明天提醒我', 'tomorrow'], ['明天再报', 'tomorrow'], ['好的，明天再报吧。', 'tomorrow'], ['下周再报', 'next-week'],
    ['晚点提醒我', 'later'], ['过两天提醒我', 'two-days'], ['明天完成', null], ['明天提醒我把材料报上去了没有', null],
    ['已走访企业20家，明天再报剩下的', null],
  ] as const)('%s → %s', (text, ask) => expect(readSnoozeAsk(text)).toBe(ask));
});

describe('saysMeetingReport', () => {
  it.each([
    ['已在会上汇报', true], ['已在会上汇报过', true], ['已在周例会上汇报', true], ['会上已汇报', true], ['已在会上汇报过了。', true],
    ['会上汇报', false], ['已在会上汇报，项目已完成80%', false], ['下次会上汇报', false],
  ] as const)('%s → %s', (text, yes) => expect(saysMeetingReport(text)).toBe(yes));
});
