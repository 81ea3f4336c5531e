/** Pace per target, by kind of target: the rules of bot/domain/task-state/target-state.ts. */
import { describe, expect, it } from 'vitest';
import { chineseWorkCalendar } from '../../../bot/domain/calendar/chinese-calendar.js';
import { workdaysIn } from '../../../bot/domain/calendar/work-calendar.js';
import { taskState } from '../../../bot/domain/task-state/task-state.js';
import type { StateTarget, TargetState } from '../../../bot/domain/task-state/types.js';
import { ctxAt, target, task, YEAR } from './helpers.js';

const cal = chineseWorkCalendar();
/** Share of the working days from `from` to `to` (inclusive) gone by `today` (inclusive): counted here independently. */
const share = (from: string, to: string, today: string) => workdaysIn(cal, from, today).length / workdaysIn(cal, from, to).length;

function stateOf(t: StateTarget, now: string, o: Parameters<typeof task>[0] = {}): TargetState {
  return taskState(task({ targets: [t], ...o }), ctxAt(now)).targets[0]!;
}

describe('running totals and money: latest ÷ target against time from the start to the deadline', () => {
  it('on pace at half way with half done', () => {
    const s = stateOf(target({ kind: 'cumulative', label: '技术合同登记', value: 70, unit: '项', history: [['2022-06-30', 35]] }), '2022-06-30');
    const time = share('2022-01-01', '2022-12-31', '2022-06-30');
    expect(s).toMatchObject({ basis: 'total', latest: 35, done: 0.5, verdict: 'on_pace', baseline: null });
    expect(s.time).toBeCloseTo(time, 10);
    expect(s.expected).toBe(Math.round(70 * time)); // a count of 项: a whole number
  });

  it('judges done ÷ time against 0.9 (lagging below) and 0.6 (far behind below)', () => {
    const time = share('2022-01-01', '2022-12-31', '2022-06-30');
    const judge = (latest: number) => stateOf(target({ kind: 'cumulative', value: 100, unit: '项', history: [['2022-06-30', latest]] }), '2022-06-30').verdict;
    expect(judge(Math.ceil(100 * time * 0.9))).toBe('on_pace');
    expect(judge(Math.floor(100 * time * 0.9) - 1)).toBe('lagging');
    expect(judge(Math.ceil(100 * time * 0.6))).toBe('lagging');
    expect(judge(Math.floor(100 * time * 0.6) - 1)).toBe('far_behind');
  });

  it('money is paced like a total, its expectation in two decimals', () => {
    const s = stateOf(target({ kind: 'money', label: '技术合同登记', value: 11, unit: '亿元', history: [['2022-04-15', 2.6]] }), '2022-04-15');
    const time = share('2022-01-01', '2022-12-31', '2022-04-15');
    expect(s.basis).toBe('total');
    expect(s.expected).toBe(Math.round(11 * time * 100) / 100);
    expect(s.done).toBeCloseTo(2.6 / 11, 10);
  });

  it('time runs to the task’s own (extended) deadline, not the plan’s end', () => {
    const s = stateOf(target({ kind: 'cumulative', value: 10, unit: '场', history: [['2022-03-31', 5]] }), '2022-03-31', { deadline: '2022-06-30' });
    expect(s.time).toBeCloseTo(share('2022-01-01', '2022-06-30', '2022-03-31'), 10);
  });

  it('nothing reported: no measure, no verdict', () => {
    expect(stateOf(target({ kind: 'cumulative', value: 10, unit: '场' }), '2022-05-01')).toMatchObject({ basis: 'none', latest: null, done: null, time: null, verdict: null, expected: null, ofTarget: null });
  });
});

describe('levels: from the baseline to the target', () => {
  it('a first report is the baseline, with no pace yet; bureaus still read it against the target', () => {
    const s = stateOf(target({ history: [['2022-03-21', 118]] }), '2022-03-25');
    expect(s).toMatchObject({ basis: 'baseline_only', baseline: 118, baselineFrom: 'first_report', done: null, time: null, verdict: null, expected: null });
    expect(s.ofTarget).toBeCloseTo(118 / 140, 10);
  });

  it('after the first report the clock starts at its date: 120 three weeks after 118 is on pace, not 「严重落后」', () => {
    const s = stateOf(target({ history: [['2022-03-21', 118], ['2022-04-11', 120]] }), '2022-04-11');
    const time = share('2022-03-21', '2022-12-31', '2022-04-11');
    expect(s).toMatchObject({ basis: 'from_baseline', baseline: 118, baselineFrom: 'first_report', latest: 120, verdict: 'on_pace' });
    expect(s.done).toBeCloseTo(2 / 22, 10);
    expect(s.time).toBeCloseTo(time, 10);
    expect(s.expected).toBe(Math.round(118 + 22 * time));
  });

  it('a baseline the plan gives counts from the start, and is labelled as the plan’s', () => {
    const s = stateOf(target({ baseline: 100, value: 140, history: [['2022-06-30', 105]] }), '2022-06-30');
    const time = share('2022-01-01', '2022-12-31', '2022-06-30');
    expect(s).toMatchObject({ basis: 'from_baseline', baseline: 100, baselineFrom: 'plan', verdict: 'far_behind' });
    expect(s.done).toBeCloseTo(5 / 40, 10);
    expect(s.time).toBeCloseTo(time, 10);
  });

  it('values reported before the period start are not a baseline', () => {
    const s = stateOf(target({ history: [['2021-12-20', 90], ['2022-02-10', 118]] }), '2022-02-15');
    expect(s).toMatchObject({ basis: 'baseline_only', baseline: 118 });
  });

  it('a met level is on pace, whatever the time', () => {
    expect(stateOf(target({ history: [['2022-02-01', 100], ['2022-02-08', 141]] }), '2022-02-08').verdict).toBe('on_pace');
  });
});

describe('rates, caps, notes', () => {
  it('a percentage is the rate itself; time does not apply', () => {
    const s = stateOf(target({ kind: 'percent', label: '研发投入强度', value: 2.1, unit: '%', history: [['2022-06-30', 1.5]] }), '2022-06-30');
    expect(s).toMatchObject({ basis: 'rate', time: null, expected: null, verdict: null });
    expect(s.done).toBeCloseTo(1.5 / 2.1, 10);
  });

  it('an at_most cap is on pace within it and red past it', () => {
    const cap = (v: number) => stateOf(target({ comparator: 'at_most', kind: 'percent', value: 5, unit: '%', history: [['2022-05-01', v]] }), '2022-05-05').verdict;
    expect(cap(5)).toBe('on_pace');
    expect(cap(5.1)).toBe('far_behind');
  });

  it('the owner’s note makes a lumpy target on pace', () => {
    const s = stateOf(target({ kind: 'cumulative', value: 100, unit: '项', paceNote: '集中在四季度', history: [['2022-09-30', 1]] }), '2022-09-30');
    expect(s.verdict).toBe('on_pace');
  });

  it('a counted unit shows whole numbers: 序时应达 25, never 25.06', () => {
    const s = stateOf(target({ kind: 'cumulative', value: 100, unit: '家', history: [['2022-04-01', 20]] }), '2022-04-01');
    expect(Number.isInteger(s.expected)).toBe(true);
  });
});

describe('periods', () => {
  it('a quarter’s plan measures time within the quarter', () => {
    const q2 = { start: '2022-04-01', end: '2022-06-30' };
    const s = taskState(task({ deadline: '2022-06-30', targets: [target({ kind: 'cumulative', value: 10, unit: '场', history: [['2022-05-16', 5]] })] }), ctxAt('2022-05-16', q2));
    expect(s.time.start).toBe('2022-04-01');
    expect(s.targets[0]!.time).toBeCloseTo(share('2022-04-01', '2022-06-30', '2022-05-16'), 10);
  });

  it('a task’s own start date wins over the plan’s', () => {
    const s = taskState(task({ startDate: '2022-07-01', targets: [target({ kind: 'cumulative', value: 10, unit: '场', history: [['2022-09-30', 5]] })] }), ctxAt('2022-09-30', YEAR));
    expect(s.time.start).toBe('2022-07-01');
    expect(s.time.share).toBeCloseTo(share('2022-07-01', '2022-12-31', '2022-09-30'), 10);
    expect(s.targets[0]!.time).toBeCloseTo(share('2022-07-01', '2022-12-31', '2022-09-30'), 10);
  });

  it('make-up working days count (2022-04-24, a Sunday, was a working day)', () => {
    const before = taskState(task({ deadline: '2022-04-29' }), ctxAt('2022-04-22'));
    const after = taskState(task({ deadline: '2022-04-29' }), ctxAt('2022-04-25'));
    expect(before.deadline.workdaysLeft - after.deadline.workdaysLeft).toBe(2); // Sunday 24 and Monday 25
    expect(after.time.share).toBeCloseTo(share('2022-01-01', '2022-04-29', '2022-04-25'), 10);
  });
});
