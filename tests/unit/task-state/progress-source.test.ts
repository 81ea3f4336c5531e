/**
 * Which report decides a task's progress, and which one the cards quote as its source (progressSource): the
 * current period's word over a newer report for an older period, a 「已完成」 said before a return to work
 * voided, the done report of a closed task, a numbers-only report as 按计划, and the tie of two reports made at
 * the same moment. Also the reported percent, leave on its first and last day, and the next milestone's order.
 */
import { describe, expect, it } from 'vitest';
import { taskState } from '../../../bot/domain/task-state/task-state.js';
import type { StateReport } from '../../../bot/domain/task-state/types.js';
import { at, ctxAt, report, task } from './helpers.js';

const W14 = '2022-W14';
const W15 = '2022-W15'; // 11–17 April 2022
const NOW = '2022-04-13T16:00:00';
const stateAt = (o: Parameters<typeof task>[0], now = NOW) => taskState(task(o), ctxAt(now));
const sourceOf = (o: Parameters<typeof task>[0], now = NOW) => stateAt(o, now).progressSource?.id ?? null;

describe('the report that decides progress, and its source', () => {
  it('the current period’s word wins over a newer reply recorded for last week', () => {
    const thisWeek = report('2022-04-11', { period: W15, status: 'at_risk' });
    const lateForLastWeek = report('2022-04-12', { period: W14, status: 'on_track' });
    const s = stateAt({ askedPeriods: [W15], reports: [thisWeek, lateForLastWeek] });
    expect([s.progress, s.progressSource?.id]).toEqual(['at_risk', thisWeek.id]);
  });

  it('the current period’s newest word wins inside the period', () => {
    const monday = report('2022-04-11', { period: W15, status: 'blocked' });
    const tuesday = report('2022-04-12', { period: W15, status: 'on_track' });
    expect(sourceOf({ reports: [monday, tuesday] })).toBe(tuesday.id);
    expect(stateAt({ reports: [monday, tuesday] }).progress).toBe('on_track');
  });

  it('numbers only this period: the last word said before stands, quoted from its report', () => {
    const blocked = report('2022-04-06', { period: W14, status: 'blocked' });
    const numbers = report('2022-04-12', { period: W15, percent: 40 });
    const s = stateAt({ reports: [blocked, numbers] });
    expect([s.progress, s.progressSource?.id]).toEqual(['blocked', blocked.id]);
  });

  it('numbers only this period and no word ever: 按计划, quoted from this period’s report, not a newer one of last week', () => {
    const numbers = report('2022-04-11', { period: W15, percent: 40 });
    const lateNumbers = report('2022-04-12', { period: W14, percent: 35 });
    const s = stateAt({ reports: [numbers, lateNumbers] });
    expect([s.progress, s.progressSource?.id]).toEqual(['on_track', numbers.id]);
  });

  it('nothing this period, not asked: the last word said, or 按计划 from the newest report when none was said', () => {
    const said = report('2022-04-01', { period: '2022-W13', status: 'at_risk' });
    const numbers = report('2022-04-06', { period: W14, percent: 20 });
    expect([stateAt({ reports: [said, numbers] }).progress, sourceOf({ reports: [said, numbers] })]).toEqual(['at_risk', said.id]);
    const older = report('2022-04-01', { period: '2022-W13', percent: 10 });
    expect([stateAt({ reports: [older, numbers] }).progress, sourceOf({ reports: [older, numbers] })]).toEqual(['on_track', numbers.id]);
  });

  it('asked this period and no report: missing, with no source; never a report: unknown', () => {
    const said = report('2022-04-06', { period: W14, status: 'at_risk' });
    expect([stateAt({ askedPeriods: [W15], reports: [said] }).progress, sourceOf({ askedPeriods: [W15], reports: [said] })]).toEqual(['missing', null]);
    expect([stateAt({}).progress, sourceOf({})]).toEqual(['unknown', null]);
  });

  it('a closed task is done, quoting its 「已完成」 report rather than a later note', () => {
    const done = report('2022-04-11', { period: W15, status: 'done' });
    const note = report('2022-04-12', { period: W15, rawText: '材料已归档' });
    const s = stateAt({ lifecycle: 'closed', reports: [done, note] });
    expect([s.progress, s.progressSource?.id]).toEqual(['done', done.id]);
    expect(sourceOf({ lifecycle: 'done_pending', reports: [note] })).toBe(null);
  });

  it('a 「已完成」 said before the task was returned to work no longer counts, at the moment of the return too', () => {
    const returnedAt = at('2022-04-12T10:00:00');
    const before = report('2022-04-11', { period: W15, status: 'done' });
    const atReturn: StateReport = { ...report('2022-04-12', { period: W15, status: 'done' }), createdAt: returnedAt };
    for (const r of [before, atReturn]) {
      const s = stateAt({ lifecycleSince: returnedAt, reports: [r] });
      expect([s.progress, s.progressSource?.id]).toEqual(['on_track', r.id]);
    }
    const earlierWord = report('2022-04-06', { period: W14, status: 'at_risk' });
    expect(stateAt({ lifecycleSince: returnedAt, reports: [earlierWord, before] }).progress).toBe('at_risk');
    const after = report('2022-04-13T09:00:00', { period: W15, status: 'done' });
    expect(stateAt({ lifecycleSince: returnedAt, reports: [before, after] }).progress).toBe('done');
    // Never returned (lifecycleSince null): a 「已完成」 counts.
    expect(stateAt({ lifecycleSince: null, reports: [before] }).progress).toBe('done');
  });

  it('overdue the day after the deadline, not on it; the last word is its source', () => {
    const said = report('2022-04-11', { period: W15, status: 'on_track' });
    expect(stateAt({ deadline: '2022-04-13', reports: [said] }).progress).toBe('on_track');
    const s = stateAt({ deadline: '2022-04-12', reports: [said] });
    expect([s.progress, s.progressSource?.id]).toEqual(['overdue', said.id]);
  });

  it('two reports made at the same moment: the later recorded (higher id) is the newer', () => {
    const first = report('2022-04-12', { period: W15, status: 'blocked' });
    const second = report('2022-04-12', { period: W15, status: 'on_track' });
    // Given in the order they were made, as the store reads them: the sort must not keep it.
    expect(stateAt({ reports: [first, second] }).progress).toBe('on_track');
    expect(stateAt({ reports: [first, second] }).reports.map((r) => r.id)).toEqual([second.id, first.id]);
  });
});

describe('the rest of the state read from the same reports and dates', () => {
  it('the percent is the newest report’s that has one; a later report without one keeps it', () => {
    const sixty = report('2022-04-11', { period: W15, percent: 60 });
    const words = report('2022-04-12', { period: W15, status: 'on_track' });
    expect(stateAt({ reports: [sixty, words] }).percent).toBe(60);
    expect(stateAt({ reports: [words] }).percent).toBe(null);
    const seventy = report('2022-04-13T09:00:00', { period: W15, percent: 70 });
    expect(stateAt({ reports: [sixty, seventy, words] }).percent).toBe(70);
  });

  it('an owner is on leave from its first day to its last, inclusive', () => {
    const owner = (from: string, to: string) => ({ owners: [{ personId: 1, name: '张敏', leave: [{ from, to }] }, { personId: 2, name: '李强', leave: [] }] });
    expect(stateAt(owner('2022-04-13', '2022-04-13')).onLeave).toEqual([1]);
    expect(stateAt(owner('2022-04-13', '2022-04-20')).onLeave).toEqual([1]);
    expect(stateAt(owner('2022-04-06', '2022-04-13')).onLeave).toEqual([1]);
    expect(stateAt(owner('2022-04-06', '2022-04-12')).onLeave).toEqual([]);
    expect(stateAt(owner('2022-04-14', '2022-04-20')).onLeave).toEqual([]);
  });

  it('the next milestone: the earliest open one, by id when due the same day; one marked done at this moment is done', () => {
    const m = (id: number, due: string, doneAt: Date | null = null) => ({ id, due, text: `节点${id}`, doneAt });
    expect(stateAt({ milestones: [m(3, '2022-06-30'), m(2, '2022-05-31'), m(1, '2022-09-30')] }).nextMilestone?.id).toBe(2);
    expect(stateAt({ milestones: [m(5, '2022-05-31'), m(4, '2022-05-31')] }).nextMilestone?.id).toBe(4);
    expect(stateAt({ milestones: [m(4, '2022-05-31', at(NOW)), m(5, '2022-06-30')] }).nextMilestone?.id).toBe(5);
    expect(stateAt({ milestones: [m(4, '2022-05-31', at('2022-04-14')), m(5, '2022-06-30')] }).nextMilestone?.id).toBe(4);
  });
});
