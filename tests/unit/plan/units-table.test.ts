import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../../bot/domain/plan/parse-plan.js';
import { PlanError } from '../../../bot/domain/plan/types.js';
import { isUnitsTable, mergeUnits, readUnitsTable } from '../../../bot/domain/plan/units-table.js';

const PLAN = [
  '重庆市綦江区科学技术局2022年工作要点',
  '一、着力培育创新主体',
  '1.培育高新技术企业。新增高新技术企业20家。',
  '2.培育科技型企业。配合区金融办做好科技金融服务。',
  '牵头科室：平台科；分管领导：王五',
  '3.建设科技平台。',
].join('\n');
const plan = () => parsePlan({ kind: 'text', name: 'plan.txt', text: PLAN });

describe('readUnitsTable', () => {
  it.each([
    ['任务编号｜牵头科室｜配合科室｜分管领导', ['1', '高新科', '平台科、计划科', '何建国'], { leadUnits: ['高新科'], collaborators: ['平台科', '计划科'], leaders: ['何建国'] }],
    ['序号｜牵头单位｜责任领导', ['1.', '高新科', '何建国'], { leadUnits: ['高新科'], collaborators: [], leaders: ['何建国'] }],
    ['编号｜责任单位', ['1', '高新科（牵头）、平台科'], { leadUnits: ['高新科'], collaborators: ['平台科'], leaders: [] }],
    ['编号｜责任单位｜牵头科室', ['1', '平台科', '高新科'], { leadUnits: ['高新科'], collaborators: ['平台科'], leaders: [] }],
    ['任务编号｜牵头科室｜分管领导', ['七', '办公室', '罗晓梅'], { code: '七', leadUnits: ['办公室'], collaborators: [], leaders: ['罗晓梅'] }],
  ])('%s', (header, row, want) => {
    const [u] = readUnitsTable([header.split('｜'), row]);
    expect(u).toMatchObject({ code: '1', line: 2, ...want });
  });

  it('finds the header below a title row and skips blank rows', () => {
    const rows = [['2022年工作要点任务分解表'], ['任务编号', '牵头科室'], ['', ''], ['1', '高新科'], ['2', '平台科']];
    expect(readUnitsTable(rows).map((u) => `${u.line}:${u.code}:${u.leadUnits}`)).toEqual(['4:1:高新科', '5:2:平台科']);
  });

  it('is not a units table with a task column, or without a party column', () => {
    expect(isUnitsTable([['序号', '工作任务', '牵头单位'], ['1', '培育企业', '高新科']])).toBe(false);
    expect(isUnitsTable([['任务编号', '完成时限'], ['1', '6月底']])).toBe(false);
    expect(isUnitsTable([['任务编号', '牵头科室'], ['1', '高新科']])).toBe(true);
    expect(() => readUnitsTable([['任务编号', '完成时限'], ['1', '6月底']])).toThrow('任务分解表需要表头：任务编号');
  });

  it('lists every row without a number and every repeated number at once', () => {
    const rows = [['任务编号', '牵头科室'], ['1', '高新科'], ['', '平台科'], ['1', '计划科'], ['2', '成果科']];
    expect(() => readUnitsTable(rows)).toThrow(PlanError);
    expect(() => readUnitsTable(rows)).toThrow('任务分解表有 2 处问题：\n第 3 行：没有任务编号\n第 4 行：任务编号 1 与第 2 行重复');
  });
});

describe('mergeUnits', () => {
  it("gives the named tasks the table's units; an empty column keeps the plan's own; other tasks are unchanged", () => {
    const before = plan();
    const merged = mergeUnits(before, readUnitsTable([['任务编号', '牵头科室', '配合科室', '分管领导'], ['1', '高新科', '', '何建国'], ['2', '计划科', '', '']]));
    const [t1, t2, t3] = merged.tasks;
    expect(t1).toMatchObject({ leadUnits: ['高新科'], collaborators: [], leaders: ['何建国'] });
    // The plan's own collaborator (from its prose) and leader stay where the table's cells are empty.
    expect(t2).toMatchObject({ leadUnits: ['计划科'], collaborators: before.tasks[1]!.collaborators, leaders: ['王五'] });
    expect(before.tasks[1]!.collaborators).toEqual(['区金融办']);
    expect(t3).toEqual(before.tasks[2]);
    expect(before.tasks[0]!.leadUnits).toEqual([]);
  });

  it('refuses numbers the plan does not have, naming each row', () => {
    const units = readUnitsTable([['任务编号', '牵头科室'], ['1', '高新科'], ['9', '平台科'], ['10', '计划科']]);
    expect(() => mergeUnits(plan(), units)).toThrow('任务分解表中有计划里没有的任务编号：第 3 行「9」、第 4 行「10」');
  });
});
