/**
 * The engine's reporting.later: an owner who snoozed this period's check-in (「明天再报」) and has not reported
 * yet, with the day asked for — what /mine, /task and the digest show («已延后至 4月12日（明天再报）»).
 */
import { describe, expect, it } from 'vitest';
import { laterWord } from '../../../bot/domain/task-state/phrases.js';
import { taskStateJson } from '../../../bot/domain/task-state/state-json.js';
import { taskState } from '../../../bot/domain/task-state/task-state.js';
import type { StateSnooze } from '../../../bot/domain/task-state/types.js';
import { at, ctxAt, report, task } from './helpers.js';

const W15 = '2022-W15'; // 11–17 April 2022
const NOW = '2022-04-11T10:00:00';
const owners = [{ personId: 1, name: '张敏', leave: [] }, { personId: 2, name: '李强', leave: [] }];
const snooze = (personId: number, until: string, o: Partial<StateSnooze> = {}): StateSnooze => ({ personId, period: W15, until: at(until), ask: 'tomorrow', ...o });
const laterAt = (o: Parameters<typeof task>[0], now = NOW) => taskState(task({ owners, askedPeriods: [W15], ...o }), ctxAt(now)).reporting;

describe('reporting.later', () => {
  it('lists each owner’s latest snooze of the period, in owner order; the period stays missing', () => {
    const r = laterAt({ snoozes: [snooze(2, '2022-04-18T09:30:00', { ask: 'next-week' }), snooze(1, '2022-04-11T15:10:00', { ask: 'later' }), snooze(1, '2022-04-12T09:30:00')] });
    expect(r).toMatchObject({ reported: false, why: 'missing' });
    expect(r.later).toEqual([
      { personId: 1, until: at('2022-04-12T09:30:00'), date: '2022-04-12', ask: 'tomorrow' },
      { personId: 2, until: at('2022-04-18T09:30:00'), date: '2022-04-18', ask: 'next-week' },
    ]);
  });

  it.each([
    ['the period reported', { reports: [report('2022-04-11T09:50:00', { period: W15 })], snoozes: [snooze(1, '2022-04-12T09:30:00')] }],
    ['a snooze of another period', { snoozes: [snooze(1, '2022-04-12T09:30:00', { period: '2022-W14' })] }],
    ['a snooze whose day has passed', { snoozes: [snooze(1, '2022-04-08T09:30:00')] }],
    ['a snooze of someone no longer an owner', { snoozes: [snooze(9, '2022-04-12T09:30:00')] }],
    ['a paused task', { lifecycle: 'paused' as const, snoozes: [snooze(1, '2022-04-12T09:30:00')] }],
    ['a task without check-ins', { cadence: 'off' as const, snoozes: [snooze(1, '2022-04-12T09:30:00')] }],
  ])('is empty for %s', (_what, o) => expect(laterAt(o).later).toEqual([]));

  it('holds while its day lasts, even before the check-in went out, and also when the report was returned', () => {
    expect(laterAt({ askedPeriods: [], snoozes: [snooze(1, '2022-04-12T09:30:00')] }, '2022-04-12T17:00:00')).toMatchObject({ why: 'not_asked', later: [{ personId: 1, date: '2022-04-12' }] });
    expect(laterAt({ reports: [report('2022-04-11T09:50:00', { period: W15, returned: true })], snoozes: [snooze(1, '2022-04-12T09:30:00')] })).toMatchObject({ why: 'returned', later: [{ personId: 1 }] });
  });

  it('is said as 「已延后至 4月12日（明天再报）」, with the year outside the context’s, without the ask when unknown', () => {
    expect(laterWord({ date: '2022-04-12', ask: 'tomorrow' }, '2022-04-11')).toBe('已延后至 4月12日（明天再报）');
    expect(laterWord({ date: '2023-01-03', ask: 'next-week' }, '2022-12-30')).toBe('已延后至 2023年1月3日（下周再报）');
    expect(laterWord({ date: '2022-04-13', ask: 'two-days' }, null)).toBe('已延后至 2022年4月13日（过两天再报）');
    expect(laterWord({ date: '2022-04-11', ask: null }, '2022-04-11')).toBe('已延后至 4月11日');
  });

  it('is in the state’s JSON (reportLater)', () => {
    const s = taskState(task({ owners, askedPeriods: [W15], snoozes: [snooze(2, '2022-04-12T09:30:00')] }), ctxAt(NOW));
    expect(taskStateJson({ code: '7', title: 't', owners, state: s }).reportLater).toEqual([{ owner: '李强', until: '2022-04-12T01:30:00.000Z', date: '2022-04-12', ask: 'tomorrow' }]);
  });
});
