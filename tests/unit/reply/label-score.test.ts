/**
 * labelScore: how well the words near a number name a target, as exact scores. Two-character pieces of the
 * label count 2, pieces of the plan phrase 0.5, pieces no other candidate has 3 more; a one-character run is
 * a piece of its own; generic plan words (确保, 完成, 全年, 目标…) are no piece of the phrase; an abbreviation
 * the target uses is read for its long form, and the long form for the abbreviation.
 */
import { describe, expect, it } from 'vitest';
import { labelScore, targetMentions } from '../../../bot/domain/reply/label-score.js';
import type { ReplyTarget } from '../../../bot/domain/reply/types.js';

const target = (label: string, text?: string): ReplyTarget => ({ label, value: 1, unit: '家', kind: 'level', ...(text === undefined ? {} : { text }) });
const HIGH_TECH = target('高新技术企业', '有效期高企达140家');
const SMALL_TECH = target('科技型企业', '科技型企业达2000家');

describe('labelScore', () => {
  it('nothing said: nothing scored', () => {
    expect(labelScore('', HIGH_TECH)).toEqual({ score: 0, labelHits: 0, coverage: 0 });
  });

  it('an abbreviation in the reply is read as the label’s long form; the phrase’s pieces and a single character count 0.5', () => {
    // 高新 新技 技术 术企 企业 through 高企 → 高新技术企业 (5 × 2), then 高企 and 家 from the phrase (2 × 0.5).
    expect(labelScore('高企已达145家', HIGH_TECH)).toEqual({ score: 11, labelHits: 5, coverage: 1 });
  });

  it('a target that uses the abbreviation is found by the long form', () => {
    expect(labelScore('高新技术企业达到140家', target('高企数量'))).toEqual({ score: 2, labelHits: 1, coverage: 1 / 3 });
    expect(labelScore('企业达到140家', target('高企数量'))).toEqual({ score: 0, labelHits: 0, coverage: 0 });
  });

  it('pieces no other candidate has count 3 more, only when there are other candidates', () => {
    // 科技 技型 型企 企业 (4 × 2); 业达 and 家 from the phrase (2 × 0.5); 科技 技型 型企 业达 are B's alone (4 × 3).
    expect(labelScore('科技型企业达到2000家', SMALL_TECH, [HIGH_TECH, SMALL_TECH])).toEqual({ score: 21, labelHits: 4, coverage: 1 });
    expect(labelScore('科技型企业达到2000家', SMALL_TECH, [SMALL_TECH])).toEqual({ score: 9, labelHits: 4, coverage: 1 });
    // 企业 and 家 are shared: no bonus.
    expect(labelScore('企业新增20家', SMALL_TECH, [HIGH_TECH, SMALL_TECH])).toEqual({ score: 2.5, labelHits: 1, coverage: 0.25 });
  });

  it('generic plan words are no piece of the phrase, though the label’s own pieces all count', () => {
    // Label 完成 成率 (2 × 2); of the phrase only 年目 is said (0.5): 确保 完成 全年 目标 are generic.
    expect(labelScore('全年目标完成率90%', target('完成率', '确保完成全年目标'))).toEqual({ score: 4.5, labelHits: 2, coverage: 1 });
  });
});

describe('targetMentions', () => {
  it('a word of the label or of the plan phrase', () => {
    expect(targetMentions(HIGH_TECH, '技术')).toBe(true);
    expect(targetMentions(HIGH_TECH, '有效期')).toBe(true);
    expect(targetMentions(HIGH_TECH, '科技型')).toBe(false);
    expect(targetMentions(target('高企数量'), '有效期')).toBe(false);
  });
});
