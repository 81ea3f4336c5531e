/**
 * pickTarget: which target one number of a reply reports on, or why none. Each case is a real sentence read
 * the way the reader reads it (its numbers, their clauses and context), and states the rule it pins:
 * which units fit which targets, how a number converts into a target's unit, what rules a number out or
 * makes it maybe-not-a-report (restated targets, totals, past figures), and when two targets tie.
 */
import { describe, expect, it } from 'vitest';
import { clausesOf } from '../../../bot/domain/reply/clauses.js';
import { contextOf } from '../../../bot/domain/reply/mention-context.js';
import { findMentions } from '../../../bot/domain/reply/mentions.js';
import { pickGrowth, pickTarget, type Found } from '../../../bot/domain/reply/pick-target.js';
import type { ReplyTarget } from '../../../bot/domain/reply/types.js';
import { unitInfo } from '../../../bot/domain/reply/units.js';

const HQ: ReplyTarget = { label: '有效期高企', value: 140, unit: '家', kind: 'level' };
const CONTRACTS: ReplyTarget = { label: '技术合同登记', value: 11, unit: '亿元', kind: 'cumulative' };
const INTENSITY: ReplyTarget = { label: '研发投入强度', value: 2.5, unit: '%', kind: 'percent' };
const POINTS: ReplyTarget = { label: '研发投入强度提高', value: 3, unit: '个百分点', kind: 'percent' };
const TRAINED: ReplyTarget = { label: '培训农民', value: 5, unit: '万人次', kind: 'cumulative' };
const RESULTS: ReplyTarget = { label: '科技成果登记', value: 60, unit: '项', kind: 'cumulative' };
const PATENTS: ReplyTarget = { label: '发明专利授权', value: 60, unit: '项', kind: 'cumulative' };
const FIRMS: ReplyTarget = { label: '科技型企业', value: 200, unit: '家', kind: 'cumulative' };
const PLATFORMS: ReplyTarget = { label: '孵化平台', value: 5, unit: '个', kind: 'cumulative' };
const PARK: ReplyTarget = { label: '科技园建设', value: 5, unit: '亿元', kind: 'money' };
const PEOPLE: ReplyTarget = { label: '培训人员', value: 2000, unit: '人', kind: 'cumulative' };
const VISITS: ReplyTarget = { label: '服务企业', value: 200, unit: '家', kind: 'cumulative', text: '走访服务企业200家' };

/** pickTarget for the `which`-th number of `text`, as the reader calls it. */
function pickIn(text: string, targets: ReplyTarget[], which = 0): Found {
  const mentions = findMentions(text);
  expect(mentions.length, `numbers in 「${text}」`).toBeGreaterThan(which);
  return pickTarget(mentions[which]!, contextOf(clausesOf(text), mentions, which), targets, targets.map((t) => unitInfo(t.unit)));
}

/** Where the `which`-th number of `text` starts. */
const at = (text: string, which = 0) => findMentions(text)[which]!.start;
const notReport = (text: string, value: number, which = 0): Found =>
  ({ unsettled: { mention: findMentions(text)[which]!, values: [value], targets: [0], why: 'not_report' } });
const picked = (target: number, value: number, tier: number, text: string, finished = false, which = 0): Found =>
  ({ pick: { target, value, tier, at: at(text, which), finished } });

describe('which units fit which targets', () => {
  it('a percent fits a percent target only', () => {
    const text = '研发投入强度达到2.3%';
    expect(pickIn(text, [HQ, INTENSITY])).toEqual(picked(1, 2.3, 2, text));
    // said alone after 完成, where any number in the target's own unit is the report, 60% is still no count of 家
    expect(pickIn('目前完成60%', [HQ])).toBeNull();
    // nor a number of 个百分点
    expect(pickIn('目前完成2%', [POINTS])).toBeNull();
  });

  it('a bare number never reports on a percent or a percentage-point target', () => {
    expect(pickIn('目前完成2', [INTENSITY])).toBeNull();
    expect(pickIn('目前完成2', [POINTS])).toBeNull();
    // the same bare number said alone fits a count as a loose fit (said after 完成: a count of finished work)
    expect(pickIn('目前完成2', [RESULTS])).toEqual(picked(0, 2, 1, '目前完成2', true));
  });

  it('a number with 万 or 亿 and no unit is money to a money target, a loose fit to any other', () => {
    // in the target's own words it fits either way
    const text = '技术合同登记目前3.2亿';
    expect(pickIn(text, [CONTRACTS])).toEqual(picked(0, 3.2, 2, text));
    // with no word of the target and not said alone, only a fit in the unit stands
    expect(pickIn('本单位3.2亿', [CONTRACTS])).toEqual(picked(0, 3.2, 1, '本单位3.2亿'));
    expect(pickIn('本单位1.2万', [TRAINED])).toBeNull();
  });
});

describe('a number in the target\'s unit', () => {
  it('a bare number is taken in the target\'s own unit; a scaled one or one with a unit converts', () => {
    // 「3」 for a target in 万人次 is 3 万人次, not 3 人次
    expect(pickIn('培训农民目前达到3', [TRAINED])).toEqual(picked(0, 3, 2, '培训农民目前达到3'));
    expect(pickIn('培训农民目前达到3.2万人次', [TRAINED])).toEqual(picked(0, 3.2, 2, '培训农民目前达到3.2万人次'));
    expect(pickIn('培训农民目前达到32000人次', [TRAINED])).toEqual(picked(0, 3.2, 2, '培训农民目前达到32000人次'));
    expect(pickIn('技术合同登记目前8500万元', [CONTRACTS])).toEqual(picked(0, 0.85, 2, '技术合同登记目前8500万元'));
  });
});

describe('restated targets, totals and past figures', () => {
  it('the target restated is no report; another figure restated may be one (not_report)', () => {
    expect(pickIn('目标为140家', [HQ])).toBeNull();
    const text = '任务数为150家';
    expect(pickIn(text, [HQ])).toEqual({ unsettled: { mention: findMentions(text)[0], values: [150], targets: [0], why: 'not_report' } });
  });

  it('a target word before the number, after the work is said done, is a report', () => {
    const text = '已完成目标140家';
    expect(pickIn(text, [HQ])).toEqual(picked(0, 140, 1, text, true));
  });

  it('a number followed by 「的目标」 restates it, unless it is said done', () => {
    expect(pickIn('全年140家的目标', [HQ])).toBeNull();
    const text = '全年150家的目标';
    expect(pickIn(text, [HQ])).toEqual({ unsettled: { mention: findMentions(text)[0], values: [150], targets: [0], why: 'not_report' } });
  });
});

describe('totals and wholes', () => {
  it('a number followed by 中 is the whole a part comes out of', () => {
    expect(pickIn('高企150家中已复审120家', [HQ])).toEqual(notReport('高企150家中已复审120家', 150));
  });

  it('a total investment is the project\'s whole, not the amount done', () => {
    expect(pickIn('科技园建设总投资为3.2亿元', [PARK])).toEqual(notReport('科技园建设总投资为3.2亿元', 3.2));
  });

  it('a number followed by 「已完成」 and another number is the whole of that part', () => {
    const text = '科技成果登记12项已完成8项';
    expect(pickIn(text, [RESULTS])).toEqual(notReport(text, 12));
    // the part after it is the report
    expect(pickIn(text, [RESULTS], 1)).toEqual(picked(0, 8, 1, text, true, 1));
  });

  it('a past figure stays unsettled even when it equals the target', () => {
    expect(pickIn('去年140家', [HQ])).toEqual(notReport('去年140家', 140));
  });
});

describe('scores, hints and ties', () => {
  it('the denominator of 「118/140」 names the target it equals', () => {
    const text = '目前118/140家';
    expect(pickIn(text, [FIRMS, HQ])).toEqual(picked(1, 118, 2, text));
  });

  it('the clause\'s topic decides when the number\'s own words name no target', () => {
    const text = '高企方面，目前118家';
    expect(pickIn(text, [FIRMS, HQ])).toEqual(picked(1, 118, 2, text));
    // its own words decide first, with no topic to ask
    expect(pickIn('高企目前118家', [FIRMS, HQ])).toEqual(picked(1, 118, 2, '高企目前118家'));
  });

  it('a number said alone that fits two targets equally is a tie', () => {
    const text = '目前完成30项';
    expect(pickIn(text, [RESULTS, PATENTS])).toEqual({ unsettled: { mention: findMentions(text)[0], values: [30, 30], targets: [0, 1], why: 'tie' } });
  });

  it('a count the target\'s own plan words name is no foreign count', () => {
    expect(pickIn('走访120家', [VISITS])).toEqual(picked(0, 120, 2, '走访120家'));
    // a count of visits for a target that never speaks of them is not about it
    expect(pickIn('走访120家', [FIRMS])).toBeNull();
  });
});

describe('numbers no words tie to a target', () => {
  it('not said alone: a fit in the target\'s unit stands when any candidate has one', () => {
    // 30项 fits 科技成果登记 in its unit and 孵化平台 (个) loosely; 30 is over three times 孵化平台's 5
    expect(pickIn('本单位30项', [RESULTS, PLATFORMS])).toEqual(picked(0, 30, 1, '本单位30项'));
  });

  it('up to three times the target is plausible; said alone in its unit, any size is', () => {
    expect(pickIn('本单位180项', [RESULTS])).toEqual(picked(0, 180, 1, '本单位180项'));
    expect(pickIn('本单位181项', [RESULTS])).toBeNull();
    expect(pickIn('完成6584人', [PEOPLE])).toEqual(picked(0, 6584, 1, '完成6584人', true));
    // words after the number: not said alone
    expect(pickIn('完成6584人参训', [PEOPLE])).toBeNull();
  });
});

describe('what the number counts', () => {
  it('an increase this month is no figure of a cumulative target', () => {
    expect(pickIn('本月新增科技成果登记12项', [RESULTS])).toBeNull();
  });

  it('what is still missing is taken from the target: never below nothing', () => {
    expect(pickIn('还差20家', [HQ])).toEqual(picked(0, 120, 1, '还差20家'));
    expect(pickIn('还差140家', [HQ])).toEqual(picked(0, 0, 1, '还差140家'));
    expect(pickIn('还差200家', [HQ])).toBeNull();
  });

  it('a breakdown is tier 0; a synonym unit ranks below every number in the target\'s own unit', () => {
    expect(pickIn('其中高企118家', [HQ])).toEqual(picked(0, 118, 0, '其中高企118家'));
    expect(pickIn('目前完成30个', [RESULTS])).toEqual(picked(0, 30, -2, '目前完成30个', true));
  });
});

describe('pickGrowth', () => {
  const GDP: ReplyTarget = { label: '地区生产总值增长', value: 8, unit: '%', kind: 'percent' };
  const INDUSTRY: ReplyTarget = { label: '规上工业增加值增长', value: 10, unit: '%', kind: 'percent' };
  function growthIn(text: string, targets: ReplyTarget[], which = 0): Found {
    const mentions = findMentions(text);
    return pickGrowth(mentions[which]!, contextOf(clausesOf(text), mentions, which), targets);
  }

  it('gives a rate to the growth target its words name', () => {
    expect(growthIn('地区生产总值增长8.2%', [GDP, INDUSTRY])).toEqual(picked(0, 8.2, 2, '地区生产总值增长8.2%'));
    expect(growthIn('规上工业增加值同比增长10.5%', [GDP, INDUSTRY])).toEqual(picked(1, 10.5, 2, '规上工业增加值同比增长10.5%'));
  });

  it('a rate of another target\'s count is not the growth target\'s, though both say 增长', () => {
    expect(growthIn('有效期高企数量增长8%', [GDP, HQ])).toBeNull();
    // with no other target named, a lone growth target takes it
    expect(growthIn('同比增长8%', [GDP, HQ])).toEqual(picked(0, 8, 1, '同比增长8%'));
  });
});

