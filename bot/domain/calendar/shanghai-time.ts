/**
 * Instants ↔ Asia/Shanghai wall time. The bureau works on Beijing time whatever the host's
 * TZ is, so every conversion names the zone explicitly (TZDate) and never uses local getters.
 */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { pad2, toDayNumber } from './civil-date.js';

export const SHANGHAI = 'Asia/Shanghai';
const HHMM_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The Shanghai calendar date ('YYYY-MM-DD') of an instant. */
export function shanghaiDate(now: Date): string {
  return format(new TZDate(now.getTime(), SHANGHAI), 'yyyy-MM-dd');
}

/** Minutes since Shanghai midnight of an instant (0…1439). */
export function shanghaiMinutes(now: Date): number {
  const t = new TZDate(now.getTime(), SHANGHAI);
  return t.getHours() * 60 + t.getMinutes();
}

/** The instant when Shanghai wall clocks show `hhmm` on `date`. */
export function atShanghai(date: string, hhmm: string): Date {
  toDayNumber(date); // validates
  const minutes = parseHhmm(hhmm);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new TZDate(y, m - 1, d, Math.floor(minutes / 60), minutes % 60, SHANGHAI);
  return new Date(t.getTime());
}

/** 'HH:mm' (24-hour, zero-padded) → minutes since midnight; throws on anything else. */
export function parseHhmm(hhmm: string): number {
  const m = HHMM_RE.exec(hhmm);
  if (!m) throw new RangeError(`not an HH:mm time: "${hhmm}" (use e.g. "09:30")`);
  return Number(m[1]) * 60 + Number(m[2]);
}

export function formatHhmm(minutes: number): string {
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}
