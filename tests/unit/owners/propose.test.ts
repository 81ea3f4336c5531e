import { beforeEach, describe, expect, it } from 'vitest';
import { indexChart, matchPerson, matchUnit } from '../../../bot/domain/owners/match-unit.js';
import { proposalRows, proposeOwners, type TaskProposal } from '../../../bot/domain/owners/propose.js';
import { DEMO_BUREAU, DEMO_UNITS } from '../../../bot/demo/directory.js';
import { ISSUER, ORG } from '../../helpers/org-fixture.js';

// Built before each test, not at import: a mutant under test (Stryker switches it on before the tests run) must
// reach what these tests read.
let index: ReturnType<typeof indexChart>;
beforeEach(() => {
  index = indexChart(ORG, ISSUER);
});
const dept = (id: string) => ORG.departments.find((d) => d.id === id)!;
const user = (openId: string) => ORG.users.find((u) => u.openId === openId)!;

describe('matchUnit', () => {
  it.each([
    ['高新科', 'od-gx'],
    [' 高新科 ', 'od-gx'],
    ['区科技局高新科', 'od-gx'],
    ['重庆市綦江区科学技术局高新科', 'od-gx'],
    ['綦江区科技局高新科', 'od-gx'],
    ['高新股', 'od-gx'],
    ['高新室', 'od-gx'],
    ['科技创新科', 'od-cx1'],
    ['科技创新股', 'od-cx2'],
    ['局办', 'od-bgs'],
    ['局办公室', 'od-bgs'],
    ['区科技局办公室', 'od-bgs'],
    ['科技服务中心', 'od-fw'],
    ['科技服务中心/综合科', 'od-zh1'],
    ['办公室／综合科', 'od-zh2'],
  ])('%s → found %s', (name, id) => expect(matchUnit(index, name)).toEqual({ kind: 'found', found: dept(id) }));

  it.each([
    ['科技创新室', ['od-cx1', 'od-cx2'], '有 2 个部门都可能是「科技创新室」：「科技创新科」和「科技创新股」，请用 /unit 标记或逐一指定'],
    ['综合科', ['od-zh1', 'od-zh2'], '有 2 个部门都可能是「综合科」：「科技服务中心/综合科」和「办公室/综合科」，请用 /unit 标记或逐一指定'],
  ])('%s → ambiguous', (name, ids, reason) =>
    expect(matchUnit(index, name)).toEqual({ kind: 'ambiguous', candidates: ids.map(dept), reason }));

  it.each([
    ['区财政局', '「区财政局」是外单位，不在本单位的通讯录中'],
    ['区发展改革委', '「区发展改革委」是外单位，不在本单位的通讯录中'],
    ['市科技局', '「市科技局」是外单位，不在本单位的通讯录中'],
    ['区金融办', '「区金融办」是外单位，不在本单位的通讯录中'],
    ['古南街道', '「古南街道」是外单位，不在本单位的通讯录中'],
    ['各镇街', '「各镇街」泛指多个单位，不是通讯录中的一个部门，请逐一指定'],
    ['局机关各科室', '「局机关各科室」泛指多个单位，不是通讯录中的一个部门，请逐一指定'],
    ['相关部门', '「相关部门」泛指多个单位，不是通讯录中的一个部门，请逐一指定'],
    ['区科技局', '「区科技局」指本单位整体，不是其中的一个部门'],
    ['重庆市綦江区科学技术局', '「重庆市綦江区科学技术局」指本单位整体，不是其中的一个部门'],
    ['人才科', '通讯录中没有「人才科」这个部门（如为下属单位，请确认应用的通讯录权限范围）'],
    ['社保中心', '通讯录中没有「社保中心」这个部门（如为下属单位，请确认应用的通讯录权限范围）'],
    ['区经信', '「区经信」是外单位，不在本单位的通讯录中'],
    ['区住房城乡建委', '「区住房城乡建委」是外单位，不在本单位的通讯录中'],
    ['国网南川供电公司', '「国网南川供电公司」是外单位，不在本单位的通讯录中'],
    ['派出所', '「派出所」是外单位，不在本单位的通讯录中'],
    ['  ', '单位名称为空'],
  ])('%s → none', (name, reason) => expect(matchUnit(index, name)).toEqual({ kind: 'none', reason }));

  it('without an issuer only the lone 区 is stripped', () => {
    const bare = indexChart(ORG, null);
    expect(matchUnit(bare, '高新股')).toEqual({ kind: 'found', found: dept('od-gx') });
    expect(matchUnit(bare, '区科技局高新科').kind).toBe('none');
  });
});

describe('other bureaus name their units their own way', () => {
  const chart = (...names: string[]) => ({ departments: names.map((name, i) => ({ id: `d${i}`, name, parentId: null, leaderOpenId: null })), users: [] });
  it.each([
    ['重庆市綦江区古南街道办事处', ['党政办公室', '经济发展办公室'], '党政办', 'd0'],
    ['重庆市綦江区古南街道办事处', ['党政办公室', '经济发展办公室'], '经济发展办公室', 'd1'],
    ['南川区发展和改革委员会', ['办公室', '投资科'], '区发展改革委投资科', 'd1'],
    ['南川区发展和改革委员会', ['办公室', '投资科'], '南川区发改委投资股', 'd1'],
    ['重庆市江津区教育委员会', ['基础教育科', '教育督导室'], '区教委教育督导室', 'd1'],
  ])('%s: %j has %s', (issuer, names, typed, id) => {
    const c = chart(...names);
    expect(matchUnit(indexChart(c, issuer), typed)).toEqual({ kind: 'found', found: c.departments.find((d) => d.id === id) });
  });
  it.each([
    ['南川区发展和改革委员会', '区发改委', '「区发改委」指本单位整体，不是其中的一个部门'],
    ['重庆市江津区教育委员会', '区市场监管局', '「区市场监管局」是外单位，不在本单位的通讯录中'],
  ])('%s: %s', (issuer, typed, reason) => expect(matchUnit(indexChart(chart('投资科'), issuer), typed)).toEqual({ kind: 'none', reason }));
});

describe('the demo bureau’s chart, whose names are longer than the owners file’s', () => {
  const chart = {
    departments: [{ id: DEMO_BUREAU.departmentId, name: DEMO_BUREAU.name, parentId: null, leaderOpenId: 'ou_head' }, ...DEMO_UNITS.map((u) => ({ id: u.departmentId, name: u.name, parentId: DEMO_BUREAU.departmentId, leaderOpenId: u.leader }))],
    users: [],
  };
  const demo = indexChart(chart, ISSUER);
  it.each(DEMO_UNITS.filter((u) => u.ownersWord).map((u) => [u.ownersWord!, u.name]))('%s → %s', (word, name) => {
    const m = matchUnit(demo, word);
    expect(m.kind === 'found' && m.found.name).toBe(name);
  });
  it('the bureau itself is its root department; a short name several hold is listed', () => {
    expect(matchUnit(demo, '区科技局')).toMatchObject({ kind: 'found', found: { name: DEMO_BUREAU.name } });
    expect(matchUnit(demo, '科技科')).toMatchObject({ kind: 'ambiguous', reason: '有 5 个部门都可能是「科技科」：「科技平台建设科」和「科技成果转化科」和「农村科技科」和「科技金融科」和「科技创新服务中心」，请用 /unit 标记或逐一指定' });
  });
});

describe('matchPerson', () => {
  it.each([
    ['何建国', { kind: 'found', found: user('ou_demo_hejianguo') }],
    ['何 建 国', { kind: 'found', found: user('ou_demo_hejianguo') }],
    ['何建国同志', { kind: 'found', found: user('ou_demo_hejianguo') }],
    ['李强', { kind: 'ambiguous', candidates: [user('ou_demo_liqiang'), user('ou_liqiang_nc')], reason: '「李强」有 2 位同名人员，分别在「高新科」「农村科」，请逐一指定' }],
    ['陈某某', { kind: 'none', reason: '通讯录（应用可见范围内）没有「陈某某」' }],
  ])('%s', (name, expected) => expect(matchPerson(index, name)).toEqual(expected));
});

describe('proposeOwners', () => {
  const contacts = new Map([['od-pt', 'ou_pt_contact']]);
  const cases: [string, { role: 'lead' | 'collaborator' | 'leader'; name: string }[], TaskProposal][] = [
    ['department leader as owner, named leader', [{ role: 'lead', name: '高新科' }, { role: 'leader', name: '何建国' }], {
      code: 'T', owners: [{ openId: 'ou_demo_zhangmin', name: '张敏', because: '高新科负责人' }], collaborators: [],
      leaders: [{ openId: 'ou_demo_hejianguo', name: '何建国', because: '责任领导' }], misses: [],
    }],
    ['the marked 联络员 before the leader; fuzzy collaborator; outside body; namesakes', [
      { role: 'lead', name: '区科技局平台科' }, { role: 'collaborator', name: '高新股' }, { role: 'collaborator', name: '区财政局' }, { role: 'leader', name: '李强' },
    ], {
      code: 'T', owners: [{ openId: 'ou_pt_contact', name: '刘洋', because: '平台科联络员' }],
      collaborators: [{ openId: 'ou_demo_zhangmin', name: '张敏', because: '高新科负责人' }], leaders: [],
      misses: [
        { role: 'collaborator', name: '区财政局', reason: '「区财政局」是外单位，不在本单位的通讯录中' },
        { role: 'leader', name: '李强', reason: '「李强」有 2 位同名人员，分别在「高新科」「农村科」，请逐一指定' },
      ],
    }],
    ['a department without a leader or 联络员', [{ role: 'lead', name: '农村科' }], {
      code: 'T', owners: [], collaborators: [], leaders: [],
      misses: [{ role: 'lead', name: '农村科', reason: '部门「农村科」没有负责人，也没有标记联络员（可用 /unit 农村科 @联络员 标记）' }],
    }],
    ['similar names and a leader outside the chart', [{ role: 'lead', name: '科技创新室' }, { role: 'leader', name: '陈某某' }], {
      code: 'T', owners: [], collaborators: [], leaders: [],
      misses: [
        { role: 'lead', name: '科技创新室', reason: '有 2 个部门都可能是「科技创新室」：「科技创新科」和「科技创新股」，请用 /unit 标记或逐一指定' },
        { role: 'leader', name: '陈某某', reason: '通讯录（应用可见范围内）没有「陈某某」' },
      ],
    }],
    ['no lead unit named; a collaborator who is also the owner is listed once', [{ role: 'collaborator', name: '各科室' }], {
      code: 'T', owners: [], collaborators: [], leaders: [],
      misses: [
        { role: 'lead', name: '', reason: '计划未写明牵头单位' },
        { role: 'collaborator', name: '各科室', reason: '「各科室」泛指多个单位，不是通讯录中的一个部门，请逐一指定' },
      ],
    }],
    ['two lead units, one also a collaborator', [{ role: 'lead', name: '高新科' }, { role: 'lead', name: '局办' }, { role: 'collaborator', name: '高新科' }], {
      code: 'T', owners: [{ openId: 'ou_demo_zhangmin', name: '张敏', because: '高新科负责人' }, { openId: 'ou_bgs', name: '陈静', because: '办公室负责人' }],
      collaborators: [], leaders: [], misses: [],
    }],
  ];
  it.each(cases)('%s', (_, parties, expected) => {
    expect(proposeOwners({ tasks: [{ code: 'T', parties }], chart: ORG, issuer: ISSUER, contacts })).toEqual([expected]);
  });

  it('a leader outside the data scope is named after the department', () => {
    const chart = { departments: [{ id: 'x', name: '法规科', parentId: null, leaderOpenId: 'ou_hidden' }], users: [] };
    const [p] = proposeOwners({ tasks: [{ code: '1', parties: [{ role: 'lead', name: '法规科' }] }], chart, issuer: ISSUER, contacts: new Map() });
    expect(p!.owners).toEqual([{ openId: 'ou_hidden', name: '法规科负责人', because: '法规科负责人' }]);
  });

  it('proposalRows gives owners-file rows in task and role order', () => {
    const proposals = proposeOwners({
      tasks: [{ code: '1', parties: [{ role: 'leader', name: '何建国' }, { role: 'lead', name: '高新科' }] }, { code: '2', parties: [{ role: 'lead', name: '平台科' }, { role: 'collaborator', name: '高新科' }] }],
      chart: ORG, issuer: ISSUER, contacts,
    });
    const base = { email: null, mobile: null, department: null };
    expect(proposalRows(proposals)).toEqual([
      { line: 1, taskCode: '1', name: '张敏', role: 'owner', openId: 'ou_demo_zhangmin', ...base },
      { line: 2, taskCode: '1', name: '何建国', role: 'leader', openId: 'ou_demo_hejianguo', ...base },
      { line: 3, taskCode: '2', name: '刘洋', role: 'owner', openId: 'ou_pt_contact', ...base },
      { line: 4, taskCode: '2', name: '张敏', role: 'collaborator', openId: 'ou_demo_zhangmin', ...base },
    ]);
  });
});
