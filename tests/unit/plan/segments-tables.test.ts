/** Where a table's tasks are and how its rows group (issue #16, round 2). Rows built in memory. */
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../../bot/domain/plan/parse-plan.js';
import { findHeaderRow } from '../../../bot/domain/plan/parse-table.js';
import { tableSource } from './helpers.js';

const parse = (rows: string[][]) => parsePlan(tableSource(rows, ['某县人民政府2024年重点工作任务分解表']));
const rowsOf = (rows: string[][]) => parse(rows).tasks.map((t) => [t.code, t.section, t.title]);

describe('the task column', () => {
  it.each([
    ['民生实事'],
    ['2024年预期目标'],
    ['年度目标'],
  ])('is the column a 序号 table leaves unnamed: 「%s」', (name) => {
    const rows = [
      ['序号', name, '责任单位', '完成时限'],
      ['1', '新建城区公厕6座。', '县住建局', '10月底前'],
      ['2', '城镇调查失业率控制在5.5%以内', '县人社局', '12月底前'],
    ];
    expect(findHeaderRow(rows)).toBe(0);
    expect(rowsOf(rows)).toEqual([
      ['1', null, '新建城区公厕6座'],
      ['2', null, '城镇调查失业率控制在5.5%以内'],
    ]);
  });

  it('is not guessed when the row names no number column', () => {
    expect(findHeaderRow([['备注', '责任单位', '完成时限'], ['新建城区公厕6座', '县住建局', '10月底前']])).toBe(-1);
  });

  it('is the 具体要求 column when the 工作任务 header is merged over the numbers', () => {
    const rows = [
      ['工作任务', '具体要求', '责任科室', '完成时限'],
      ['一、围绕中心工作抓好主动公开', '', '', ''],
      ['1', '及时公开重大项目建设进展，回应群众关切。', '办公室', '持续推进'],
      ['2', '做好财政预决算信息公开', '财务科', '年底前'],
    ];
    expect(rowsOf(rows)).toEqual([
      ['1', '一', '及时公开重大项目建设进展，回应群众关切'],
      ['2', '一', '做好财政预决算信息公开'],
    ]);
  });
});

describe('groups of rows', () => {
  it('reads a row that only names 「（一）…」 as a sub-section of the section above', () => {
    const plan = parse([
      ['工作任务', '具体要求', '责任单位', '时限要求'],
      ['一、聚焦重点领域深化公开', '', '', ''],
      ['（一）做好规划公开', '', '', ''],
      ['1', '主动公开国土空间规划和专项规划', '规划科', '持续推进'],
      ['（二）做好财政信息公开', '', '', ''],
      ['2', '公开部门预算、决算及相关报表', '财务科', '年底前'],
      ['二、聚焦解读回应', '', '', ''],
      ['（三）加强政策解读', '', '', ''],
      ['3', '政策文件与解读材料同步发布', '办公室', '持续推进'],
    ]);
    expect(plan.sections.map((s) => [s.ordinal, s.title, s.parent])).toEqual([
      ['一', '聚焦重点领域深化公开', null],
      ['一（一）', '做好规划公开', '一'],
      ['一（二）', '做好财政信息公开', '一'],
      ['二', '聚焦解读回应', null],
      ['二（三）', '加强政策解读', '二'],
    ]);
    expect(plan.tasks.map((t) => [t.code, t.section])).toEqual([
      ['1', '一（一）'],
      ['2', '一（二）'],
      ['3', '二（三）'],
    ]);
  });

  it('reads a merged cell of 「（一）…」 beside the numbers as the sub-section of the rows it spans', () => {
    const plan = parse([
      ['工作任务', '', '具体要求', '责任科室'],
      ['一、抓好主动公开', '', '', ''],
      ['（一）聚焦中心工作', '1', '公开重点项目进展', '规划科'],
      ['', '2', '公开民生实事办理情况', '办公室'],
      ['（二）聚焦公众参与', '3', '组织政府开放日活动', '办公室'],
    ]);
    expect(plan.sections.map((s) => s.ordinal)).toEqual(['一', '一（一）', '一（二）']);
    expect(plan.tasks.map((t) => [t.code, t.section, t.title])).toEqual([
      ['1', '一（一）', '公开重点项目进展'],
      ['2', '一（一）', '公开民生实事办理情况'],
      ['3', '一（二）', '组织政府开放日活动'],
    ]);
  });
});
