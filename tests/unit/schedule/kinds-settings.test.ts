/**
 * Small schedule rules each stated at its edges: which kinds are the schedule's own, a milestone's id
 * in its kind, leave days inclusive, the settings check, one copy per person, and how the ladder reads
 * its offsets and the check-in its follow-ups.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEDULE, checkSettings } from '../../../bot/domain/schedule/index.js';
import type { ScheduleSettings } from '../../../bot/domain/schedule/index.js';
import { periodOf } from '../../../bot/domain/schedule/periods.js';
import { uniquePeople } from '../../../bot/domain/schedule/due-nudges.js';
import { checkinSteps, ladderSteps, milestoneSteps } from '../../../bot/domain/schedule/steps.js';
import { isOnLeave, isScheduledKind, milestoneIdOf, nudgeKey } from '../../../bot/domain/schedule/types.js';
import { cal, iso8, person } from './helpers.js';

describe('scheduled kinds', () => {
  it.each(['checkin', 'followup1', 'followup2', 'snooze1', 'deadline-10', 'deadline-0', 'overdue-6', 'leader-overdue-6', 'milestone-3-overdue-2'])(
    '%s is the schedule’s',
    (kind) => expect(isScheduledKind(kind)).toBe(true),
  );
  it.each(['remind', 'return', 'manual', 'x-checkin', 'deadline', 'overdue'])('%s is on demand', (kind) => expect(isScheduledKind(kind)).toBe(false));

  it('a milestone’s id is read from the start of its kind only', () => {
    expect(milestoneIdOf('milestone-17-deadline-0')).toBe(17);
    expect(milestoneIdOf('milestone-x-deadline-0')).toBeNull();
    expect(milestoneIdOf('leader-milestone-17-overdue-2')).toBeNull();
    expect(milestoneIdOf('milestone-17')).toBeNull();
  });

  it('the key joins task, person, period and kind', () => {
    expect(nudgeKey(7, 101, '2022-W14', 'checkin')).toBe('7:101:2022-W14:checkin');
  });
});

describe('leave is inclusive of both days', () => {
  const p = person(1, { leave: [{ from: '2022-04-11', to: '2022-04-13' }, { from: '2022-05-01', to: '2022-05-01' }] });
  it.each([
    ['2022-04-10', false], ['2022-04-11', true], ['2022-04-12', true], ['2022-04-13', true], ['2022-04-14', false],
    ['2022-05-01', true], ['2022-05-02', false],
  ])('%s → %s', (date, away) => expect(isOnLeave(p, date)).toBe(away));
});

describe('checkSettings', () => {
  it.each<[Partial<ScheduleSettings>, RegExp]>([
    [{ redAfter: 0 }, /redAfter must be a whole number ≥ 1, got 0/],
    [{ overdueEvery: 1.5 }, /overdueEvery must be a whole number ≥ 1, got 1.5/],
    [{ deadlineOffsets: [1.5] }, /deadlineOffsets must be whole numbers ≥ 0, got \[1.5\]/],
    [{ quietStart: '8:00' }, /quietStart must be HH:mm, got "8:00"/],
    [{ followups: ['last-workday', 'last-workday', 'third-workday'] }, /followups allows at most two, got 3/],
  ])('rejects %j', (patch, message) => {
    expect(() => checkSettings({ ...DEFAULT_SCHEDULE, ...patch })).toThrow(message);
  });

  it('accepts the edges: offsets of 0, two follow-ups, an interval and threshold of 1', () => {
    const s = { ...DEFAULT_SCHEDULE, deadlineOffsets: [0], followups: ['last-workday', 'third-workday'] as ScheduleSettings['followups'], overdueEvery: 1, redAfter: 1 };
    expect(checkSettings(s)).toBe(s);
  });
});

describe('uniquePeople', () => {
  it('keeps the first of each person, in order', () => {
    const a = person(1, { answeredPeriods: ['x'] });
    expect(uniquePeople([a, person(2), person(1), person(3), person(2)]).map((p) => p.personId)).toEqual([1, 2, 3]);
    expect(uniquePeople([a, person(1)])[0]).toBe(a);
  });
});

describe('steps', () => {
  const at = (steps: { kind: string; dueAt: Date; level: string | null }[]) => steps.map((s) => `${s.kind} ${iso8(s.dueAt).slice(0, 16)} ${s.level}`);

  it('ladder offsets: duplicates once, largest first, 0 is the deadline day itself', () => {
    const s = { ...DEFAULT_SCHEDULE, deadlineOffsets: [1, 5, 0, 5] };
    expect(at(ladderSteps('2022-06-30', '2022-06-30', cal, s))).toEqual([
      'deadline-5 2022-06-23T09:30 blue',
      'deadline-1 2022-06-29T09:30 blue',
      'deadline-0 2022-06-30T09:30 blue',
    ]);
  });

  it('an offset of 0 is the deadline-0 step, on the last working day before a deadline in a holiday', () => {
    const s = { ...DEFAULT_SCHEDULE, deadlineOffsets: [0, 1] };
    expect(at(ladderSteps('2022-10-01', '2022-10-01', cal, s))).toEqual(['deadline-0 2022-09-30T09:30 blue']);
  });

  it('a period with one working day has its check-in only', () => {
    const oneDay = { isWorkday: (d: string) => d === '2022-04-13' };
    expect(at(checkinSteps(periodOf('weekly', '2022-04-13'), oneDay, DEFAULT_SCHEDULE))).toEqual(['checkin 2022-04-13T09:30 null']);
  });

  it('ladder steps stop at `until`; overdue every N working days, red from redAfter', () => {
    expect(at(ladderSteps('2022-06-30', '2022-06-29', cal, DEFAULT_SCHEDULE))).toEqual([
      'deadline-10 2022-06-16T09:30 blue',
      'deadline-5 2022-06-23T09:30 blue',
      'deadline-1 2022-06-29T09:30 blue',
    ]);
    const s = { ...DEFAULT_SCHEDULE, deadlineOffsets: [], overdueEvery: 3, redAfter: 6 };
    expect(at(ladderSteps('2022-06-30', '2022-07-11', cal, s))).toEqual([
      'deadline-0 2022-06-30T09:30 blue',
      'overdue-3 2022-07-05T09:30 yellow',
      'overdue-6 2022-07-08T09:30 red',
    ]);
  });

  it('a milestone’s ladder ends at its first red step', () => {
    const s = { ...DEFAULT_SCHEDULE, deadlineOffsets: [], overdueEvery: 2, redAfter: 4 };
    expect(at(milestoneSteps({ id: 9, due: '2022-06-30' }, '2022-07-29', cal, s))).toEqual([
      'milestone-9-deadline-0 2022-06-30T09:30 blue',
      'milestone-9-overdue-2 2022-07-04T09:30 yellow',
      'milestone-9-overdue-4 2022-07-06T09:30 red',
    ]);
  });

  it('follow-ups in date order whatever the settings’ order; none on the check-in day', () => {
    const reversed = { ...DEFAULT_SCHEDULE, followups: ['last-workday', 'third-workday'] as ScheduleSettings['followups'] };
    expect(at(checkinSteps(periodOf('weekly', '2022-04-13'), cal, reversed))).toEqual([
      'checkin 2022-04-11T09:30 null',
      'followup1 2022-04-13T09:30 null',
      'followup2 2022-04-15T09:30 null',
    ]);
    // 2022-W40: National Day week, whose only working days are the make-up Saturday and Sunday (8, 9 Oct).
    expect(at(checkinSteps(periodOf('weekly', '2022-10-05'), cal, DEFAULT_SCHEDULE))).toEqual([
      'checkin 2022-10-08T09:30 null',
      'followup1 2022-10-09T09:30 null',
    ]);
    // 2022-W05: the Spring Festival week has no working day, so no check-in.
    expect(checkinSteps(periodOf('weekly', '2022-02-02'), cal, DEFAULT_SCHEDULE)).toEqual([]);
  });
});
