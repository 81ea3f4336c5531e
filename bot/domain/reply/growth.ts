/**
 * Growth targets (增长型: 「地区生产总值增长8%以上」「能耗下降3%」) and the signed rate a reply
 * states for them: 「同比增长5.1%」 → 5.1, 「同比-3.4%」「下降3.4%」 → −3.4 (and +3.4 against a target
 * that is itself a decrease). Pure.
 */
import type { ReplyTarget } from './types.js';

const RISE = '增长|增速|增幅|提高|提升|上升|增加';
const FALL = '下降|降低|减少|压减|回落|下滑|降幅';
/** A rate of change, not a level reached: 「提高到2.5%」 is a level. */
const GROWTH_WORD = new RegExp(`(?:${RISE}|${FALL})(?![到至])`);
const FALL_WORD = new RegExp(`(?:${FALL})(?![到至])`);
/** The words of a rate just before its number: 「同比增长」「增速为」「同比」「-」. */
export const GROWTH_BEFORE = new RegExp(`(?:同比|环比|(?:${RISE}|${FALL})(?:率|幅度)?(?:为|达到?|了)?)\\s*[-−负]?\\s*$`);
const NEGATIVE_BEFORE = new RegExp(`(?:(?:${FALL})(?:率|幅度)?(?:为|达到?|了)?\\s*|[-−负]\\s*)$`);

export function isGrowthTarget(t: ReplyTarget): boolean {
  if (t.kind !== 'percent' && t.unit.replace('％', '%') !== '%') return false;
  return GROWTH_WORD.test(t.label) || GROWTH_WORD.test(t.text ?? '');
}

function isFallTarget(t: ReplyTarget): boolean {
  return FALL_WORD.test(t.label) || (!GROWTH_WORD.test(t.label) && FALL_WORD.test(t.text ?? ''));
}

/** The rate in the target's direction: a fall reported against a rise target is negative. */
export function signedRate(amount: number, before: string, t: ReplyTarget): number {
  const falling = NEGATIVE_BEFORE.test(before);
  const signed = falling ? -amount : amount;
  return isFallTarget(t) ? -signed : signed;
}
