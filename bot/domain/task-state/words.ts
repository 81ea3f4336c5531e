/** The state's Chinese words, shared by every channel. Pure. */
import type { SnoozeAsk } from '../reply/self-help-words.js';
import type { Light, Progress } from './types.js';

export const PROGRESS_WORDS: Readonly<Record<Progress, string>> = Object.freeze({
  on_track: '按计划',
  at_risk: '有风险',
  blocked: '受阻',
  not_started: '未启动',
  done: '已完成',
  overdue: '逾期',
  missing: '未报送',
  unknown: '暂无进展',
});

/** What an owner asked when snoozing a check-in (「明天再报」), as the state says it. */
export const SNOOZE_ASK_WORDS: Readonly<Record<SnoozeAsk, string>> = Object.freeze({
  later: '晚点再报',
  tomorrow: '明天再报',
  'two-days': '过两天再报',
  'next-week': '下周再报',
});

export const LIGHT_WORDS: Readonly<Record<Light, string>> = Object.freeze({ green: '绿灯', yellow: '黄灯', red: '红灯', none: '无灯' });
export const LIGHT_EMOJI: Readonly<Record<Light, string>> = Object.freeze({ green: '🟢', yellow: '🟡', red: '🔴', none: '⚪' });

/**
 * A date as people read it: 「3月31日」 within the year of `context` (the message's own date), else
 * with its year, 「2023年3月31日」 — a deadline extended into the next year never loses it.
 */
export function dateWord(date: string, context: string): string {
  const md = `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
  return date.slice(0, 4) === context.slice(0, 4) ? md : `${Number(date.slice(0, 4))}年${md}`;
}

/** Always with the year: 「2022年3月31日」 (the ledger). */
export function fullDateWord(date: string): string {
  return `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}
