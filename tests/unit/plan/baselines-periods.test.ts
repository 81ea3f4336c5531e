/** A level's baseline in the plan's words, and the plan's period from its title. */
import { describe, expect, it } from 'vitest';
import { periodOf } from '../../../bot/domain/plan/header.js';
import { findTargets } from '../../../bot/domain/plan/targets.js';
import { parsePlan } from '../../../bot/domain/plan/parse-plan.js';

describe('baselines: 「由X增至Y」', () => {
  it.each([
    ['有效期高企由118家增至140家。', { value: 140, unit: '家', label: '有效期高企', kind: 'level', baseline: 118 }],
    ['规上工业企业从320家增加到360家以上', { value: 360, unit: '家', label: '规上工业企业', kind: 'level', baseline: 320 }],
    ['研发投入强度由1.8%提高到2.1%', { value: 2.1, unit: '%', kind: 'percent', baseline: 1.8 }],
  ])('%s', (text, want) => {
    const found = findTargets(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject(want);
  });

  it('money rising is this year’s total: no baseline, and the first figure is no target of its own', () => {
    const found = findTargets('技术合同登记额由8亿元提高到11亿元，培育企业5家');
    expect(found.map((t) => [t.value, t.unit, t.kind, t.baseline])).toEqual([[11, '亿元', 'money', undefined], [5, '家', 'cumulative', undefined]]);
  });

  it('without 「由」/「从」 two figures are two targets', () => {
    expect(findTargets('新增企业118家，有效期高企达140家').map((t) => t.value)).toEqual([118, 140]);
  });

  it('a baseline only binds within its clause and its unit', () => {
    expect(findTargets('由118家增至。另培育140个').map((t) => [t.value, t.baseline])).toEqual([[140, undefined]]);
  });
});

describe('the plan’s period from its title', () => {
  it.each([
    ['某局2022年工作要点', 2022, '2022-01-01', '2022-12-31'],
    ['古南街道2023年第二季度工作要点', 2023, '2023-04-01', '2023-06-30'],
    ['某局2024年上半年工作计划', 2024, '2024-01-01', '2024-06-30'],
    ['某局2024年下半年工作计划', 2024, '2024-07-01', '2024-12-31'],
    ['某局2022年5月重点工作安排', 2022, '2022-05-01', '2022-05-31'],
    ['某局2022年第四季度工作要点', 2022, '2022-10-01', '2022-12-31'],
    ['某镇2024年度重点工作计划二季度执行情况', 2024, '2024-01-01', '2024-12-31'],
    ['某局2023年工作要点上半年落实情况', 2023, '2023-01-01', '2023-12-31'],
    ['某局2023年第三季度重点工作安排', 2023, '2023-07-01', '2023-09-30'],
  ])('%s', (title, year, start, end) => expect(periodOf(title, year)).toEqual({ start, end }));
});

describe('a task’s own start from a stated span', () => {
  it.each([
    ['1. 开展专项行动。完成时限：2022年4月—6月', '2022-04-01', '2022-06-30'],
    ['1. 开展专项行动。完成时限：3月15日至5月底', '2022-03-15', '2022-05-31'],
    ['1. 开展专项行动。完成时限：6月底前', null, '2022-06-30'],
  ])('%s', (line, start, deadline) => {
    const plan = parsePlan({ kind: 'text', name: 'p.txt', text: `某局2022年工作要点\n一、重点工作\n${line}` });
    expect(plan.tasks[0]).toMatchObject({ startDate: start, deadline });
  });
});
