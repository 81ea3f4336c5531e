/** The one rule for how a task's code is shown and asked for across plans (bot/domain/plan/plan-code.ts). */
import { describe, expect, it } from 'vitest';
import { codePrefixes, planByPrefix, shortNameProblem, shownCode, splitPrefixed, type PlanForCode } from '../../../bot/domain/plan/plan-code.js';
import { digestKey, plannedPosts } from '../../../bot/domain/digest/recipients.js';

const plan = (id: number, year: number, o: Partial<PlanForCode> = {}): PlanForCode => ({ id, year, shortName: null, archived: false, ...o });

describe('codePrefixes / shownCode', () => {
  it.each([
    ['one plan in force: bare', [plan(1, 2022)], 1, '7'],
    ['one in force, the other archived: the one in force bare', [plan(1, 2022, { archived: true }), plan(2, 2023)], 2, '7'],
    ['one in force, the other archived: the archived one by its year', [plan(1, 2022, { archived: true }), plan(2, 2023)], 1, '2022-7'],
    ['two in force: each by its year', [plan(1, 2022), plan(2, 2023)], 1, '2022-7'],
    ['two in force: the short name first', [plan(1, 2022), plan(2, 2023, { shortName: '区委' })], 2, '区委-7'],
    ['two in force with the same year: 计划<id>', [plan(1, 2023), plan(2, 2023)], 2, '计划2-7'],
    ['archived with the year of one in force: 计划<id>', [plan(1, 2023, { archived: true }), plan(2, 2023), plan(3, 2024)], 1, '计划1-7'],
  ])('%s', (_name, plans, planId, shown) => {
    expect(shownCode(codePrefixes(plans), planId, '7')).toBe(shown);
  });
});

describe('planByPrefix reads back every prefix the rule writes', () => {
  const sets: PlanForCode[][] = [
    [plan(1, 2022), plan(2, 2023)],
    [plan(1, 2023), plan(2, 2023, { shortName: '区委' }), plan(3, 2023)],
    [plan(1, 2023, { archived: true }), plan(2, 2023), plan(3, 2024)],
    [plan(1, 2022, { archived: true }), plan(2, 2023, { shortName: '科技局' })],
  ];
  it.each(sets.map((s, i) => [i, s] as const))('set %i', (_i, plans) => {
    for (const [id, prefix] of codePrefixes(plans)) {
      if (prefix === null) continue;
      expect(planByPrefix(plans, prefix)?.id).toBe(id);
    }
  });
  it('a word that is no prefix names no plan', () => {
    expect(planByPrefix([plan(1, 2022), plan(2, 2023)], '培育')).toBeNull();
    expect(planByPrefix([plan(1, 2022), plan(2, 2023)], '2021')).toBeNull();
  });
});

describe('splitPrefixed', () => {
  it.each([
    ['2023-7', { prefix: '2023', code: '7' }],
    ['2023年7', { prefix: '2023', code: '7' }],
    ['区委－7', { prefix: '区委', code: '7' }],
    ['计划2-2.3', { prefix: '计划2', code: '2.3' }],
    ['7', null],
    ['培育高新技术企业', null],
  ])('%s', (ref, want) => {
    expect(splitPrefixed(ref)).toEqual(want);
  });
});

describe('shortNameProblem', () => {
  const others = [{ id: 1, shortName: '区委' }, { id: 2, shortName: null }];
  it.each([
    ['科技局', null],
    ['区委', '已被另一份计划使用'],
    ['a-b', '不能含空格'],
    ['区 委', '不能含空格'],
    ['2023', '纯数字'],
    ['计划3', '纯数字'],
    ['一二三四五六七八九', '最多 8 个字'],
  ])('%s', (name, problem) => {
    const got = shortNameProblem(name, others, 2);
    if (problem === null) expect(got).toBeNull();
    else expect(got).toContain(problem);
  });
  it('a plan may keep its own name', () => expect(shortNameProblem('区委', others, 1)).toBeNull());
});

describe('plannedPosts: per plan, combined or one plan, per chat', () => {
  const chats = [
    { chatId: 'oc_a', planId: null, combined: false },
    { chatId: 'oc_b', planId: null, combined: true },
    { chatId: 'oc_c', planId: 2, combined: false },
    { chatId: 'oc_d', planId: 3, combined: false },
  ];
  it('each chat as it chose; the admins per plan; a chosen plan not in force gets nothing', () => {
    const posts = plannedPosts({ plansInForce: [1, 2], chats, admins: ['ou_x'], round: '2022-W15' });
    expect(posts.map((p) => p.key)).toEqual([
      '1:oc_a:2022-W15', '2:oc_a:2022-W15', 'all:oc_b:2022-W15', '2:oc_c:2022-W15', '1:ou_x:2022-W15', '2:ou_x:2022-W15',
    ]);
    expect(posts.find((p) => p.chatId === 'oc_b')?.planId).toBeNull();
  });
  it('no plan in force: no post', () => {
    expect(plannedPosts({ plansInForce: [], chats, admins: ['ou_x'], round: 'w' })).toEqual([]);
  });
  it('keys are stable', () => expect(digestKey(null, 'oc_b', 'cmd-om_1')).toBe('all:oc_b:cmd-om_1'));
});
