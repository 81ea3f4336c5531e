/**
 * Small plan rules stated case by case: task codes (assign-codes.ts), label words (labels.ts), a
 * target in words (describe.ts) and the size checks (limits-check.ts).
 */
import { describe, expect, it } from 'vitest';
import { assignCodes } from '../../../bot/domain/plan/assign-codes.js';
import type { Numbered } from '../../../bot/domain/plan/assign-codes.js';
import { describeTarget, formatValue } from '../../../bot/domain/plan/describe.js';
import { fieldOf, LABEL_SOURCE } from '../../../bot/domain/plan/labels.js';
import type { AnnotationField } from '../../../bot/domain/plan/labels.js';
import { checkSourceSize, checkTaskCount } from '../../../bot/domain/plan/limits-check.js';
import { matchesOf } from '../../../bot/domain/plan/matches.js';
import { PlanError } from '../../../bot/domain/plan/types.js';

describe('assignCodes: the shortest unique code', () => {
  it.each<[string, Numbered[], string[]]>([
    ['none', [], []],
    ['numbers unique across the plan: the number alone', [{ path: [1], number: 1 }, { path: [1], number: 2 }, { path: [2], number: 3 }], ['1', '2', '3']],
    ['numbers restarting per section: section and number', [{ path: [1], number: 1 }, { path: [2], number: 1 }], ['1.1', '2.1']],
    ['restarting per sub-section too', [{ path: [1, 1], number: 1 }, { path: [1, 2], number: 1 }], ['1.1.1', '1.2.1']],
    ['`least` keeps the section however unique', [{ path: [3], number: 1, least: 1 }, { path: [3], number: 2 }], ['3.1', '2']],
    ['a number repeated in one section: suffixed', [{ path: [1], number: 1 }, { path: [1], number: 1 }, { path: [1], number: 1 }], ['1.1', '1.1-2', '1.1-3']],
  ])('%s', (_what, items, codes) => expect(assignCodes(items)).toEqual(codes));
});

describe('label words', () => {
  it.each<[string, AnnotationField | null]>([
    ['完成时限', 'deadline'], ['时限', 'deadline'], ['完成时间节点', 'deadline'],
    ['领导', 'leader'], ['责任领导', 'leader'], ['分管区领导', 'leader'], ['责任人', 'leader'], ['牵头负责领导', 'leader'],
    ['牵头单位', 'lead'], ['牵头科室（单位）', 'lead'], ['牵头（责任）单位', 'lead'], ['主办处室', 'lead'], ['牵头主体', 'lead'],
    ['协同责任单位', 'collaborator'], ['配合单位', 'collaborator'], ['协办科', 'collaborator'],
    ['责任单位', 'responsible'], ['责 任 单 位', 'responsible'], ['责任主体', 'responsible'], ['实施主体', 'responsible'],
    ['单位', null], ['工作内容', null], ['牵头', null], ['其他单位', null],
  ])('%s → %s', (label, field) => expect(fieldOf(label)).toBe(field));

  it('a label is found with its colon', () => {
    const m = new RegExp(LABEL_SOURCE).exec('（三）牵头单位：区科技局');
    expect(m?.[1]).toBe('牵头单位');
    expect(new RegExp(LABEL_SOURCE).exec('牵头科室（单位）: 区科技局')?.[1]).toBe('牵头科室（单位）');
    expect(new RegExp(LABEL_SOURCE).exec('牵头单位区科技局')).toBeNull();
  });
});

describe('a target in words', () => {
  it.each([
    [{ label: '有效期高企', value: 140, unit: '家', comparator: 'at_least' }, '有效期高企 ≥140家'],
    [{ label: '失业率', value: 4.5, unit: '%', comparator: 'at_most' }, '失业率 ≤4.5%'],
    [{ label: '学校', value: 3, unit: '所', comparator: 'exactly' }, '学校 =3所'],
    [{ label: '学校', value: 3, unit: '所', comparator: 'other' }, '学校 3所'],
    [{ label: '学校', value: 3, unit: '所' }, '学校 3所'],
  ])('%j → 「%s」', (t, words) => expect(describeTarget(t)).toBe(words));

  it.each([[140, '140'], [2.5, '2.5'], [1 / 3, '0.3333'], [0.1 + 0.2, '0.3'], [-2, '-2']])('%d → %s', (v, s) => expect(formatValue(v)).toBe(s));
});

describe('size checks', () => {
  it('text up to 3,000,000 characters passes; one more is refused, naming both counts', () => {
    expect(() => checkSourceSize({ kind: 'text', name: 'a.txt', text: 'x'.repeat(3_000_000) })).not.toThrow();
    expect(() => checkSourceSize({ kind: 'text', name: 'a.txt', text: 'x'.repeat(3_000_001) })).toThrow(
      new PlanError('内容过长（约 3,000,001 字）：一份工作要点不能超过 3,000,000 字。'),
    );
  });

  it('a table counts the characters of every cell', () => {
    const cell = 'x'.repeat(1_000_000);
    expect(() => checkSourceSize({ kind: 'table', name: 'a.xlsx', rows: [[cell, cell], [cell]], preface: [] })).not.toThrow();
    expect(() => checkSourceSize({ kind: 'table', name: 'a.xlsx', rows: [[cell, cell], [cell, 'x']], preface: [] })).toThrow(PlanError);
  });

  it('10,000 tasks pass; one more is refused', () => {
    expect(() => checkTaskCount(10_000)).not.toThrow();
    expect(() => checkTaskCount(10_001)).toThrow(new PlanError('任务过多（10,001 项）：一份工作要点最多 10,000 项任务，请分成几份导入。'));
  });
});

describe('matchesOf', () => {
  it('every match, from the start whatever lastIndex was, and lastIndex left at 0', () => {
    const re = /(\d+)月/g;
    re.lastIndex = 5;
    expect(matchesOf(re, '3月、6月和12月').map((m) => [m.index, m[1]])).toEqual([[0, '3'], [3, '6'], [6, '12']]);
    expect(re.lastIndex).toBe(0);
  });

  it('an empty match moves on instead of matching the same place for ever', () => {
    expect(matchesOf(/x*/g, 'axb').map((m) => [m.index, m[0]])).toEqual([[0, ''], [1, 'x'], [2, ''], [3, '']]);
  });
});
