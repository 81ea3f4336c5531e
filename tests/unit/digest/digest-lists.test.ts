/**
 * The digest's lists as whole objects, one rule per case: which reasons a task needing leaders carries
 * (every kind of the engine's light, then its pending extensions, nothing for a reason with nothing to
 * look at), which tasks are due soon and in what order, what the period's reporting counts, which
 * targets the chart shows. States come from the engine, as the digest gets them.
 */
import { describe, expect, it } from 'vitest';
import { buildTask } from '../../../bot/domain/digest/build-task.js';
import { chartBars, dueSoon, needsLeaders, reportingSummary, WORDS_MAX } from '../../../bot/domain/digest/digest-lists.js';
import type { DigestTask } from '../../../bot/domain/digest/model.js';
import { bj, contextAt, digestTask, report, target, type TaskSpec } from './fixtures.js';

const W15 = '2022-W15';
const EXTENSION = { requestId: 1, by: '赵六', to: '2022-12-31', reason: '设备未到位' };
const asked = { askedPeriods: [W15] };
/** Task `code` as the digest holds it, its state on Friday 15 April 2022, 16:00 Beijing time. */
const task = (code: string, spec: TaskSpec): DigestTask => buildTask(digestTask(code, spec), null).task;

describe('needsLeaders', () => {
  it('a yellow task with an extension request: its light’s reasons, then the request', () => {
    const [item] = needsLeaders([task('3', { ...asked, deadline: '2022-04-20', extensionRequests: [EXTENSION] })]);
    expect(item).toEqual({
      taskId: 3, code: '3', shownCode: '3', title: '培育高成长企业', light: 'yellow', status: 'missing',
      owners: [{ personId: 103, name: '责任人3', onLeave: false }], leadUnits: ['区科技局'],
      reasons: [
        { kind: 'missing' },
        { kind: 'due_soon', deadline: '2022-04-20', workdays: 3, daysLeft: 5 },
        { kind: 'extension', by: '赵六', to: '2022-12-31', reason: '设备未到位' },
      ],
    });
  });

  it('a report returned for more, and work not started once pace says it should have', () => {
    const returned = task('1', { ...asked, reports: [report(W15, '2022-04-13 10:00', 'on_track', '推进中', { returned: true })], extensionRequests: [EXTENSION] });
    const idle = task('2', { startDate: '2022-03-01', deadline: '2022-05-31', reports: [report(W15, '2022-04-13 10:00', 'not_started', '尚未启动')], extensionRequests: [EXTENSION] });
    expect(needsLeaders([returned, idle]).map((a) => a.reasons.map((r) => r.kind))).toEqual([['returned', 'extension'], ['not_started', 'extension']]);
  });

  it('a green task with a request carries only the request (on track is nothing to look at)', () => {
    const [item] = needsLeaders([task('1', { reports: [report(W15, '2022-04-13 10:00', 'on_track', '推进中')], extensionRequests: [EXTENSION] })]);
    expect(item?.reasons).toEqual([{ kind: 'extension', by: '赵六', to: '2022-12-31', reason: '设备未到位' }]);
  });

  it('a red task: a blocker’s words clipped; a task neither red nor asking for more time is not listed', () => {
    const long = '缺少场地'.repeat(40);
    const items = needsLeaders([
      task('4', { reports: [report(W15, '2022-04-12 09:00', 'blocked', long)], extensionRequests: [{ ...EXTENSION, reason: long }] }),
      task('5', { ...asked, deadline: '2022-04-20' }),
      task('22', { lifecycle: 'paused', extensionRequests: [] }),
    ]);
    expect(items.map((a) => a.code)).toEqual(['4']);
    const words = [...long].slice(0, WORDS_MAX - 1).join('') + '…';
    expect(items[0]?.reasons).toEqual([{ kind: 'blocked', words }, { kind: 'extension', by: '赵六', to: '2022-12-31', reason: words }]);
  });
});

describe('dueSoon', () => {
  it('active tasks not overdue within the working days, soonest first, plan order within a day', () => {
    const tasks = [
      task('1', { deadline: '2022-04-28' }), // 10 working days (Sunday 24 April is one, 调休)
      task('2', { deadline: '2022-04-29' }), // 11: not within 10
      task('3', { deadline: '2022-04-20' }),
      task('4', { deadline: '2022-04-15' }), // today
      task('5', { deadline: '2022-04-14' }), // yesterday: overdue, not due
      task('6', { deadline: '2022-04-20', lifecycle: 'paused' }),
      task('7', { deadline: '2022-04-18', lifecycle: 'done_pending' }),
      task('8', { deadline: '2022-04-20' }),
    ];
    expect(dueSoon(tasks, 10).map((x) => [x.code, x.deadline, x.workdaysLeft])).toEqual([
      ['4', '2022-04-15', 0], ['3', '2022-04-20', 3], ['8', '2022-04-20', 3], ['1', '2022-04-28', 10],
    ]);
    expect(dueSoon(tasks, 0).map((x) => x.code)).toEqual(['4']);
    // On the Saturday after: Friday's deadline has passed (though no working day has), Sunday's is ahead.
    const saturday = contextAt(bj('2022-04-16 10:00'));
    const weekend = [buildTask(digestTask('1', { deadline: '2022-04-15' }, saturday), null).task, buildTask(digestTask('2', { deadline: '2022-04-17' }, saturday), null).task];
    expect(dueSoon(weekend, 10).map((x) => [x.code, x.workdaysLeft])).toEqual([['2', 0]]);
    expect(dueSoon(tasks, 10)[1]).toEqual({ taskId: 3, code: '3', shownCode: '3', title: '培育高成长企业', deadline: '2022-04-20', workdaysLeft: 3, status: 'unknown', light: 'yellow' });
  });
});

describe('reportingSummary', () => {
  it('counts tasks asked: reported, missing, every owner on leave; tasks not asked are not counted', () => {
    const away = [{ from: '2022-04-11', to: '2022-04-22' }];
    const tasks = [
      task('1', { ...asked, reports: [report(W15, '2022-04-13 10:00', 'on_track', '推进中')] }),
      task('2', { ...asked }),
      task('3', { ...asked, reports: [report(W15, '2022-04-13 10:00', 'on_track', '推进中', { returned: true })] }),
      task('4', { ...asked, owners: [{ personId: 1, name: '甲', leave: away }] }),
      task('5', {}),
      task('6', { lifecycle: 'paused', ...asked }),
    ];
    expect(reportingSummary(tasks)).toEqual({ asked: 4, reported: 1, missing: 2, onLeave: 1 });
  });
});

describe('chartBars', () => {
  it('each target the engine gives both done and time for; a target without a value or without time is left out', () => {
    const bars = chartBars([
      task('1', {
        targets: [
          target(1, '注册企业', 100, '家', 'cumulative', [['2022-04-14 10:00', 10]]),
          target(2, '研发投入增长', 8, '%', 'percent', [['2022-04-14 10:00', 6.5]]),
          target(3, '新型研发机构', 10, '个', 'cumulative'),
          // A target of 0: no share done to speak of, though its time runs.
          target(4, '新增风险事项', 0, '项', 'cumulative', [['2022-04-14 10:00', 0]]),
        ],
      }),
    ]);
    expect(bars).toEqual([{ taskCode: '1', shownCode: '1', label: '注册企业', donePct: 10, timePct: 28.1, verdict: 'far_behind' }]);
  });
});
