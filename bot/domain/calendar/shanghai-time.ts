/**
 * Instants ↔ Asia/Shanghai wall time. The bureau works on Beijing time whatever the host's
 * TZ is, so conversions take the zone's offset from @date-fns/tz (tzOffset, backed by Intl)
 * and read only UTC getters of the shifted instant — never the host's local getters.
 */
import { tzOffset } from '@date-fns/tz';
import { pad2, toDayNumber, ymd } from './civil-date.js';

export const SHANGHAI = 'Asia/Shanghai';
const HHMM_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * Shanghai's UTC offset at an instant, minutes. tzOffset asks Intl each time (a few µs, paid several times per
 * card). Since local mean time ended (1900-12-31 15:54:17 UTC) the zone's offset has changed only on a whole
 * UTC hour (+8 ↔ +9 in the DST years 1919–1991), so from 1901 on the last hour's answer is reused within that hour.
 */
const HOURLY_FROM = Date.UTC(1901, 0, 1);
let lastHour = NaN;
let lastOffset = 0;
function shanghaiOffset(at: Date): number {
  const ms = at.getTime();
  if (!(ms >= HOURLY_FROM)) return tzOffset(SHANGHAI, at);
  const hour = Math.floor(ms / HOUR_MS);
  if (hour !== lastHour) {
    lastOffset = tzOffset(SHANGHAI, at);
    lastHour = hour;
  }
  return lastOffset;
}

/** The Shanghai calendar date ('YYYY-MM-DD') of an instant. */
export function shanghaiDate(now: Date): string {
  return shanghaiParts(now).date;
}

/** The Shanghai date and minutes since Shanghai midnight (0…1439) of an instant. */
export function shanghaiParts(now: Date): { date: string; minutes: number } {
  const wall = new Date(now.getTime() + shanghaiOffset(now) * MINUTE_MS);
  return {
    date: ymd(wall.getUTCFullYear(), wall.getUTCMonth() + 1, wall.getUTCDate()),
    minutes: wall.getUTCHours() * 60 + wall.getUTCMinutes(),
  };
}

/** Shanghai wall time of an instant, 'YYYY-MM-DD HH:mm' (for people: logs, summaries, history). */
export function shanghaiMinute(now: Date): string {
  const { date, minutes } = shanghaiParts(now);
  return `${date} ${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

/** The instant when Shanghai wall clocks show `hhmm` on `date`. */
export function atShanghai(date: string, hhmm: string): Date {
  const wall = toDayNumber(date) * DAY_MS + parseHhmm(hhmm) * MINUTE_MS;
  // Two passes give the right offset even across an offset change (China has none since 1991).
  const guess = wall - shanghaiOffset(new Date(wall)) * MINUTE_MS;
  return new Date(wall - shanghaiOffset(new Date(guess)) * MINUTE_MS);
}

/** 'HH:mm' (24-hour, zero-padded) → minutes since midnight; throws on anything else. */
export function parseHhmm(hhmm: string): number {
  const m = HHMM_RE.exec(hhmm);
  if (!m) throw new RangeError(`not an HH:mm time: "${hhmm}" (use e.g. "09:30")`);
  return Number(m[1]) * 60 + Number(m[2]);
}

