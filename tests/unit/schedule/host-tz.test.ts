/**
 * Host time zone independence: the same walk gives the same instants whatever process.env.TZ
 * says (Node re-reads TZ when it is assigned). Each case checks that the switch took effect.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { atShanghai, shanghaiDate } from '../../../bot/domain/calendar/work-calendar.js';
import { isQuiet, nextNudgeAt, periodOf } from '../../../bot/domain/schedule/index.js';
import { bj, cal, person, seedTask, simulateSweeps } from './helpers.js';

const originalTz = process.env.TZ;
afterAll(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

/** A fingerprint of everything the schedule says over a busy fortnight. */
function fingerprint(): string[] {
  const task = seedTask({ deadline: '2022-05-06', owners: [person(101)], leaders: [person(900)] });
  const { sent } = simulateSweeps(() => task, bj('2022-04-25 00:00'), bj('2022-05-13 23:00'), { everyMinutes: 60 });
  return [
    ...sent.map((s) => `${s.key} due ${s.dueAt} sent ${s.sentAt}`),
    `date ${shanghaiDate(new Date('2022-04-05T16:30:00Z'))}`,
    `at ${atShanghai('2022-05-07', '09:30').toISOString()}`,
    `quiet ${isQuiet(new Date('2022-04-01T23:30:00Z'), cal)}`, // Sat 2 Apr 07:30 in Beijing
    `week ${periodOf('weekly', '2022-01-02').id}`,
    `next ${nextNudgeAt(task, bj('2022-05-09 10:00'), cal)?.toISOString()}`,
  ];
}

// Offsets on 2022-04-01: UTC 0, Los Angeles −7 h, Kiritimati +14 h, Kathmandu +5:45.
const zones = [
  ['UTC', 0],
  ['America/Los_Angeles', 420],
  ['Pacific/Kiritimati', -840],
  ['Asia/Kathmandu', -345],
  ['Asia/Shanghai', -480],
] as const;

describe('host time zone', () => {
  let reference: string[] | undefined;

  it.each(zones)('TZ=%s gives the same schedule', (tz, offset) => {
    process.env.TZ = tz;
    expect(new Date(Date.UTC(2022, 3, 1, 12)).getTimezoneOffset()).toBe(offset);
    const result = fingerprint();
    expect(result.length).toBeGreaterThan(10);
    reference ??= result;
    expect(result).toEqual(reference);
  });

  it('and the schedule is the expected one', () => {
    expect(reference).toContain('1:101:2022-W18:checkin due 2022-05-05T09:30:00+08:00 sent 2022-05-05T10:00:00+08:00');
    expect(reference).toContain('date 2022-04-06');
    expect(reference).toContain('at 2022-05-07T01:30:00.000Z');
    expect(reference).toContain('quiet true');
    expect(reference).toContain('week 2021-W52');
  });
});
