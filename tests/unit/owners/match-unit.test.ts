/**
 * bot/domain/owners/match-unit.ts beyond the bureau fixtures of propose.test.ts: paths for namesakes, a path that
 * names nothing, short keys, the bureau left out of short names, remembered answers, and people.
 */
import { describe, expect, it } from 'vitest';
import { indexChart, matchPerson, matchUnit, personKey, shownName } from '../../../bot/domain/owners/match-unit.js';
import type { OrgChart } from '../../../bot/domain/owners/org-chart.js';
import { proposeOwners } from '../../../bot/domain/owners/propose.js';

const CHART: OrgChart = {
  departments: [
    { id: 'b0', name: '重庆市綦江区科学技术局', parentId: null, leaderOpenId: null },
    { id: 'd1', name: '综合科', parentId: 'b0', leaderOpenId: null },
    { id: 'p2', name: '科技服务中心', parentId: 'b0', leaderOpenId: null },
    { id: 'd2', name: '综合科', parentId: 'p2', leaderOpenId: null },
    { id: 'd3', name: '高新技术发展科', parentId: 'b0', leaderOpenId: null },
    { id: 'd4', name: '人事股', parentId: 'b0', leaderOpenId: null },
  ],
  users: [
    { openId: 'ou_1', name: '何建国', departmentIds: ['d1', 'd4'] },
    { openId: 'ou_2', name: '何建国', departmentIds: ['d3'] },
    { openId: 'ou_3', name: '王芳', departmentIds: ['gone'] },
    { openId: 'ou_4', name: '王芳', departmentIds: [] },
    { openId: 'ou_5', name: '张敏', departmentIds: ['d3'] },
  ],
};
const index = () => indexChart(CHART, '重庆市綦江区科学技术局');
const dept = (id: string) => CHART.departments.find((d) => d.id === id)!;

describe('departments', () => {
  it('shows a department by its path only where another has its name', () => {
    const i = index();
    expect(shownName(i, dept('d1'))).toBe('重庆市綦江区科学技术局/综合科');
    expect(shownName(i, dept('d2'))).toBe('科技服务中心/综合科');
    expect(shownName(i, dept('d3'))).toBe('高新技术发展科');
  });

  it('lists namesakes by their paths, finds one by its path, and says when a path names nothing', () => {
    const i = index();
    expect(matchUnit(i, '综合科')).toEqual({
      kind: 'ambiguous', candidates: [dept('d1'), dept('d2')], reason: '有 2 个部门都可能是「综合科」：「重庆市綦江区科学技术局/综合科」和「科技服务中心/综合科」，请用 /unit 标记或逐一指定',
    });
    expect(matchUnit(i, '科技服务中心/综合科')).toEqual({ kind: 'found', found: dept('d2') });
    expect(matchUnit(i, '别的中心/综合科')).toEqual({ kind: 'none', reason: '通讯录中没有「别的中心/综合科」这个部门' });
  });

  it('a short name needs two characters, and never finds the bureau itself', () => {
    const i = index();
    expect(matchUnit(i, '高新科')).toEqual({ kind: 'found', found: dept('d3') });
    expect(matchUnit(i, '人')).toEqual({ kind: 'none', reason: '通讯录中没有「人」这个部门（如为下属单位，请确认应用的通讯录权限范围）' });
    expect(matchUnit(i, '科学')).toEqual({ kind: 'none', reason: '通讯录中没有「科学」这个部门（如为下属单位，请确认应用的通讯录权限范围）' });
  });

  it('answers a name the plan repeats from memory', () => {
    const i = index();
    const first = matchUnit(i, '高新科');
    expect(matchUnit(i, ' 高新科')).toBe(first);
  });
});

describe('people', () => {
  it.each([['何建国同志', '何建国'], ['何 建 国局长', '何建国'], ['何建国副局长', '何建国'], ['何局长建国', '何局长建国'], ['张敏主任', '张敏']])('%j → %j', (name, key) =>
    expect(personKey(name)).toBe(key));

  it('finds one, lists namesakes with their departments, and names whom it did not find', () => {
    const i = index();
    expect(matchPerson(i, '张敏同志')).toEqual({ kind: 'found', found: CHART.users[4] });
    expect(matchPerson(i, '何建国')).toEqual({
      kind: 'ambiguous', candidates: [CHART.users[0], CHART.users[1]], reason: '「何建国」有 2 位同名人员，分别在「综合科、人事股」「高新技术发展科」，请逐一指定',
    });
    expect(matchPerson(i, '王芳')).toMatchObject({ kind: 'ambiguous', reason: '「王芳」有 2 位同名人员，分别在「未知部门」「未知部门」，请逐一指定' });
    expect(matchPerson(i, '赵六同志')).toEqual({ kind: 'none', reason: '通讯录（应用可见范围内）没有「赵六」' });
    expect(matchPerson(i, ' ')).toEqual({ kind: 'none', reason: '通讯录（应用可见范围内）没有「」' });
  });
});

describe('proposeOwners: one person once, and a contact outside the visible users', () => {
  it('a person named for a task twice is proposed once; a contact the chart cannot show is named after the unit', () => {
    const chart: OrgChart = {
      departments: [
        { id: 'g', name: '高新科', parentId: null, leaderOpenId: 'ou_zm' },
        { id: 'c', name: '成果科', parentId: null, leaderOpenId: 'ou_zm' },
        { id: 'n', name: '农村科', parentId: null, leaderOpenId: null },
      ],
      users: [{ openId: 'ou_zm', name: '张敏', departmentIds: ['g', 'c'] }, { openId: 'ou_he', name: '何建国', departmentIds: [] }],
    };
    const [p] = proposeOwners({
      chart, issuer: null, contacts: new Map([['n', 'ou_hidden']]),
      tasks: [{ code: '1', parties: [{ role: 'lead', name: '高新科' }, { role: 'lead', name: '成果科' }, { role: 'leader', name: '何建国' }, { role: 'leader', name: '何建国同志' }, { role: 'collaborator', name: '农村科' }] }],
    });
    expect(p).toEqual({
      code: '1',
      owners: [{ openId: 'ou_zm', name: '张敏', because: '高新科负责人' }],
      collaborators: [{ openId: 'ou_hidden', name: '农村科联络员', because: '农村科联络员' }],
      leaders: [{ openId: 'ou_he', name: '何建国', because: '责任领导' }],
      misses: [],
    });
  });
});
