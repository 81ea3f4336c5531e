/** A task's whole state: lifecycle, progress, reporting, light and deadline, table by table. */
import { describe, expect, it } from 'vitest';
import { taskState } from '../../../bot/domain/task-state/task-state.js';
import { dateWord, fullDateWord } from '../../../bot/domain/task-state/words.js';
import { amountWord } from '../../../bot/domain/task-state/amounts.js';
import { ctxAt, report, target, task } from './helpers.js';

const W15 = '2022-W15'; // 11–17 April 2022
const NOW = '2022-04-13T16:00:00';
const stateAt = (o: Parameters<typeof task>[0], now = NOW) => taskState(task(o), ctxAt(now));

describe('reporting for the check-in period', () => {
  it.each([
    ['nobody asked, nobody reported (a fresh store)', {}, { asked: false, reported: null, why: 'not_asked' }],
    ['asked and reported', { askedPeriods: [W15], reports: [report('2022-04-12', { period: W15 })] }, { asked: true, reported: true, why: 'reported' }],
    ['reported without being asked', { reports: [report('2022-04-12', { period: W15 })] }, { asked: false, reported: true, why: 'reported' }],
    ['asked and not reported', { askedPeriods: [W15] }, { asked: true, reported: false, why: 'missing' }],
    ['asked, but every owner on leave', { askedPeriods: [W15], owners: [{ personId: 1, name: '张敏', leave: [{ from: '2022-04-11', to: '2022-04-15' }] }] }, { reported: null, why: 'on_leave' }],
    ['asked, one of two owners on leave', { askedPeriods: [W15], owners: [{ personId: 1, name: '张敏', leave: [{ from: '2022-04-11', to: '2022-04-15' }] }, { personId: 2, name: '李强', leave: [] }] }, { reported: false, why: 'missing' }],
    ['paused: not asked', { lifecycle: 'paused' as const, askedPeriods: [W15] }, { asked: false, reported: null, why: 'not_active' }],
    ['awaiting confirmation: not asked', { lifecycle: 'done_pending' as const, askedPeriods: [W15] }, { asked: false, reported: null, why: 'not_active' }],
    ['no check-ins at all', { cadence: 'off' as const }, { period: null, asked: false, reported: null, why: 'cadence_off' }],
    ['the period’s report returned for more (退回补充): 待补充, asked or not', { reports: [report('2022-04-12', { period: W15, returned: true })] }, { asked: false, reported: false, why: 'returned' }],
    ['a report after the returned one answers the period', { askedPeriods: [W15], reports: [report('2022-04-12', { period: W15, returned: true }), report('2022-04-13', { period: W15 })] }, { reported: true, why: 'reported' }],
    ['a returned report of an earlier period leaves this one to its own reports', { askedPeriods: [W15], reports: [report('2022-04-06', { period: '2022-W14', returned: true }), report('2022-04-12', { period: W15 })] }, { reported: true, why: 'reported' }],
    ['a report of an earlier period does not answer this one', { askedPeriods: [W15], reports: [report('2022-04-06', { period: '2022-W14' })] }, { reported: false }],
  ])('%s', (_what, o, want) => expect(stateAt(o).reporting).toMatchObject(want));

  it('a monthly task is asked for its month', () => {
    expect(stateAt({ cadence: 'monthly', askedPeriods: ['2022-04'] }).reporting).toMatchObject({ period: '2022-04', asked: true, reported: false });
  });
});

describe('progress and light', () => {
  it.each([
    ['a fresh task: unknown, no light', {}, 'unknown', 'none', 'unreported'],
    ['on track this period', { reports: [report('2022-04-12', { period: W15, status: 'on_track' })] }, 'on_track', 'green', 'on_track'],
    ['numbers only: on track', { reports: [report('2022-04-12', { period: W15 })] }, 'on_track', 'green', 'on_track'],
    ['numbers only after a risk: still at risk', { reports: [report('2022-04-05', { period: '2022-W14', status: 'at_risk' }), report('2022-04-12', { period: W15 })] }, 'at_risk', 'yellow', 'at_risk'],
    ['blocked', { reports: [report('2022-04-12', { period: W15, status: 'blocked' })] }, 'blocked', 'red', 'blocked'],
    ['asked and not reported', { askedPeriods: [W15] }, 'missing', 'yellow', 'missing'],
    ['on track, but the report was returned for more: yellow until made good', { reports: [report('2022-04-12', { period: W15, status: 'on_track', returned: true })] }, 'on_track', 'yellow', 'returned'],
    ['overdue', { deadline: '2022-04-01' }, 'overdue', 'red', 'overdue'],
    ['deadline within five working days', { deadline: '2022-04-19', reports: [report('2022-04-12', { period: W15, status: 'on_track' })] }, 'on_track', 'yellow', 'due_soon'],
    ['awaiting confirmation, even past its deadline', { lifecycle: 'done_pending' as const, deadline: '2022-04-01' }, 'done', 'green', 'done_pending'],
    ['closed', { lifecycle: 'closed' as const, deadline: '2022-04-01' }, 'done', 'green', 'closed'],
    ['paused, even past its deadline', { lifecycle: 'paused' as const, deadline: '2022-04-01' }, 'overdue', 'none', 'paused'],
    ['a target far behind', { targets: [target({ kind: 'cumulative', value: 100, unit: '项', history: [['2022-04-12', 1]] })], reports: [report('2022-04-12', { period: W15, status: 'on_track' })] }, 'on_track', 'red', 'far_behind'],
    // 「尚未启动」: the light comes from pace. 13 April is about a quarter of a year's time: work should have begun.
    ['not started, a quarter of the year gone: at risk by pace', { reports: [report('2022-04-12', { period: W15, status: 'not_started' })] }, 'not_started', 'yellow', 'not_started'],
    ['not started, the task itself starting in April: not yet a risk', { startDate: '2022-04-01', reports: [report('2022-04-12', { period: W15, status: 'not_started' })] }, 'not_started', 'green', 'on_track'],
    ['not started, a task of the second half: not yet a risk', { startDate: '2022-07-01', reports: [report('2022-04-12', { period: W15, status: 'not_started' })] }, 'not_started', 'green', 'on_track'],
    ['not started and blocked later: blocked wins', { reports: [report('2022-04-11', { period: W15, status: 'not_started' }), report('2022-04-12', { period: W15, status: 'blocked' })] }, 'blocked', 'red', 'blocked'],
    ['a 「已完成」 before the task was returned no longer counts', { lifecycleSince: new Date('2022-04-08T10:00:00+08:00'), reports: [report('2022-04-07', { period: '2022-W14', status: 'done' })] }, 'on_track', 'green', 'on_track'],
  ])('%s', (_what, o, progress, light, reason) => {
    const s = stateAt(o);
    expect(s.progress).toBe(progress);
    expect(s.light).toBe(light);
    expect(s.reasons[0]!.kind).toBe(reason);
  });

  it('red reasons come before yellow ones, all listed', () => {
    const s = stateAt({ deadline: '2022-04-01', askedPeriods: [W15], reports: [report('2022-03-30', { period: '2022-W13', status: 'at_risk' })] });
    expect(s.reasons.map((r) => r.kind)).toEqual(['overdue', 'missing']);
    expect(s.reasons[0]).toEqual({ kind: 'overdue', workdays: 7 }); // 2 Apr (a make-up Saturday), 6–8, 11–13 Apr; 4–5 Apr were 清明
  });

  it('a task not started turns yellow once its time gone passes the slack green allows (10%)', () => {
    const notStarted = { deadline: '2022-12-31', reports: [report('2022-01-10', { period: '2022-W02', status: 'not_started' as const })] };
    // 20 January: under a tenth of the working year gone.
    expect(stateAt(notStarted, '2022-01-20T10:00:00')).toMatchObject({ progress: 'not_started', light: 'green' });
    // 9 March: well past a tenth.
    expect(stateAt(notStarted, '2022-03-09T10:00:00')).toMatchObject({ progress: 'not_started', light: 'yellow', reasons: [{ kind: 'not_started' }] });
  });

  it('reports made after now are not seen', () => {
    expect(stateAt({ reports: [report('2022-04-14', { period: W15, status: 'blocked' })] }).progress).toBe('unknown');
  });
});

describe('deadline and words', () => {
  it('an extension: the effective deadline, the plan’s beside it', () => {
    const s = stateAt({ deadline: '2023-03-31', plannedDeadline: '2022-12-31' });
    expect(s.deadline).toMatchObject({ date: '2023-03-31', planned: '2022-12-31' });
    expect(stateAt({ deadline: '2022-12-31', plannedDeadline: '2022-12-31' }).deadline.planned).toBeNull();
  });

  it.each([
    ['2022-03-31', '2022-04-15', '3月31日'],
    ['2023-03-31', '2022-04-15', '2023年3月31日'],
    ['2021-12-31', '2022-01-05', '2021年12月31日'],
  ])('%s seen on %s reads 「%s」', (date, context, want) => expect(dateWord(date, context)).toBe(want));

  it('the ledger always writes the year', () => expect(fullDateWord('2022-03-01')).toBe('2022年3月1日'));

  it.each([
    [25.06, '家', '25家'], [3.14159, '亿元', '3.14亿元'], [12.345, '%', '12.3%'], [1234.6, '元', '1235元'], [1.256, '万人', '1.26万人'],
  ])('%d %s reads 「%s」', (v, unit, want) => expect(amountWord(v, unit)).toBe(want));
});
