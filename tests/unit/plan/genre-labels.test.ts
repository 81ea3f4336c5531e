/**
 * Labels and brackets as bureaus write them after a task (issue #16, plans 1 and 2), and the
 * year and relative deadlines (plans 6 and 8). Made-up text in the shape of real plans.
 */
import { describe, expect, it } from 'vitest';
import { parseText, taskByCode } from './helpers.js';

const TITLE = '某区科学技术局2023年工作要点';

function task(lines: string[], title = TITLE) {
  return taskByCode(parseText([title, '一、着力培育创新主体', ...lines].join('\n')), '1');
}

describe('labelled lines after a task, in every common form', () => {
  it.each([
    ['责任领导：张明', { leaders: ['张明'] }],
    ['牵头负责领导：张明', { leaders: ['张明'] }],
    ['分管领导：张明、李红', { leaders: ['张明', '李红'] }],
    ['牵头科室（单位）：高新科', { leadUnits: ['高新科'] }],
    ['牵头责任单位：区科技局', { leadUnits: ['区科技局'] }],
    ['主要责任单位：区科技局', { leadUnits: ['区科技局'] }],
    ['协同责任单位：区财政局、区税务局', { collaborators: ['区财政局', '区税务局'] }],
    ['配合单位：区财政局', { collaborators: ['区财政局'] }],
    ['责任单位：区科技局', { leadUnits: ['区科技局'] }],
    ['完成时限：2023年9月底', { deadline: '2023-09-30' }],
    ['时间节点：11月30日前', { deadline: '2023-11-30' }],
  ])('%s', (label, want) => {
    const t = task(['1.培育高新技术企业。全年新增高新技术企业20家。', label]);
    expect({ leaders: t.leaders, leadUnits: t.leadUnits, collaborators: t.collaborators, deadline: t.deadline }).toMatchObject(want);
    expect(t.body).toBe('全年新增高新技术企业20家。');
  });

  it.each([
    ['［责任单位：某街道、区城市管理中心］', ['某街道', '区城市管理中心'], []],
    ['【牵头单位：区科技局】', ['区科技局'], []],
    ['（牵头单位：区科技局；配合单位：区财政局、区税务局）', ['区科技局'], ['区财政局', '区税务局']],
    ['[牵头单位：区科技局；配合单位：区财政局]', ['区科技局'], ['区财政局']],
    ['〔牵头单位：区科技局〕', ['区科技局'], []],
    // A bracket never closed (a page cut short, a lost 「）」) still holds the units.
    ['（责任单位：区科技局、区财政局', ['区科技局', '区财政局'], []],
  ])('units in brackets after the text: %s', (bracket, lead, collaborators) => {
    const t = task([`1.培育高新技术企业。全年新增高新技术企业20家。${bracket}`]);
    expect([t.leadUnits, t.collaborators, t.body]).toEqual([lead, collaborators, '全年新增高新技术企业20家。']);
  });
});

describe('责任单位 named beside a 牵头单位 share the work', () => {
  it.each([
    [['牵头单位：区科技局', '责任单位：区财政局、各镇街'], ['区科技局'], ['区财政局', '各镇街']],
    [['责任单位：区财政局', '牵头单位：区科技局'], ['区科技局'], ['区财政局']],
    [['（牵头单位：区科技局；责任单位：区经信委）'], ['区科技局'], ['区经信委']],
    [['责任单位：区科技局（牵头）、区财政局'], ['区科技局'], ['区财政局']],
    [['责任单位：区科技局、区财政局'], ['区科技局', '区财政局'], []],
  ])('%j', (lines, lead, collaborators) => {
    const t = task(['1.培育高新技术企业。全年新增高新技术企业20家。', ...lines]);
    expect([t.leadUnits, t.collaborators]).toEqual([lead, collaborators]);
  });
});

describe('names padded for width', () => {
  it.each([
    ['责任领导：王 五', ['王五']],
    ['责任领导：王  五、张三', ['王五', '张三']],
    ['责任领导：张三/李四', ['张三', '李四']],
    ['责任领导：欧阳明 王 五', ['欧阳明', '王五']],
    ['责任领导：陆 明俞 悦', ['陆明', '俞悦']],
    ['责任领导：俞 悦 陆 明', ['俞悦', '陆明']],
    ['责任领导：张三 李四', ['张三', '李四']],
  ])('%s', (label, leaders) => {
    expect(task(['1.培育高新技术企业。全年新增高新技术企业20家。', label]).leaders).toEqual(leaders);
  });
});

describe('the year and relative deadlines', () => {
  it('takes the year from the deadlines when the title and notice name none', () => {
    const plan = parseText(
      ['某区科学技术局工作要点', '一、着力培育创新主体', '1.培育高新技术企业。完成时限：2023年12月底', '2.培育科技型企业。完成时限：2023年10月底'].join('\n'),
      'plan.txt',
    );
    expect([plan.plan.year, plan.plan.periodEnd, plan.warnings]).toEqual([2023, '2023-12-31', []]);
    expect(plan.tasks.map((t) => t.deadline)).toEqual(['2023-12-31', '2023-10-31']);
  });

  const DECEMBER = ['某区科学技术局', '2022年12月20日', '某区科学技术局2023年工作要点'];
  it.each([
    ['明年7月份', '2023-07-31'],
    ['明年年底', '2023-12-31'],
    ['明年底', '2023-12-31'],
    ['明年上半年', '2023-06-30'],
  ])('「%s」 in a plan signed in December for the next year → %s', (words, deadline) => {
    const plan = parseText([...DECEMBER, '一、着力培育创新主体', `1.培育高新技术企业。完成时限：${words}`].join('\n'));
    expect([plan.plan.issuedOn, plan.plan.year, taskByCode(plan, '1').deadline]).toEqual(['2022-12-20', 2023, deadline]);
  });

  it.each([
    ['三季度', '2023-09-30'],
    ['第二季度', '2023-06-30'],
    ['上半年', '2023-06-30'],
    ['下半年', '2023-12-31'],
    ['年底前', '2023-12-31'],
    ['每季度末', '2023-12-31'],
    ['持续推进', '2023-12-31'],
    ['长期坚持', '2023-12-31'],
    ['常态化', '2023-12-31'],
  ])('「%s」 → %s', (words, deadline) => {
    expect(task([`1.培育高新技术企业。完成时限：${words}`]).deadline).toBe(deadline);
  });

  it('「持续推进」 in a half-year plan is the half-year end', () => {
    const t = task(['1.培育高新技术企业。完成时限：持续推进'], '某区科学技术局2023年上半年工作计划');
    expect(t.deadline).toBe('2023-06-30');
  });
});
