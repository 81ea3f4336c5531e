/**
 * Our calendar reads the chinese-days package's published table instead of calling its
 * isWorkday(), which depends on the host's time zone. Under TZ=Asia/Shanghai (where the
 * package is right) both must agree on every day of every published year.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../bot/domain/calendar/civil-date.js';
import { publishedYears } from '../../../bot/domain/calendar/work-calendar.js';
import { cal } from './helpers.js';

const originalTz = process.env.TZ;

describe('agreement with chinese-days isWorkday()', () => {
  let packageIsWorkday: (date: string) => boolean;

  beforeAll(async () => {
    process.env.TZ = 'Asia/Shanghai'; // the package builds its tables at import time
    const mod = await import('chinese-days');
    packageIsWorkday = mod.default.isWorkday;
  });
  afterAll(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it('matches on every day of every published year', () => {
    const years = publishedYears();
    const mismatches: string[] = [];
    for (let d = `${years[0]}-01-01`; d <= `${years.at(-1)}-12-31`; d = addDays(d, 1)) {
      if (cal.isWorkday(d) !== packageIsWorkday(d)) mismatches.push(d);
    }
    expect(mismatches).toEqual([]);
  });
});
