/**
 * Units (family and scale, synonyms a clerk treats as the same) and growth targets with the signed
 * rate a reply states for them.
 */
import { describe, expect, it } from 'vitest';
import { isGrowthTarget, signedRate } from '../../../bot/domain/reply/growth.js';
import { mentionFamily, synonymOf, tidy, unitInfo } from '../../../bot/domain/reply/units.js';
import type { ReplyTarget } from '../../../bot/domain/reply/read-reply.js';

describe('unitInfo', () => {
  it.each([
    ['%', { family: 'percent', scale: 1 }],
    ['％', { family: 'percent', scale: 1 }],
    [' % ', { family: 'percent', scale: 1 }],
    ['个百分点', { family: 'pp', scale: 1 }],
    ['元', { family: 'money:元', scale: 1 }],
    ['万元', { family: 'money:元', scale: 1e4 }],
    ['亿元', { family: 'money:元', scale: 1e8 }],
    ['千万元', { family: 'money:元', scale: 1e7 }],
    ['百万元', { family: 'money:元', scale: 1e6 }],
    ['万亿元', { family: 'money:元', scale: 1e12 }],
    ['家', { family: 'count:家', scale: 1 }],
    ['万人次', { family: 'count:人次', scale: 1e4 }],
    ['万亩', { family: 'count:亩', scale: 1e4 }],
    // a unit of its own that starts like a magnitude is not one
    ['千米', { family: 'count:千米', scale: 1 }],
    // an unknown unit is a count of itself
    ['栋楼', { family: 'count:栋楼', scale: 1 }],
  ])('%s', (unit, info) => {
    expect(unitInfo(unit)).toEqual(info);
  });

  it('gives a reply unit its family', () => {
    expect(mentionFamily('亿元')).toBe('money:元');
    expect(mentionFamily('项')).toBe('count:项');
  });

  it('rounds away binary noise only', () => {
    expect(tidy((8500 * 1e4) / 1e8)).toBe(0.85);
    expect(tidy(0.1 + 0.2)).toBe(0.3);
    expect(tidy(1.23456789)).toBe(1.23456789);
  });
});

describe('synonymOf', () => {
  it.each([
    ['件', 'count:项', true],
    ['个', 'count:项', true],
    ['项', 'count:个', true],
    ['户', 'count:家', true],
    ['家', 'count:户', true],
    ['千米', 'count:公里', true],
    ['公里', 'count:千米', true],
    ['场次', 'count:场', true],
    ['人', 'count:人次', true],
    // not the reverse: 人次 counts visits, not people
    ['人次', 'count:人', false],
    ['项', 'count:项', false],
    ['元', 'money:元', false],
    ['家', 'count:项', false],
  ])('%s for %s: %s', (unit, family, yes) => {
    expect(synonymOf(unit, family)).toBe(yes);
  });
});

const target = (label: string, text = '', kind: ReplyTarget['kind'] = 'percent', unit = '%'): ReplyTarget => ({ label, value: 8, unit, kind, text });

describe('growth targets', () => {
  it('are percent targets whose words say a change, not a level', () => {
    expect(isGrowthTarget(target('地区生产总值增长'))).toBe(true);
    expect(isGrowthTarget(target('能耗', '单位能耗下降3%'))).toBe(true);
    expect(isGrowthTarget(target('固定资产投资增速'))).toBe(true);
    expect(isGrowthTarget(target('R&D投入强度', 'R&D投入强度提高到2.5%'))).toBe(false);
    expect(isGrowthTarget(target('巩固率'))).toBe(false);
    expect(isGrowthTarget(target('企业增长', '', 'cumulative', '家'))).toBe(false);
    expect(isGrowthTarget(target('增长', '', 'level', '％'))).toBe(true);
  });

  it('sign a rate by the words before it and the target’s direction', () => {
    const rise = target('地区生产总值增长');
    const fall = target('单位地区生产总值能耗下降');
    const fallByText = target('能耗', '单位能耗下降3%');
    expect(signedRate(5.1, '同比增长', rise)).toBe(5.1);
    expect(signedRate(3.4, '同比下降', rise)).toBe(-3.4);
    expect(signedRate(3.4, '同比-', rise)).toBe(-3.4);
    expect(signedRate(3.4, '同比负', rise)).toBe(-3.4);
    expect(signedRate(2.6, '同比下降', fall)).toBe(2.6);
    expect(signedRate(0.5, '同比上升', fall)).toBe(-0.5);
    expect(signedRate(2.6, '降幅为', fallByText)).toBe(2.6);
    expect(signedRate(2.6, '下降了', rise)).toBe(-2.6);
  });
});
