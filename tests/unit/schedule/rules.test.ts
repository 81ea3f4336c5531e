/**
 * Schedule rules that each decide one thing the sweep or the card promises: a nudge's dueAt is the
 * moment it may go out (never inside quiet hours), equal quiet-hour bounds mean no quiet hours, an
 * owner or leader on leave today gets nothing today (not even a catch-up of an earlier day), and
 * leaders hear of red ladder steps only — in the sweep and in the card's 下次提醒 alike.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCHEDULE,
  dueNudges,
  isQuiet,
  nextAllowedMoment,
  nextNudgeAt,
} from '../../../bot/domain/schedule/index.js';
import { isQuietTime } from '../../../bot/domain/schedule/quiet-hours.js';
import type { ScheduleSettings } from '../../../bot/domain/schedule/index.js';
import { bj, cal, iso8, person, seedTask, simulateSweeps } from './helpers.js';

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const toMinutes = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));

/** Beijing date and minute of the day of an instant, computed here without the schedule's helpers. */
function beijing(d: Date): { date: string; minutes: number } {
  const shifted = new Date(d.getTime() + 8 * 3600_000);
  return { date: shifted.toISOString().slice(0, 10), minutes: shifted.getUTCHours() * 60 + shifted.getUTCMinutes() };
}

/** Whether nothing may go out at `d`, stated here: a non-working day, or inside [start, end) (wrapping midnight when start > end). */
function quietAt(d: Date, s: Pick<ScheduleSettings, 'quietStart' | 'quietEnd'>): boolean {
  const { date, minutes } = beijing(d);
  const [start, end] = [toMinutes(s.quietStart), toMinutes(s.quietEnd)];
  const inWindow = start < end ? start <= minutes && minutes < end : start > end ? minutes >= start || minutes < end : false;
  return !cal.isWorkday(date) || inWindow;
}

describe('equal quiet-hour start and end: no quiet hours', () => {
  const same = { quietStart: '08:00', quietEnd: '08:00' };

  it.each(['00:00', '03:00', '07:59', '08:00', '12:00', '23:59'])('%s on a working day is not quiet', (time) => {
    expect(isQuiet(bj(`2022-04-06 ${time}`), cal, same)).toBe(false);
    expect(isQuietTime(toMinutes(time), same)).toBe(false);
  });

  it('a non-working day is still quiet, and the next allowed moment is the next working day’s midnight', () => {
    expect(isQuiet(bj('2022-04-09 10:00'), cal, same)).toBe(true);
    expect(iso8(nextAllowedMoment(bj('2022-04-09 10:00'), cal, same))).toBe('2022-04-11T00:00:00+08:00');
    expect(iso8(nextAllowedMoment(bj('2022-04-06 03:00'), cal, same))).toBe('2022-04-06T03:00:00+08:00');
  });

  it('a check-in at 06:00 goes out at 06:00', () => {
    const settings = { ...DEFAULT_SCHEDULE, ...same, checkinAt: '06:00' };
    const { due } = dueNudges(seedTask(), bj('2022-04-11 06:00'), cal, settings);
    expect(due.map((n) => [n.key, iso8(n.dueAt)])).toEqual([['1:101:2022-W15:checkin', '2022-04-11T06:00:00+08:00']]);
  });
});

describe('nextAllowedMoment in other windows', () => {
  it.each([
    ['2022-04-06 12:30', '2022-04-06T13:30:00+08:00', 'inside a lunch window: its end, the same day'],
    ['2022-04-06 12:00', '2022-04-06T13:30:00+08:00', 'at its start'],
    ['2022-04-06 13:30', '2022-04-06T13:30:00+08:00', 'at its end: allowed'],
    ['2022-04-06 11:59', '2022-04-06T11:59:00+08:00', 'before it: unchanged'],
  ])('%s → %s (%s)', (local, expected) => {
    expect(iso8(nextAllowedMoment(bj(local), cal, { quietStart: '12:00', quietEnd: '13:30' }))).toBe(expected);
  });

  it('a calendar without working days is an error that names the calendar', () => {
    expect(() => nextAllowedMoment(bj('2022-04-06 10:00'), { isWorkday: () => false })).toThrow(/no allowed moment within ten years after 2022-04-06T02:00:00.000Z: check the calendar/);
  });
});

describe('a nudge’s dueAt is moved out of quiet hours, not only its sending', () => {
  it.each([
    ['21:00', '2022-04-11 23:00', '2022-04-12 08:00', '2022-04-12T08:00:00+08:00'],
    ['07:00', '2022-04-11 07:30', '2022-04-11 08:00', '2022-04-11T08:00:00+08:00'],
    ['20:00', '2022-04-11 21:00', '2022-04-12 08:30', '2022-04-12T08:00:00+08:00'],
  ])('check-in at %s: nothing due at %s; due at %s with dueAt %s', (checkinAt, before, after, dueAt) => {
    const settings = { ...DEFAULT_SCHEDULE, checkinAt };
    expect(dueNudges(seedTask(), bj(before), cal, settings).due).toEqual([]);
    const { due } = dueNudges(seedTask(), bj(after), cal, settings);
    expect(due.map((n) => [n.key, iso8(n.dueAt)])).toEqual([['1:101:2022-W15:checkin', dueAt]]);
  });

  it('a deadline ladder step at a quiet check-in time is due when the quiet hours end', () => {
    const settings = { ...DEFAULT_SCHEDULE, checkinAt: '22:00' };
    const task = seedTask({ cadence: 'off', deadline: '2022-06-30', leaders: [] });
    const { sent } = simulateSweeps(() => task, bj('2022-06-24 00:00'), bj('2022-07-01 23:30'), { settings });
    expect(sent.map((s) => [s.key, s.sentAt, s.dueAt])).toEqual([
      ['1:101:2022-06-30:deadline-5', '2022-06-24T08:00:00+08:00', '2022-06-24T08:00:00+08:00'],
      ['1:101:2022-06-30:deadline-1', '2022-06-30T08:00:00+08:00', '2022-06-30T08:00:00+08:00'],
      ['1:101:2022-06-30:deadline-0', '2022-07-01T08:00:00+08:00', '2022-07-01T08:00:00+08:00'],
    ]);
  });

  it('property: a nudge is never due in quiet hours or on a non-working day, and its dueAt is never there either', () => {
    const minute = fc.integer({ min: 0, max: 24 * 60 - 1 });
    const settingsArb = fc.record({ checkinAt: minute, quietStart: minute, quietEnd: minute }).map(
      (r): ScheduleSettings => ({ ...DEFAULT_SCHEDULE, checkinAt: hhmm(r.checkinAt), quietStart: hhmm(r.quietStart), quietEnd: hhmm(r.quietEnd) }),
    );
    const from = bj('2022-01-03 00:00').getTime();
    const moment = fc.integer({ min: 0, max: 300 * 24 * 60 }).map((m) => new Date(from + m * 60_000));
    const deadline = fc.integer({ min: 0, max: 330 }).map((d) => new Date(from + d * 86_400_000).toISOString().slice(0, 10));
    const cadence = fc.constantFrom('weekly', 'biweekly', 'monthly', 'off' as const);
    fc.assert(
      fc.property(settingsArb, moment, deadline, cadence, (settings, now, dl, c) => {
        const task = seedTask({ cadence: c, deadline: dl });
        const { due, skipped } = dueNudges(task, now, cal, settings);
        if (quietAt(now, settings)) expect(due).toEqual([]);
        for (const n of [...due, ...skipped]) {
          expect(quietAt(n.dueAt, settings), `${n.key} dueAt ${iso8(n.dueAt)}`).toBe(false);
          expect(n.dueAt.getTime()).toBeLessThanOrEqual(now.getTime());
        }
        const next = nextNudgeAt(task, now, cal, settings);
        if (next) {
          expect(quietAt(next, settings), `next ${iso8(next)}`).toBe(false);
          expect(next.getTime()).toBeGreaterThan(now.getTime());
        }
      }),
      { numRuns: 150, seed: 24 },
    );
  });
});

describe('leave today', () => {
  // overdue-6 of a 30 June deadline is due Friday 8 July 09:30; the sweep was down until Monday 11 July.
  const base = { cadence: 'off' as const, deadline: '2022-06-30' };

  it('an owner on leave today gets no catch-up of a step due before the leave; the leader still does', () => {
    const task = seedTask({ ...base, owners: [person(101, { leave: [{ from: '2022-07-11', to: '2022-07-11' }] })] });
    expect(dueNudges(task, bj('2022-07-11 10:00'), cal).due.map((n) => n.key)).toEqual(['1:900:2022-06-30:leader-overdue-6']);
    // The next day the owner is back: the step is caught up then.
    expect(dueNudges(task, bj('2022-07-12 08:00'), cal).due.map((n) => n.key)).toEqual([
      '1:101:2022-06-30:overdue-6',
      '1:900:2022-06-30:leader-overdue-6',
    ]);
  });

  it('a leader on leave today gets no catch-up either', () => {
    const task = seedTask({ ...base, leaders: [person(900, { leave: [{ from: '2022-07-11', to: '2022-07-11' }] })] });
    expect(dueNudges(task, bj('2022-07-11 10:00'), cal).due.map((n) => n.key)).toEqual(['1:101:2022-06-30:overdue-6']);
  });

  it('an owner on leave today has no check-in caught up either', () => {
    // W15's check-in was due Monday 11 April 09:30; the owner is away on Tuesday 12 April.
    const task = seedTask({ deadline: null, leaders: [], owners: [person(101, { leave: [{ from: '2022-04-12', to: '2022-04-12' }] })] });
    expect(dueNudges(task, bj('2022-04-12 10:00'), cal)).toEqual({ due: [], skipped: [] });
  });
});

describe('leaders only on red steps, in the card’s next nudge too', () => {
  it('with every owner away, the next nudge is the leader’s first red step, not a blue or yellow one', () => {
    const away = person(101, { leave: [{ from: '2022-06-01', to: '2022-08-31' }] });
    const task = seedTask({ cadence: 'off', deadline: '2022-06-30', owners: [away], leaders: [person(900)] });
    expect(iso8(nextNudgeAt(task, bj('2022-06-01 10:00'), cal)!)).toBe('2022-07-08T09:30:00+08:00');
  });
});

describe('a snooze holds steps: only those already due are recorded as skipped', () => {
  it('snoozed on Monday until Friday: on Tuesday the check-in is skipped, the later follow-ups are not yet', () => {
    const owner = person(101, { snoozes: [{ period: '2022-W15', until: bj('2022-04-15 09:30') }] });
    const task = seedTask({ owners: [owner], leaders: [] });
    expect(dueNudges(task, bj('2022-04-12 10:00'), cal)).toEqual({
      due: [],
      skipped: [{ key: '1:101:2022-W15:checkin', taskId: 1, personId: 101, period: '2022-W15', kind: 'checkin', level: null, dueAt: bj('2022-04-11 09:30'), role: 'owner' }],
    });
    const friday = dueNudges(task, bj('2022-04-15 09:30'), cal);
    expect(friday.due.map((n) => n.key)).toEqual(['1:101:2022-W15:snooze1']);
    expect(friday.skipped.map((n) => n.key)).toEqual(['1:101:2022-W15:checkin', '1:101:2022-W15:followup1', '1:101:2022-W15:followup2']);
  });
});
