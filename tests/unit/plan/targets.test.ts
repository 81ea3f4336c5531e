/**
 * Targets (指标) in a task's text (bot/domain/plan/targets.ts), each read whole: value, unit, at least
 * or at most, label, the phrase, the kind (level / cumulative / money / percent) and a baseline when the
 * plan gives one (「由118家增至140家」). Ordinals, years, addresses and Chinese numerals without a verb
 * of achieving are not targets.
 */
import { describe, expect, it } from 'vitest';
import { findTargets } from '../../../bot/domain/plan/targets.js';
import type { ParsedTarget } from '../../../bot/domain/plan/types.js';

const t = (value: number, unit: string, label: string, text: string, kind: ParsedTarget['kind'], extra: Partial<ParsedTarget> = {}): ParsedTarget => ({
  value, unit, comparator: 'at_least', label, text, kind, ...extra,
});

describe('findTargets reads each target whole', () => {
  it.each<[string, ParsedTarget[]]>([
    ['确保有效期高企达140家', [t(140, '家', '有效期高企', '确保有效期高企达140家', 'level')]],
    ['确保达到１２０家', [t(120, '家', '家', '确保达到１２０家', 'level')]],
    ['义务教育巩固率达95%', [t(95, '%', '义务教育巩固率', '义务教育巩固率达95%', 'percent')]],
    ['累计培训200人次', [t(200, '人次', '培训', '累计培训200人次', 'cumulative')]],
    ['举办招聘会12场', [t(12, '场', '招聘会', '举办招聘会12场', 'cumulative')]],
    ['组织120家企业注册登记', [t(120, '家', '企业', '组织120家企业注册登记', 'cumulative')]],
    ['全区完成造林1.5万亩', [t(1.5, '万亩', '造林', '全区完成造林1.5万亩', 'cumulative')]],
    ['完成投资1,200万元', [t(1200, '万元', '投资', '完成投资1,200万元', 'money')]],
    ['新增专利五件', [t(5, '件', '专利', '新增专利五件', 'cumulative')]],
    ['达三万人次', [t(30_000, '人次', '人次', '达三万人次', 'level')]],
    ['力争完成5个市级众创空间、2个国家备案众创空间申报工作', [
      t(5, '个', '市级众创空间', '力争完成5个市级众创空间', 'cumulative'),
      t(2, '个', '国家备案众创空间', '力争完成5个市级众创空间、2个国家备案众创空间申报工作', 'cumulative'),
    ]],
    ['新建学校3所，改扩建学校5所', [
      t(3, '所', '新建学校', '新建学校3所', 'level'),
      t(5, '所', '改扩建学校', '改扩建学校5所', 'level'),
    ]],
  ])('%s', (text, targets) => expect(findTargets(text)).toEqual(targets));
});

describe('ceilings: at most', () => {
  it.each<[string, ParsedTarget[]]>([
    ['安全事故起数控制在5起以内', [t(5, '起', '安全事故起数', '安全事故起数控制在5起以内', 'level', { comparator: 'at_most' })]],
    ['万元GDP能耗下降到0.5吨', [t(0.5, '吨', '万元GDP能耗', '万元GDP能耗下降到0.5吨', 'level', { comparator: 'at_most' })]],
    ['城镇登记失业率控制在4.5%以内', [t(4.5, '%', '城镇登记失业率', '城镇登记失业率控制在4.5%以内', 'percent', { comparator: 'at_most' })]],
  ])('%s', (text, targets) => expect(findTargets(text)).toEqual(targets));
});

describe('baselines: 「由X增至Y」', () => {
  it.each<[string, ParsedTarget[]]>([
    ['有效期高企由118家增至140家', [t(140, '家', '有效期高企', '有效期高企由118家增至140家', 'level', { baseline: 118 })]],
    ['研发投入强度由2.1%提高到2.5%', [t(2.5, '%', '研发投入强度', '研发投入强度由2.1%提高到2.5%', 'percent', { baseline: 2.1 })]],
    // Money rising is this year's total; last year's figure is no baseline for it.
    ['技术交易额由3亿元增至5亿元', [t(5, '亿元', '技术交易额', '技术交易额由3亿元增至5亿元', 'money')]],
  ])('%s', (text, targets) => expect(findTargets(text)).toEqual(targets));
});

describe('not targets', () => {
  it.each([
    ['出台政策十条', 'a Chinese numeral without a verb of achieving'],
    ['2022年完成', 'a year'],
    ['老旧小区改造，某某村4栋、9栋', 'addresses'],
    ['项目占地面积约50亩', 'a project’s size'],
  ])('%s (%s)', (text) => expect(findTargets(text)).toEqual([]));

  it('at most `max` targets', () => {
    expect(findTargets('新建学校3所，改扩建学校5所', 1)).toEqual([t(3, '所', '新建学校', '新建学校3所', 'level')]);
    expect(findTargets('新建学校3所，改扩建学校5所', 0)).toEqual([]);
  });
});
