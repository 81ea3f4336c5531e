/**
 * Who does a task, as breakdowns of a government work report name them (issue #16, plans 1, 2 and 4):
 * lists closed by 「等有关部门」, units with a bracketed second name, leaders named in the section's
 * heading. Made-up text in the shape of real plans.
 */
import { describe, expect, it } from 'vitest';
import { headingLeader, splitNames } from '../../../bot/domain/plan/parties.js';
import { parseText, taskByCode } from './helpers.js';

describe('lists of units', () => {
  it.each([
    ['区经信局、区财政局等区政府有关部门，某经开区管委会。', ['区经信局', '区财政局', '某经开区管委会']],
    ['区发改委、区农业农村局、等区政府有关部门，区农投公司', ['区发改委', '区农业农村局', '区农投公司']],
    ['区政府有关部门，各乡镇人民政府、街道办事处', ['区政府有关部门', '各乡镇人民政府', '街道办事处']],
    ['区商务局（区药发中心）、区税务局', ['区商务局（区药发中心）', '区税务局']],
    ['县教育局等相关单位', ['县教育局']],
  ])('%s', (text, names) => expect(splitNames(text)).toEqual(names));
});

describe('a leader named in the section heading', () => {
  it.each([
    ['张三县长牵头重点工作', '张三'],
    ['李四副区长分管领域重点工作', '李四'],
    ['欧阳明常务副市长牵头重点工作', '欧阳明'],
    ['王五同志负责事项', null],
    ['着力培育创新主体', null],
    ['县长办公会议议定事项', null],
  ])('%s → %s', (heading, leader) => expect(headingLeader(heading)).toBe(leader));

  it('leads every task of the section, beside a unit of its own', () => {
    const plan = parseText(
      [
        '某县2023年政府工作报告重点工作责任分解',
        '一、张三县长牵头重点工作',
        '1.财政收入与经济增长基本同步。',
        '责任单位：县财政局。',
        '二、李四副县长牵头重点工作',
        '2.新增高新技术企业20家。',
        '责任单位：县科技局、县经信局',
        '责任领导：王五',
      ].join('\n'),
    );
    expect(plan.tasks.map((t) => [t.code, t.leaders, t.leadUnits])).toEqual([
      ['1', ['张三'], ['县财政局']],
      ['2', ['王五', '李四'], ['县科技局', '县经信局']],
    ]);
  });
});

describe('a section that is its own task keeps the text after its title', () => {
  it('reads the targets of every clause of the heading', () => {
    const plan = parseText(
      [
        '某街道2023年十大实事项目包括：',
        '一、推进美丽家园建设，实施3个小区综合整治；维护更新小区信报箱150户；疏通明沟800米。',
        '二、完成4个小区的智能快递箱建设；新增绿化500平方米。',
      ].join('\n'),
    );
    const t = taskByCode(plan, '一');
    // The title is the heading's first phrase (it names the work, without a number): build-task's rule.
    expect([t.title, t.targets.map((x) => [x.value, x.unit])]).toEqual([
      '推进美丽家园建设',
      [[3, '个'], [150, '户'], [800, '米']],
    ]);
    expect(taskByCode(plan, '二').targets.map((x) => [x.value, x.unit])).toEqual([[4, '个'], [500, '平方米']]);
    expect([plan.plan.issuer, plan.plan.year]).toEqual(['某街道', 2023]);
  });
});
