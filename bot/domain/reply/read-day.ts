/**
 * A whole phrase read as one calendar day, relative to `now` in Asia/Shanghai:
 * 「5月6日」「6月底」「2022-06-30」「下周五」 (a trailing 前 is allowed), and day
 * ranges 「5月1日-5月5日」「5月1日至5月5日」「2022-05-01~2022-05-05」. Pure.
 */
import { SHANGHAI } from '../calendar/shanghai-time.js';
import { todayIn } from './local-day.js';
import { PHRASES } from './time-phrases.js';

export function readDay(text: string, now: Date): string | null {
  const t = text.trim().replace(/[－—–]/g, '-');
  const today = todayIn(now, SHANGHAI);
  // Nothing, or 前 alone, matches no phrase (tests/unit/reply/read-day.test.ts).
  if (!today) return null;
  for (const p of PHRASES) {
    // The trailing 前 stays in the text: some phrases are dates only before it (「20号前」「国庆前」「9.30前」).
    const m = new RegExp(`^(?:${p.re.source})(?:前|之前|以前)?$`).exec(t);
    const day = m ? p.at(m, today) : null;
    if (day) return day;
  }
  return null;
}

export function readDayRange(text: string, now: Date): { from: string; to: string } | null {
  const t = text.replace(/[－—–]/g, '-').replace(/[～]/g, '~').replace(/\s+/g, '');
  const single = readDay(t, now);
  if (single) return { from: single, to: single };
  // Stryker disable next-line EqualityOperator,ArithmeticOperator: a separator at the end leaves nothing to read after it, so the last places find no range either
  for (let i = 1; i < t.length - 1; i++) {
    // Stryker disable next-line Regex: unanchored, a later separator is tried at an earlier place, where one side never reads as a day
    const sep = /^(?:至|到|~|-)/.exec(t.slice(i));
    if (!sep) continue;
    const from = readDay(t.slice(0, i), now);
    const to = from ? readDay(t.slice(i + sep[0].length), now) : null;
    if (from && to) return { from, to };
  }
  return null;
}
