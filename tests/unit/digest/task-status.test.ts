/** taskStatus and taskLight: the digest's status and light rules (table-driven). */
import { describe, expect, it } from 'vitest';
import type { TargetPace } from '../../../bot/domain/digest/model.js';
import { taskLight } from '../../../bot/domain/digest/task-light.js';
import { taskStatus } from '../../../bot/domain/digest/task-status.js';
import type { DigestStatus, DigestTaskInput, Light } from '../../../bot/domain/digest/types.js';
import { baseTask, NOW, report } from './fixtures.js';

const TODAY = '2022-04-15';
const W15 = '2022-W15';
const W14 = '2022-W14';
const onLeave = (name: string) => ({ personId: name.length, name, onLeave: true });
const working = (name: string) => ({ personId: name.length + 10, name, onLeave: false });

const rows: [string, Partial<DigestTaskInput>, DigestStatus][] = [
  ['state done', { state: 'done' }, 'done'],
  ['latest stated report says done, later values-only report', { reports: [report(W15, '2022-04-14 09:00', null, '118家'), report(W14, '2022-04-08 09:00', 'done', '完成')] }, 'done'],
  ['done then reopened as at risk', { reports: [report(W15, '2022-04-14 09:00', 'at_risk', '返工'), report(W14, '2022-04-08 09:00', 'done', '完成')] }, 'at_risk'],
  ['done wins over a passed deadline', { deadline: '2022-03-31', state: 'done' }, 'done'],
  ['past the deadline, not done', { deadline: '2022-04-14', reports: [report(W15, '2022-04-13 09:00', 'on_track', '推进中')] }, 'overdue'],
  ['deadline today is not overdue', { deadline: TODAY, reports: [report(W15, '2022-04-13 09:00', 'on_track', '推进中')] }, 'on_track'],
  ['latest status of the current period', { reports: [report(W15, '2022-04-14 09:00', 'blocked', '卡住'), report(W15, '2022-04-12 09:00', 'on_track', '推进中')] }, 'blocked'],
  ['asked, no report this period → missing', { askedThisPeriod: true, reports: [report(W14, '2022-04-08 09:00', 'on_track', '推进中')] }, 'missing'],
  ['asked, never reported → missing', { askedThisPeriod: true }, 'missing'],
  ['asked, every owner on leave → earlier status', { askedThisPeriod: true, owners: [onLeave('甲'), onLeave('乙')], reports: [report(W14, '2022-04-08 09:00', 'at_risk', '风险')] }, 'at_risk'],
  ['asked, every owner on leave, never reported → unknown', { askedThisPeriod: true, owners: [onLeave('甲')] }, 'unknown'],
  ['asked, one owner on leave, one not → missing', { askedThisPeriod: true, owners: [onLeave('甲'), working('乙')] }, 'missing'],
  ['not asked → the latest earlier status carries', { reports: [report(W14, '2022-04-08 09:00', 'at_risk', '风险')] }, 'at_risk'],
  ['never a report → unknown', {}, 'unknown'],
  ['cadence off: the latest status carries', { currentPeriod: null, reports: [report('2022-03', '2022-03-08 09:00', 'on_track', '推进中')] }, 'on_track'],
  ['a report after now does not count', { askedThisPeriod: true, reports: [report(W15, '2022-04-16 09:00', 'on_track', '明天')] }, 'missing'],
  ['numbers only, no status ever stated → on track', { reports: [report(W15, '2022-04-14 09:00', null, '118家')] }, 'on_track'],
];

describe('taskStatus', () => {
  it.each(rows)('%s', (_name, extra, want) => {
    expect(taskStatus(baseTask('1', extra), TODAY, NOW).status).toBe(want);
  });

  it('names the report a blocked status came from', () => {
    const blocked = report(W15, '2022-04-14 09:00', 'blocked', '缺场地');
    expect(taskStatus(baseTask('1', { reports: [blocked] }), TODAY, NOW).source).toBe(blocked);
  });
});

const pace = (verdict: TargetPace['verdict']) => ({ verdict }) as TargetPace;

const lights: [DigestStatus, TargetPace[], Light][] = [
  ['blocked', [], 'red'],
  ['overdue', [], 'red'],
  ['on_track', [pace('far_behind')], 'red'],
  ['at_risk', [pace('on_pace')], 'yellow'],
  ['missing', [], 'yellow'],
  ['on_track', [pace('on_pace'), pace('lagging')], 'yellow'],
  ['on_track', [pace('on_pace'), pace(null)], 'green'],
  ['done', [], 'green'],
  ['unknown', [], 'grey'],
  ['at_risk', [pace('far_behind')], 'red'],
];

describe('taskLight', () => {
  it.each(lights)('%s with %j → %s', (status, targets, want) => {
    expect(taskLight(status, targets)).toBe(want);
  });
});
