/** The digest's Chinese words, shared by the card and the text renderer. Pure. */
import { formatValue } from '../plan/describe.js';
import type { DigestStatus, Light } from './types.js';

export const DIGEST_STATUS_WORDS: Record<DigestStatus, string> = {
  on_track: '按计划',
  at_risk: '有风险',
  blocked: '受阻',
  done: '已完成',
  overdue: '逾期',
  missing: '未报送',
  unknown: '暂无进展',
};

/** The order statuses are counted in (the summary line). */
export const STATUS_ORDER: readonly DigestStatus[] = ['on_track', 'at_risk', 'blocked', 'done', 'overdue', 'missing', 'unknown'];

export const LIGHT_EMOJI: Record<Light, string> = { green: '🟢', yellow: '🟡', red: '🔴', grey: '⚪' };
export const LIGHT_ORDER: readonly Light[] = ['red', 'yellow', 'grey', 'green'];

const SEVERITY: Record<Light, number> = { green: 0, grey: 1, yellow: 2, red: 3 };

/** red > yellow > grey > green; grey for an empty list. */
export function worstLight(lights: Iterable<Light>): Light {
  let worst: Light | null = null;
  for (const l of lights) if (worst === null || SEVERITY[l] > SEVERITY[worst]) worst = l;
  return worst ?? 'grey';
}

/** '2022-04-11' → 「4月11日」 */
export function monthDay(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** 「第15周 4月11日–4月15日」 */
export function weekLabel(week: { number: number; firstWorkday: string; lastWorkday: string }): string {
  return `第${week.number}周 ${monthDay(week.firstWorkday)}–${monthDay(week.lastWorkday)}`;
}

/** A share as a whole percent: 0.2811 → 「28%」. */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** A value rounded for display (at most 2 decimals). */
export function shortValue(value: number): string {
  return formatValue(Math.round(value * 100) / 100);
}

/** Whitespace runs folded to one space, then at most `max` characters (by code point), with 「…」 when cut. */
export function clip(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  if (chars.length <= max) return chars.join('');
  return max <= 0 ? '' : `${chars.slice(0, max - 1).join('')}…`;
}
