/**
 * 推迟提醒 (「明天再报」): when the reminder goes out, on the Chinese working calendar (Qingming 2022:
 * Sat 2 Apr a make-up working day, 3–5 Apr holidays), the bounds, and how the sweep holds the
 * period's follow-ups and sends one reminder instead.
 */
import { describe, expect, it } from 'vitest';
import { nextNudgeAt } from '../../../bot/domain/schedule/next-nudge.js';
import { periodOf } from '../../../bot/domain/schedule/periods.js';
import { DEFAULT_SCHEDULE } from '../../../bot/domain/schedule/settings.js';
import { planSnooze, type Snooze } from '../../../bot/domain/schedule/snooze.js';
import type { SnoozeAsk } from '../../../bot/domain/reply/self-help-words.js';
import type { PeriodCadence } from '../../../bot/domain/schedule/settings.js';
import { bj, cal, iso8, person, row, seedTask, simulateSweeps } from './helpers.js';

function plan(ask: SnoozeAsk, local: string, o: { cadence?: PeriodCadence; deadline?: string | null; earlier?: number } = {}) {
  const now = bj(local);
  const period = periodOf(o.cadence ?? 'weekly', local.slice(0, 10));
  const p = planSnooze({ ask, now, period, deadline: o.deadline ?? '2022-12-31', earlier: o.earlier ?? 0 }, cal, DEFAULT_SCHEDULE);
  return p.ok ? { at: iso8(p.until).slice(0, 16), remind: p.remind } : p;
}

describe('when a snooze reminds', () => {
  it.each([
    ['tomorrow', '2022-04-11 10:00', 'weekly', '2022-04-12T09:30', true],
    ['tomorrow', '2022-04-01 10:00', 'weekly', '2022-04-02T09:30', true], // Friday → the make-up working Saturday
    ['tomorrow', '2022-04-02 10:00', 'weekly', '2022-04-06T09:30', false], // over Qingming: next week, the check-in comes anyway
    ['tomorrow', '2022-04-02 10:00', 'monthly', '2022-04-06T09:30', true], // same month: a reminder after the holiday
    ['tomorrow', '2022-04-15 10:00', 'monthly', '2022-04-18T09:30', true], // Friday → Monday
    ['two-days', '2022-04-01 10:00', 'monthly', '2022-04-06T09:30', true], // Sat 2 Apr, then Wed 6 Apr
    ['next-week', '2022-04-11 10:00', 'weekly', '2022-04-18T09:30', false],
    ['next-week', '2022-04-11 10:00', 'monthly', '2022-04-18T09:30', true],
    ['next-week', '2022-03-31 10:00', 'weekly', '2022-04-06T09:30', false], // next Monday is a holiday: Wednesday's check-in
    ['later', '2022-04-11 10:00', 'weekly', '2022-04-11T12:00', true],
    ['later', '2022-04-11 19:00', 'weekly', '2022-04-12T08:00', true], // out of the quiet hours
  ] as const)('%s at %s (%s) → %s', (ask, local, cadence, at, remind) => {
    expect(plan(ask, local, { cadence })).toEqual({ at, remind });
  });

  it('is refused after two snoozes in the period, and past the deadline', () => {
    expect(plan('tomorrow', '2022-04-11 10:00', { earlier: 1 })).toMatchObject({ remind: true });
    expect(plan('tomorrow', '2022-04-11 10:00', { earlier: 2 })).toEqual({ ok: false, why: 'too-many' });
    expect(plan('tomorrow', '2022-04-11 10:00', { deadline: '2022-04-11' })).toEqual({ ok: false, why: 'past-deadline', deadline: '2022-04-11' });
    expect(plan('next-week', '2022-04-11 10:00', { deadline: '2022-04-15' })).toEqual({ ok: false, why: 'past-deadline', deadline: '2022-04-15' });
    expect(plan('tomorrow', '2022-04-11 10:00', { deadline: '2022-04-12' })).toMatchObject({ remind: true });
  });
});

/** Sweeps from `from` to `to`; each snooze exists from its own moment on. */
function walk(from: string, to: string, snoozes: { at: string; snooze: Snooze }[]) {
  const taskAt = (now: Date) => seedTask({
    leaders: [],
    owners: [person(101, { snoozes: snoozes.filter((z) => bj(z.at) <= now).map((z) => z.snooze) })],
  });
  const r = simulateSweeps(taskAt, bj(from), bj(to));
  return { sent: r.sent.map(row), skipped: [...r.skipped].map((k) => k.split(':').slice(2).join(':')) };
}

describe('the sweep under a snooze', () => {
  it('holds the follow-ups up to the reminder and sends one reminder there', () => {
    const r = walk('2022-04-11 00:00', '2022-04-17 23:30', [{ at: '2022-04-11 10:00', snooze: { period: '2022-W15', until: bj('2022-04-12 09:30') } }]);
    expect(r.sent).toEqual([
      '2022-W15:checkin @ 2022-04-11T09:30',
      '2022-W15:snooze1 @ 2022-04-12T09:30',
      '2022-W15:followup1 @ 2022-04-13T09:30',
      '2022-W15:followup2 @ 2022-04-15T09:30',
    ]);
  });

  it('「下周再报」: the rest of the period is held (a snoozed follow-up is not sent), next week’s check-in comes', () => {
    const r = walk('2022-04-11 00:00', '2022-04-18 23:30', [{ at: '2022-04-13 10:00', snooze: { period: '2022-W15', until: bj('2022-04-18 09:30') } }]);
    expect(r.sent).toEqual(['2022-W15:checkin @ 2022-04-11T09:30', '2022-W15:followup1 @ 2022-04-13T09:30', '2022-W16:checkin @ 2022-04-18T09:30']);
    expect(r.skipped).toContain('2022-W15:followup2');
  });

  it('a second snooze replaces the first reminder, and holds the follow-up due at its moment', () => {
    const r = walk('2022-04-11 00:00', '2022-04-15 23:30', [
      { at: '2022-04-11 10:00', snooze: { period: '2022-W15', until: bj('2022-04-12 09:30') } },
      { at: '2022-04-12 10:00', snooze: { period: '2022-W15', until: bj('2022-04-13 09:30') } },
    ]);
    expect(r.sent).toEqual([
      '2022-W15:checkin @ 2022-04-11T09:30',
      '2022-W15:snooze1 @ 2022-04-12T09:30',
      '2022-W15:snooze2 @ 2022-04-13T09:30',
      '2022-W15:followup2 @ 2022-04-15T09:30',
    ]);
    expect(r.skipped).toContain('2022-W15:followup1');
  });

  it('across the make-up Saturday and Qingming: Friday’s 「明天」 reminds on Saturday; Saturday’s waits for Wednesday’s check-in', () => {
    const r = walk('2022-03-28 00:00', '2022-04-06 23:30', [
      { at: '2022-04-01 10:00', snooze: { period: '2022-W13', until: bj('2022-04-02 09:30') } },
      { at: '2022-04-02 10:00', snooze: { period: '2022-W13', until: bj('2022-04-06 09:30') } },
    ]);
    expect(r.sent).toEqual([
      '2022-W13:checkin @ 2022-03-28T09:30',
      '2022-W13:followup1 @ 2022-03-30T09:30',
      '2022-W13:snooze1 @ 2022-04-02T09:30',
      '2022-W14:checkin @ 2022-04-06T09:30',
    ]);
    expect(r.skipped).toContain('2022-W13:followup2'); // due on Saturday 09:30, held by the reminder
  });

  it('an answered period gets no reminder', () => {
    const taskAt = () => seedTask({ leaders: [], owners: [person(101, { answeredPeriods: ['2022-W15'], snoozes: [{ period: '2022-W15', until: bj('2022-04-12 09:30') }] })] });
    expect(simulateSweeps(taskAt, bj('2022-04-12 00:00'), bj('2022-04-12 23:30')).sent).toEqual([]);
  });

  it('next-nudge (下次提醒) agrees: the reminder, not the held follow-up', () => {
    const snoozes = [{ period: '2022-W15', until: bj('2022-04-14 09:30') }];
    const t = seedTask({ leaders: [], owners: [person(101, { snoozes })] });
    expect(iso8(nextNudgeAt(t, bj('2022-04-12 10:00'), cal)!)).toBe('2022-04-14T09:30:00+08:00');
    expect(iso8(nextNudgeAt(seedTask({ leaders: [] }), bj('2022-04-12 10:00'), cal)!)).toBe('2022-04-13T09:30:00+08:00');
  });
});
