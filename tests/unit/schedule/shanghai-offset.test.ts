/**
 * shanghaiParts and atShanghai keep the zone's offset for the rest of a UTC hour: they must give what a fresh
 * Intl lookup gives at every instant, across the DST switches of 1986–1991 and the end of local mean time,
 * whatever order the instants come in.
 */
import { tzOffset } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { atShanghai, shanghaiParts } from '../../../bot/domain/calendar/shanghai-time.js';

const MINUTE = 60_000;

/** What shanghaiParts should say, from a lookup of its own. */
function expected(at: Date): { date: string; minutes: number } {
  const wall = new Date(at.getTime() + tzOffset('Asia/Shanghai', at) * MINUTE);
  return { date: wall.toISOString().slice(0, 10), minutes: wall.getUTCHours() * 60 + wall.getUTCMinutes() };
}

/** Every 7 minutes over a day either side of `iso`. */
function around(iso: string): Date[] {
  const t = Date.parse(iso);
  return Array.from({ length: (2 * 24 * 60) / 7 }, (_, i) => new Date(t - 24 * 60 * MINUTE + i * 7 * MINUTE));
}

describe('Shanghai wall time with the offset kept per hour', () => {
  // 1986-05-04 02:00 local +8 → +9; 1986-09-14 02:00 local +9 → +8; 1991-04-14; 1991-09-15; the LMT's end.
  const switches = ['1986-05-03T18:00:00Z', '1986-09-13T17:00:00Z', '1991-04-13T18:00:00Z', '1991-09-14T17:00:00Z', '1900-12-31T15:54:17Z'];

  it.each(switches)('matches a fresh lookup around %s, forwards and backwards', (iso) => {
    const instants = around(iso);
    for (const at of [...instants, ...instants.reverse()]) expect(shanghaiParts(at), at.toISOString()).toEqual(expected(at));
  });

  it('matches a fresh lookup when instants jump between years within one hour of the day', () => {
    const instants = ['2023-01-03T01:30:00Z', '1988-07-01T01:10:00Z', '2023-01-03T01:50:00Z', '1988-07-01T01:59:00Z', '1988-12-01T01:00:00Z'].map((s) => new Date(s));
    for (const at of instants) expect(shanghaiParts(at), at.toISOString()).toEqual(expected(at));
  });

  it('finds the instant of a wall time in summer time and out of it', () => {
    expect(atShanghai('1988-07-01', '09:30').toISOString()).toBe('1988-07-01T00:30:00.000Z');
    expect(atShanghai('1988-12-01', '09:30').toISOString()).toBe('1988-12-01T01:30:00.000Z');
    expect(atShanghai('2023-01-03', '09:30').toISOString()).toBe('2023-01-03T01:30:00.000Z');
  });

  it('finds the instant of a wall time hours before summer time starts (16 April 1988, the switch at 02:00 on the 17th)', () => {
    // 20:00 +8 is 12:00 UTC; the same wall time read at +9 would be 11:00 UTC
    expect(atShanghai('1988-04-16', '20:00').toISOString()).toBe('1988-04-16T12:00:00.000Z');
    expect(atShanghai('1988-04-17', '09:30').toISOString()).toBe('1988-04-17T00:30:00.000Z');
  });
});
