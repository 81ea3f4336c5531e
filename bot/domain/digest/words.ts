/** The digest's Chinese words, shared by the card and the text renderer. Pure. */
import type { TaskState } from '../task-state/types.js';
import { dateWord, PROGRESS_WORDS } from '../task-state/words.js';
import type { DigestStatus, Light } from './types.js';

export const DIGEST_STATUS_WORDS: Readonly<Record<DigestStatus, string>> = Object.freeze({
  ...PROGRESS_WORDS,
  // An active task whose owner said 已完成 in a report the lifecycle did not take up: never 「已完成」 on its own.
  done: '已报完成',
  done_pending: '已完成（待确认）',
  closed: '已办结',
  paused: '已暂停',
});

/** The order statuses are counted in (the summary line). */
export const STATUS_ORDER: readonly DigestStatus[] = [
  'on_track', 'not_started', 'at_risk', 'blocked', 'overdue', 'missing', 'unknown', 'done', 'done_pending', 'closed', 'paused',
];
/** Statuses the summary line always counts; the others only when some task has them. */
export const ALWAYS_COUNTED: ReadonlySet<DigestStatus> = new Set(['on_track', 'at_risk', 'blocked', 'overdue', 'missing']);

/** What a task's line says: its lifecycle unless active, else the engine's progress. */
export function digestStatus(s: Pick<TaskState, 'lifecycle' | 'progress'>): DigestStatus {
  return s.lifecycle === 'active' ? s.progress : s.lifecycle;
}

export const LIGHT_ORDER: readonly Light[] = ['red', 'yellow', 'none', 'green'];
const SEVERITY: Record<Light, number> = { green: 0, none: 1, yellow: 2, red: 3 };

/** red > yellow > none > green; none for an empty list. */
export function worstLight(lights: Iterable<Light>): Light {
  let worst: Light | null = null;
  // Stryker disable next-line EqualityOperator: severities are distinct, so >= only ever sets worst to the light it already is
  for (const l of lights) if (worst === null || SEVERITY[l] > SEVERITY[worst]) worst = l;
  return worst ?? 'none';
}

/** 「第15周 4月11日–4月15日」 (a day of another year than `today` carries its year). */
export function weekLabel(week: { number: number; firstWorkday: string; lastWorkday: string }, today: string): string {
  return `第${week.number}周 ${dateWord(week.firstWorkday, today)}–${dateWord(week.lastWorkday, today)}`;
}


/** Whitespace runs folded to one space, then at most `max` characters (by code point), with 「…」 when cut. */
export function clip(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  if (chars.length <= max) return chars.join('');
  return max <= 0 ? '' : `${chars.slice(0, max - 1).join('')}…`;
}
