/**
 * What each column of a task decomposition table holds (bot/domain/plan/table-columns.ts), rule by rule: a header
 * cell's column, which row is the header, and the columns a header and its body give together. Every expectation
 * follows from the rule the case names.
 */
import { describe, expect, it } from 'vitest';
import { columnOf, findHeaderRow, readColumns } from '../../../bot/domain/plan/table-columns.js';

describe('columnOf', () => {
  it.each([
    ['序号', 'number'],
    [' 序 号 ', 'number'],
    ['no', 'number'],
    ['No.', 'number'],
    ['牵头单位', 'lead'],
    ['责任单位', 'responsible'],
    ['配合单位', 'collaborator'],
    ['责任领导', 'leader'],
    ['完成时限', 'deadline'],
    // Deadline labels the column words do not list.
    ['截止时间', 'deadline'],
    ['时间要求', 'deadline'],
    ['具体措施', 'measures'],
    ['工作任务', 'task'],
    ['领域', 'section'],
    // Sixteen characters are a header; seventeen are text.
    ['二〇二二年度区级重点工作任务清单', 'task'],
    ['二〇二二年度区级重点工作任务清单一', null],
    ['', null],
    ['   ', null],
    ['备注', null],
  ])('%s', (cell, column) => expect(columnOf(cell)).toBe(column));
});

describe('findHeaderRow', () => {
  it('a row naming the task column and another', () => {
    expect(findHeaderRow([['某区2022年重点工作任务分解表'], ['序号', '工作任务', '牵头单位']])).toBe(1);
    expect(findHeaderRow([['工作任务', '备注']])).toBe(-1);
  });

  it('else a row naming the number and who or by when, beside a column of text it does not name', () => {
    for (const who of ['牵头单位', '责任单位', '完成时限']) expect(findHeaderRow([['标题'], ['序号', '民生实事', who]])).toBe(1);
    expect(findHeaderRow([['序号', '民生实事', '配合单位']])).toBe(-1);
    expect(findHeaderRow([['民生实事', '序号', '责任单位']])).toBe(-1);
    expect(findHeaderRow([['序号', '2022', '责任单位']])).toBe(-1);
  });
});

describe('readColumns', () => {
  it('the header names the columns', () => {
    expect(readColumns(['序号', '工作任务', '牵头单位'], [])).toEqual(['number', 'task', 'lead']);
  });

  it('without a task column, the first column of text it does not name after the number holds the tasks', () => {
    expect(readColumns(['序号', '民生实事', '责任单位'], [])).toEqual(['number', 'task', 'responsible']);
    expect(readColumns(['民生实事', '责任单位'], [])).toEqual(['task', 'responsible']);
    // With a task column named, another unnamed column stays unnamed.
    expect(readColumns(['序号', '工作任务', '备注说明', '牵头单位'], [])).toEqual(['number', 'task', null, 'lead']);
  });

  it('a second task column holds the measures', () => {
    expect(readColumns(['序号', '工作任务', '重点任务', '牵头单位'], [])).toEqual(['number', 'task', 'measures', 'lead']);
  });

  it('a task column of numbers is the number column, and the measures beside it the tasks (rows of one cell aside)', () => {
    const body = [['一、产业', '', ''], ['二、民生', '', ''], ['1', '培育企业', ''], ['2', '引进人才', '']];
    expect(readColumns(['工作任务', '具体要求', '牵头单位'], body)).toEqual(['number', 'task', 'lead']);
  });

  it('a task column of groups 「（一）…」 names the subsections', () => {
    const body = [['1', '（一）聚焦中心工作', '培育企业', '区科技局'], ['2', '（一）聚焦中心工作', '引进人才', '区人社局'], ['3', '（二）民生', '改造小区', '区住建委']];
    expect(readColumns(['序号', '工作任务', '具体要求', '牵头单位'], body)).toEqual(['number', 'subsection', 'task', 'lead']);
  });

  it('a blank header over numbers is the number column, only when there is none', () => {
    const body = [['1', 'a', 'b'], ['2', 'c', 'd']];
    expect(readColumns(['', '工作任务', '牵头单位'], body)).toEqual(['number', 'task', 'lead']);
    expect(readColumns(['  ', '工作任务', '牵头单位'], body)).toEqual(['number', 'task', 'lead']);
    expect(readColumns(['备注', '工作任务', '牵头单位'], body)).toEqual([null, 'task', 'lead']);
    expect(readColumns(['序号', '', '工作任务'], [['1', '1', 'a'], ['2', '2', 'b']])).toEqual(['number', null, 'task']);
    // An empty column is no number column.
    expect(readColumns(['', '工作任务', '牵头单位'], [['', 'a', 'b'], ['', 'c', 'd']])).toEqual([null, 'task', 'lead']);
  });

  it('「mostly」 is six filled cells in ten; empty and missing cells do not count', () => {
    const rows = (cells: string[]) => cells.map((c) => ['a', 'b', c]);
    expect(readColumns(['工作任务', '牵头单位', ''], rows(['1', '2', '3', '甲', '乙']))).toEqual(['task', 'lead', 'number']);
    expect(readColumns(['工作任务', '牵头单位', ''], rows(['1', '2', '甲', '乙', '丙']))).toEqual(['task', 'lead', null]);
    expect(readColumns(['工作任务', '牵头单位', ''], rows(['1', '甲', '乙', '丙', '丁']))).toEqual(['task', 'lead', null]);
    expect(readColumns(['工作任务', '牵头单位', ''], [['a', 'b', '1'], ['c', 'd'], ['e', 'f'], ['g', 'h', ''], ['i', 'j', '']])).toEqual(['task', 'lead', 'number']);
  });
});
