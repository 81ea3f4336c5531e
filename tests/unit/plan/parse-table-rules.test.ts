/**
 * A plan read from a table (bot/domain/plan/parse-table.ts), rule by rule: how cells are cleaned, which rows are the
 * title and which give the year, which rows open sections and sub-sections (in the 序号 cell, on a row of their own,
 * in a 领域 column), how merged cells continue the task above, how measures columns join, and how codes come from
 * numbers, sections and the task-number limit. Every expectation follows from the rule the case names.
 */
import { describe, expect, it } from 'vitest';
import { parseTable } from '../../../bot/domain/plan/parse-table.js';
import type { ParsedPlan } from '../../../bot/domain/plan/types.js';
import { catchPlanError } from './helpers.js';

const PREFACE = ['某区科学技术局2023年重点工作任务分解表'];
const parse = (rows: (string | null)[][], preface = PREFACE, name = 'plan.csv') => parseTable(rows as string[][], preface, name, 2022);

const sectionsOf = (plan: ParsedPlan) => plan.sections.map((s) => [s.ordinal, s.title, s.parent]);
const codesOf = (plan: ParsedPlan) => plan.tasks.map((t) => [t.code, t.number, t.section, t.title]);
const partiesOf = (plan: ParsedPlan) =>
  plan.tasks.map((t) => ({ code: t.code, title: t.title, body: t.body, lead: t.leadUnits, collaborators: t.collaborators, deadline: t.deadline }));

describe('cells', () => {
  it('a line break in a cell is a line break, written \\r\\n or a lone \\r', () => {
    const rows = [
      ['序号', '重点任务', '牵头单位'],
      ['1', '推进城市更新\r\n实施老旧小区改造项目12个', '区住建委'],
      ['2', '加快棚户区改造\r完成棚户区改造300户', '区住建委'],
    ];
    expect(parse(rows).tasks.map((t) => [t.code, t.title, t.body])).toEqual([
      ['1', '推进城市更新', '实施老旧小区改造项目12个'],
      ['2', '加快棚户区改造', '完成棚户区改造300户'],
    ]);
  });

  it('a cell holding only spaces is empty: a section row stays a section row', () => {
    const plan = parse([
      ['序号', '重点任务', '牵头单位', '完成时限'],
      ['一、科技创新', ' ', ' ', ' '],
      [' 1 ', ' 培育高新技术企业 ', ' 区科技局 ', ' 2023年6月底 '],
    ]);
    expect(sectionsOf(plan)).toEqual([['一', '科技创新', null]]);
    expect(partiesOf(plan)).toEqual([
      { code: '1', title: '培育高新技术企业', body: '', lead: ['区科技局'], collaborators: [], deadline: '2023-06-30' },
    ]);
  });

  it('a missing cell (null) is empty', () => {
    const plan = parse([
      ['序号', '重点任务', '牵头单位', '配合单位'],
      ['1', '培育高新技术企业', null, '区财政局'],
    ]);
    expect(plan.tasks.map((t) => [t.leadUnits, t.collaborators])).toEqual([[[], ['区财政局']]]);
  });

  it('a row shorter than the header (a .csv drops trailing empty cells) has those cells empty', () => {
    const plan = parse([
      ['序号', '重点任务', '具体措施', '工作目标', '牵头单位', '完成时限'],
      ['一、科技创新'],
      ['1', '培育高新技术企业', '开展申报辅导。'],
    ]);
    expect(sectionsOf(plan)).toEqual([['一', '科技创新', null]]);
    expect(plan.tasks.map((t) => [t.code, t.section, t.title, t.body, t.leadUnits, t.deadlineText])).toEqual([
      ['1', '一', '培育高新技术企业', '开展申报辅导。', [], null],
    ]);
  });
});

describe('title and year', () => {
  it('the rows above the header are the title lines, each row\'s filled cells joined by a space', () => {
    const plan = parse(
      [
        ['某区科学技术局', '', '2023年重点工作任务分解表'],
        ['序号', '重点任务', '牵头单位'],
        ['1', '培育高新技术企业', '区科技局'],
      ],
      [],
    );
    expect([plan.plan.title, plan.plan.year]).toEqual(['某区科学技术局 2023年重点工作任务分解表', 2023]);
  });

  it('only the rows above the header are title lines (not the header, not a task that names a 计划)', () => {
    const plan = parse(
      [
        ['某区科学技术局2023年重点工作任务分解表'],
        ['序号', '重点任务', '牵头单位'],
        ['1', '制定科技成果转化行动计划', '区科技局'],
      ],
      [],
    );
    expect(plan.plan.title).toBe('某区科学技术局2023年重点工作任务分解表');
  });

  it('the columns are read from the rows below the header: a title row does not hide the numbers under a blank header', () => {
    // Under a blank header, the column is the number column when six in ten of its filled cells are numbers;
    // the title row above the header would make it one in two.
    const plan = parse(
      [
        ['某区科学技术局2023年重点工作任务分解表'],
        ['', '重点任务', '责任单位'],
        ['5', '培育高新技术企业', '区科技局'],
      ],
      [],
    );
    expect(codesOf(plan)).toEqual([['5', 5, null, '培育高新技术企业']]);
  });

  it('without a year above the table, the year named most in the rows below the header', () => {
    const plan = parse(
      [
        ['序号', '重点任务', '牵头单位', '完成时限'],
        ['1', '培育高新技术企业', '区科技局', '2023年6月底'],
        ['2', '落实科技政策', '区财政局', '2023年9月底'],
        ['3', '建设创新平台', '区经信委', '2024年3月底'],
      ],
      [],
    );
    expect([plan.plan.year, plan.plan.periodEnd, plan.warnings]).toEqual([2023, '2023-12-31', []]);
  });

  it('the header row\'s own words are not counted for the year', () => {
    // Counted with the header, 2022 and 2023 would tie and the earlier win.
    const plan = parse(
      [
        ['序号', '重点任务', '2022年完成情况', '牵头单位', '完成时限'],
        ['1', '培育高新技术企业', '新增高企15家', '区科技局', '2023年6月底'],
      ],
      [],
    );
    expect(plan.plan.year).toBe(2023);
  });
});

describe('section rows', () => {
  it('an ordinal alone in the 序号 cell (up to three numerals, with or without 、) opens a section named by the task cell', () => {
    const plan = parse([
      ['序号', '重点任务', '牵头单位'],
      ['一', '科技创新'],
      ['1', '培育高新技术企业', '区科技局'],
      ['二、', '人才引育'],
      ['2', '引进高层次人才', '区人社局'],
      ['十一', '营商环境'],
      ['3', '深化放管服改革', '区政务服务办'],
    ]);
    expect(sectionsOf(plan)).toEqual([
      ['一', '科技创新', null],
      ['二', '人才引育', null],
      ['十一', '营商环境', null],
    ]);
    expect(codesOf(plan)).toEqual([
      ['1', 1, '一', '培育高新技术企业'],
      ['2', 2, '二', '引进高层次人才'],
      ['3', 3, '十一', '深化放管服改革'],
    ]);
  });

  it('the section title: the task cell, else the other filled cells joined; marks and spaces before it dropped', () => {
    const plan = parse([
      ['序号', '重点任务', '具体措施', '牵头单位'],
      // A 、 inside the title stays.
      ['一', '科技创新、人才引育'],
      ['1', '培育高新技术企业', '', '区科技局'],
      // The mark was typed in the task cell after the ordinal.
      ['二', '、 开放合作'],
      ['2', '扩大科技交流合作', '', '区科技局'],
      // No task cell: the cells after the ordinal, joined as written.
      ['三', '', '营商环境', '（共2项）'],
      ['3', '深化放管服改革', '', '区政务服务办'],
    ]);
    expect(sectionsOf(plan)).toEqual([
      ['一', '科技创新、人才引育', null],
      ['二', '开放合作', null],
      ['三', '营商环境（共2项）', null],
    ]);
  });

  it('without a task cell, the title is what follows the ordinal, wherever the ordinal\'s column is', () => {
    const plan = parse([
      ['', '序号', '重点任务', '具体措施', '牵头单位'],
      ['', '四', '', '数字政府'],
      ['', '1', '推进政务数据共享', '', '区大数据局'],
    ]);
    expect(sectionsOf(plan)).toEqual([['四', '数字政府', null]]);
  });

  it('a task whose text starts with a numeral is a task when the row has other cells filled', () => {
    const plan = parse([
      ['序号', '重点任务', '牵头单位'],
      ['1', '一网通办事项扩面，新增事项50项', '区政务服务办'],
      ['2', '三级医院创建', '区卫生健康委'],
    ]);
    expect(plan.sections).toEqual([]);
    expect(codesOf(plan)).toEqual([
      ['1', 1, null, '一网通办事项扩面，新增事项50项'],
      ['2', 2, null, '三级医院创建'],
    ]);
  });

  it('a row of one cell opens a section only where its ordinal ends at a mark, a space or the cell\'s end', () => {
    const plan = parse([
      ['序号', '重点任务', '牵头单位'],
      ['一 科技创新'],
      ['1', '培育高新技术企业', '区科技局'],
      // A task written without its number or units: 「十四五」 is no section. Under task 1, it continues its number.
      ['', '十四五科技规划编制', ''],
      ['二'],
      ['2', '一网通办事项扩面', '区政务服务办'],
    ]);
    expect(sectionsOf(plan)).toEqual([
      ['一', '科技创新', null],
      ['二', '', null],
    ]);
    // Numbers that run on across sections are unique: codes without the section's place.
    expect(codesOf(plan)).toEqual([
      ['1', 1, '一', '培育高新技术企业'],
      ['1-2', 1, '一', '十四五科技规划编制'],
      ['2', 2, '二', '一网通办事项扩面'],
    ]);
  });

  it('a row that only names 「（一）…」, in the task column too, opens a sub-section and is no task', () => {
    const plan = parse([
      ['序号', '工作任务', '牵头单位', '完成时限'],
      ['一、聚焦重点领域', '', '', ''],
      ['', '（一）做好规划公开', '', ''],
      ['1', '主动公开国土空间规划', '规划科', '持续推进'],
    ]);
    expect(sectionsOf(plan)).toEqual([
      ['一', '聚焦重点领域', null],
      ['一（一）', '做好规划公开', '一'],
    ]);
    expect(codesOf(plan)).toEqual([['1', 1, '一（一）', '主动公开国土空间规划']]);
  });
});

describe('a 领域 column', () => {
  it('a new name opens a section numbered in order; a name seen before (next row or later) is that section again', () => {
    const plan = parse([
      ['序号', '领域', '重点任务', '牵头单位'],
      ['1', '创新主体', '培育高新技术企业', '区科技局'],
      ['2', '创新主体', '落实科技政策', '区财政局'],
      ['3', '创新生态', '建设创新平台', '区经信委'],
      ['4', '创新主体', '引进科技型企业', '区招商局'],
    ]);
    expect(sectionsOf(plan)).toEqual([
      ['1', '创新主体', null],
      ['2', '创新生态', null],
    ]);
    expect(plan.tasks.map((t) => [t.code, t.section])).toEqual([
      ['1', '1'],
      ['2', '1'],
      ['3', '2'],
      ['4', '1'],
    ]);
  });
});

describe('codes', () => {
  it('tasks numbered again in each section are coded with the section\'s place', () => {
    const plan = parse([
      ['序号', '重点任务', '牵头单位'],
      ['一、科技创新'],
      ['1', '培育高新技术企业', '区科技局'],
      ['2', '落实科技政策', '区科技局'],
      ['二、人才引育'],
      ['1', '引进高层次人才', '区人社局'],
      ['2', '建设人才公寓', '区住建委'],
    ]);
    expect(plan.tasks.map((t) => [t.code, t.section])).toEqual([
      ['1.1', '一'],
      ['1.2', '一'],
      ['2.1', '二'],
      ['2.2', '二'],
    ]);
  });

  it('a section ordinal written twice: the first section with it gives the place', () => {
    // Two lists in one sheet, the second starting again at 一. Its task 1 has the path of the first 一: still a
    // clash at full depth, so suffixed.
    const plan = parse([
      ['序号', '重点任务', '牵头单位'],
      ['一、科技创新'],
      ['1', '培育高新技术企业', '区科技局'],
      ['2', '落实科技政策', '区科技局'],
      ['二、人才引育'],
      ['3', '引进高层次人才', '区人社局'],
      ['一、民生实事'],
      ['1', '新建城区公厕6座', '区城管局'],
    ]);
    expect(sectionsOf(plan)).toEqual([
      ['一', '科技创新', null],
      ['二', '人才引育', null],
      ['一', '民生实事', null],
    ]);
    expect(plan.tasks.map((t) => [t.code, t.section])).toEqual([
      ['1.1', '一'],
      ['1.2', '一'],
      ['2.3', '二'],
      ['1.1-2', '一'],
    ]);
  });

  it('tasks numbered again in each sub-section are coded with the section\'s place and the sub-section\'s count', () => {
    const plan = parse([
      ['序号', '工作任务', '牵头单位'],
      ['一、聚焦重点领域'],
      ['（一）做好规划公开'],
      ['1', '公开国土空间规划', '规划科'],
      ['2', '公开专项规划', '规划科'],
      ['（二）做好财政信息公开'],
      ['1', '公开部门预算', '财务科'],
      ['2', '公开部门决算', '财务科'],
    ]);
    expect(sectionsOf(plan)).toEqual([
      ['一', '聚焦重点领域', null],
      ['一（一）', '做好规划公开', '一'],
      ['一（二）', '做好财政信息公开', '一'],
    ]);
    expect(plan.tasks.map((t) => [t.code, t.section])).toEqual([
      ['1.1.1', '一（一）'],
      ['1.1.2', '一（一）'],
      ['1.2.1', '一（二）'],
      ['1.2.2', '一（二）'],
    ]);
  });

  it('a 序号 written twice in a section: the path is the section\'s place only, and the repeat is suffixed', () => {
    const plan = parse([
      ['序号', '重点任务', '牵头单位'],
      ['一、科技创新'],
      ['1', '培育高新技术企业', '区科技局'],
      ['2', '落实科技政策', '区科技局'],
      ['2', '建设创新平台', '区经信委'],
    ]);
    expect(plan.tasks.map((t) => t.code)).toEqual(['1.1', '1.2', '1.2-2']);
  });

  it('a 序号 written twice without sections: the repeat is suffixed', () => {
    const plan = parse([
      ['序号', '重点任务', '牵头单位'],
      ['1', '培育高新技术企业', '区科技局'],
      ['2', '落实科技政策', '区科技局'],
      ['2', '建设创新平台', '区经信委'],
    ]);
    expect(plan.tasks.map((t) => t.code)).toEqual(['1', '2', '2-2']);
  });

  it('a 序号 column left empty from the first row: rows are numbered in order', () => {
    const plan = parse([
      ['序号', '重点任务', '牵头单位'],
      ['', '培育高新技术企业', '区科技局'],
      ['', '落实科技政策', '区财政局'],
    ]);
    expect(codesOf(plan)).toEqual([
      ['1', 1, null, '培育高新技术企业'],
      ['2', 2, null, '落实科技政策'],
    ]);
  });

  it('a number cell may end in a mark; a number with a point inside is none of its own and continues the number above', () => {
    const plan = parse([
      ['序号', '重点任务', '牵头单位'],
      ['1、', '培育高新技术企业', '区科技局'],
      ['1.1', '开展高企申报辅导', '区科技局'],
      ['2．', '落实科技政策', '区财政局'],
    ]);
    expect(codesOf(plan)).toEqual([
      ['1', 1, null, '培育高新技术企业'],
      ['1-2', 1, null, '开展高企申报辅导'],
      ['2', 2, null, '落实科技政策'],
    ]);
  });

  it('a task number up to 99,999 is read; past it the table is refused, quoting the first 12 characters of the cell', async () => {
    const rows = (num: string) => [['序号', '重点任务', '牵头单位'], [num, '培育高新技术企业', '区科技局']];
    expect(parse(rows('99999')).tasks.map((t) => [t.code, t.number])).toEqual([['99999', 99999]]);
    expect((await catchPlanError(() => parse(rows('100000')))).message).toBe(
      '表格第2行的序号「100000」超出了任务编号的上限（99,999）：请检查序号。',
    );
    expect((await catchPlanError(() => parse(rows('1234567890123')))).message).toBe(
      '表格第2行的序号「123456789012」超出了任务编号的上限（99,999）：请检查序号。',
    );
  });
});

describe('merged cells and measures', () => {
  const HEADER = ['序号', '重点任务', '具体措施', '牵头单位', '配合单位', '完成时限'];

  it('rows continuing a merged task cell: its name, its units and deadline, codes 1-2, 1-3; the next task keeps its own', () => {
    const plan = parse([
      HEADER,
      ['1', '培育高新技术企业', '开展申报辅导。', '区科技局', '区财政局', '2023年6月底'],
      ['', '', '建立培育库。'],
      ['', '', '组织专家评审。'],
      // Its 配合单位 cell is empty: it takes none from the task above.
      ['2', '落实科技政策', '开展政策宣讲。', '区科技局', '', '2023年9月底'],
    ]);
    expect(plan.tasks.map((t) => t.number)).toEqual([1, 1, 1, 2]);
    expect(partiesOf(plan)).toEqual([
      { code: '1', title: '培育高新技术企业', body: '开展申报辅导。', lead: ['区科技局'], collaborators: ['区财政局'], deadline: '2023-06-30' },
      { code: '1-2', title: '培育高新技术企业', body: '建立培育库。', lead: ['区科技局'], collaborators: ['区财政局'], deadline: '2023-06-30' },
      { code: '1-3', title: '培育高新技术企业', body: '组织专家评审。', lead: ['区科技局'], collaborators: ['区财政局'], deadline: '2023-06-30' },
      { code: '2', title: '落实科技政策', body: '开展政策宣讲。', lead: ['区科技局'], collaborators: [], deadline: '2023-09-30' },
    ]);
  });

  it('a continuing row\'s own cells win over the merged task\'s', () => {
    const plan = parse([
      HEADER,
      ['1', '培育高新技术企业', '开展申报辅导。', '区科技局', '区财政局', '2023年6月底'],
      ['', '', '建立培育库。', '区生产力促进中心', '', ''],
    ]);
    expect(partiesOf(plan)[1]).toEqual({
      code: '1-2',
      title: '培育高新技术企业',
      body: '建立培育库。',
      lead: ['区生产力促进中心'],
      collaborators: ['区财政局'],
      deadline: '2023-06-30',
    });
  });

  it('rows under a merged task cell that only name units (or a leader, a deadline) add them to the task above', () => {
    const plan = parse([
      ['序号', '工作任务', '牵头单位', '配合单位', '完成时限'],
      ['1', '培育高新技术企业', '区科技局', '区财政局', '2023年6月底'],
      ['', '', '区经信委', '区税务局', ''],
      ['', '', '区发展改革委', '', ''],
      ['2', '落实科技政策', '区科技局', '', '2023年9月底'],
    ]);
    expect(partiesOf(plan)).toEqual([
      { code: '1', title: '培育高新技术企业', body: '', lead: ['区科技局', '区经信委', '区发展改革委'], collaborators: ['区财政局', '区税务局'], deadline: '2023-06-30' },
      { code: '2', title: '落实科技政策', body: '', lead: ['区科技局'], collaborators: [], deadline: '2023-09-30' },
    ]);
  });

  it('a row of units under a continuing row goes to that row, not to the task it continues', () => {
    const plan = parse([
      ['序号', '重点任务', '具体措施', '牵头单位'],
      ['1', '培育高新技术企业', '开展申报辅导。', '区科技局'],
      ['', '', '建立培育库。', '区生产力促进中心'],
      ['', '', '', '区经信委'],
    ]);
    expect(plan.tasks.map((t) => [t.code, t.leadUnits])).toEqual([
      ['1', ['区科技局']],
      ['1-2', ['区生产力促进中心', '区经信委']],
    ]);
  });

  it('measures columns are joined by line breaks, empty cells skipped', () => {
    const plan = parse([
      ['序号', '重点任务', '具体措施', '工作标准', '工作目标', '牵头单位'],
      ['1', '培育高新技术企业', '开展申报辅导。', '', '新增高企20家。', '区科技局'],
      ['2', '落实科技政策', '', '', '开展政策宣讲10场。', '区科技局'],
    ]);
    expect(plan.tasks.map((t) => [t.code, t.title, t.body])).toEqual([
      ['1', '培育高新技术企业', '开展申报辅导。\n新增高企20家。'],
      ['2', '落实科技政策', '开展政策宣讲10场。'],
    ]);
  });
});
