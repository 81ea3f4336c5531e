/** The state's phrases: every light reason and reporting case in words; the card's markdown escapes only the plan's and people's words. */
import { beforeEach, describe, expect, it } from 'vitest';
import { taskState } from '../../../bot/domain/task-state/task-state.js';
import { deadlineWord, phraseText, reasonPhrase, reportingWord, stateWord, workdaysWord, type Phrase } from '../../../bot/domain/task-state/phrases.js';
import type { LightReason, Reporting } from '../../../bot/domain/task-state/types.js';
import { phraseMd } from '../../../bot/feishu/cards/phrase-md.js';
import { fitLines } from '../../../bot/feishu/cards/fit-lines.js';
import { md } from '../../../bot/feishu/safe-text.js';
import { bodyBytes } from '../../../bot/feishu/cards/card-size.js';
import { ctxAt, target, task } from './helpers.js';

// Built before each test, not at import: a mutant under test (Stryker switches it on before the tests run) must
// reach what these tests read.
let s: ReturnType<typeof taskState>;
beforeEach(() => {
  s = taskState(task({ targets: [target({ id: 9, label: '技术合同登记' })] }), ctxAt('2022-04-13'));
});

describe('light reasons', () => {
  it.each([
    [{ kind: 'closed' }, '已办结'],
    [{ kind: 'done_pending' }, '已报完成，待确认办结'],
    [{ kind: 'paused' }, '已暂停'],
    [{ kind: 'overdue', workdays: 3 }, '已逾期 3 个工作日'],
    [{ kind: 'overdue', workdays: 0 }, '已过完成时限'],
    [{ kind: 'blocked' }, '受阻'],
    [{ kind: 'far_behind', targetId: 9 }, '指标「技术合同登记」严重落后序时'],
    [{ kind: 'at_risk' }, '有风险'],
    [{ kind: 'missing' }, '本期未报送'],
    [{ kind: 'returned' }, '报送已退回，待补充'],
    [{ kind: 'lagging', targetId: 9 }, '指标「技术合同登记」落后序时'],
    [{ kind: 'due_soon', workdays: 4 }, '临近完成时限（还剩 4 个工作日）'],
    [{ kind: 'unreported' }, '尚无进展'],
    [{ kind: 'on_track' }, '按计划推进'],
  ] as [LightReason, string][])('%j → %s', (r, word) => expect(phraseText(reasonPhrase(r, s))).toBe(word));

  it.each([
    ['the deadline today', '2022-04-15', '2022-04-15', '今天到期'],
    ['a Friday, the deadline on Sunday: no working day left, yet not today', '2022-04-15', '2022-04-17', '2 天后到期'],
    ['the last working day before 劳动节, the deadline on 1 May', '2022-04-29', '2022-05-01', '2 天后到期'],
  ])('due soon with no working day left: %s', (_what, today, deadline, word) => {
    const state = taskState(task({ deadline }), ctxAt(today));
    expect(state.reasons.find((r) => r.kind === 'due_soon')).toEqual({ kind: 'due_soon', workdays: 0 });
    expect(phraseText(reasonPhrase({ kind: 'due_soon', workdays: 0 }, state))).toBe(word);
  });

  it('on the Saturday after a Friday deadline: overdue by no working day, the deadline passed', () => {
    const state = taskState(task({ deadline: '2022-04-15' }), ctxAt('2022-04-16'));
    expect(state.deadline).toMatchObject({ daysLeft: -1 });
    expect(state.reasons[0]).toEqual({ kind: 'overdue', workdays: 0 });
    expect(workdaysWord(state.deadline)).toBe('已过完成时限');
  });
});

describe('reporting, state and deadline words', () => {
  it.each([
    [{ reported: true, why: 'reported' }, '已报送'],
    [{ reported: false, why: 'missing' }, '未报送'],
    [{ reported: false, why: 'returned' }, '待补充'],
    [{ reported: null, why: 'not_asked' }, '本期未催报'],
    [{ reported: null, why: 'on_leave' }, '请假'],
    [{ reported: null, why: 'cadence_off' }, '不催报'],
    [{ reported: null, why: 'not_active' }, '无需报送'],
  ] as [Pick<Reporting, 'reported' | 'why'>, string][])('%j → %s', (r, word) => expect(reportingWord({ period: null, asked: false, later: [], ...r })).toBe(word));

  it.each([
    ['closed', 'overdue', '已办结'], ['done_pending', 'done', '已完成（待确认）'], ['paused', 'on_track', '已暂停'],
    ['active', 'missing', '未报送'], ['active', 'unknown', '暂无进展'], ['active', 'overdue', '逾期'],
  ] as const)('%s / %s → %s', (lifecycle, progress, word) => expect(stateWord({ lifecycle, progress })).toBe(word));

  it('writes a deadline’s year when not the message’s, and always with null context (the ledger)', () => {
    expect(deadlineWord({ date: '2023-03-31', planned: '2022-12-31' }, '2022-04-13')).toBe('2023年3月31日（原定12月31日，已延期）');
    expect(deadlineWord({ date: '2022-12-31', planned: null }, '2022-04-13')).toBe('12月31日');
    expect(deadlineWord({ date: '2022-12-31', planned: null }, null)).toBe('2022年12月31日');
  });

  it.each([
    [5, 7, '还剩 5 个工作日', '还剩5个工作日'],
    [0, 0, '今天到期', '今天到期'],
    [-2, -4, '已逾期 2 个工作日', '已逾期2个工作日'],
    // A Friday, the deadline on Sunday: no working day before it.
    [0, 2, '2 天后到期', '2天后到期'],
    // The Saturday after a Friday deadline (calendar.workdaysBetween gives -0 there, read as 0).
    [-0, -1, '已过完成时限', '已过完成时限'],
    [0, -3, '已过完成时限', '已过完成时限'],
  ])('workdaysWord: %i working days, %i days → %s (tight: %s)', (workdaysLeft, daysLeft, spaced, tight) => {
    expect(workdaysWord({ workdaysLeft, daysLeft })).toBe(spaced);
    expect(workdaysWord({ workdaysLeft, daysLeft }, true)).toBe(tight);
  });
});

describe('in card markdown', () => {
  it('the bot’s figures as they are, the plan’s and people’s words escaped', () => {
    const p: Phrase = [{ ours: '完成 64% / 时间 28%（说明：' }, { theirs: '<at id=all></at> **集中**' }, { ours: '）' }];
    expect(phraseMd(p).toString()).toBe('完成 64% / 时间 28%（说明：&#60;at id&#61;all&#62;&#60;&#47;at&#62; &#42;&#42;集中&#42;&#42;）');
  });

  it('a long list keeps within the budget and says how many it left out', () => {
    const lines = Array.from({ length: 3000 }, (_, i) => md`- 🟡 **任务${i}** 培育高新技术企业：未报：张敏`);
    const kept = fitLines(lines, 20_000);
    expect(kept.length).toBeLessThan(lines.length);
    expect(bodyBytes(kept.map(String).join('\n'))).toBeLessThan(20_000);
    expect(kept.at(-1)!.toString()).toBe(`……另有 ${lines.length - kept.length + 1} 项未列出`);
    expect(fitLines(lines.slice(0, 10), 20_000)).toHaveLength(10);
  });
});
