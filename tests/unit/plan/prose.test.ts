/**
 * Prose plans: the fixtures under tests/fixtures/plans plus small made-up
 * snippets that pin one rule each. Sources are built in memory so these tests
 * exercise the parser only (file decoding is in files.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../../bot/domain/plan/parse-plan.js';
import type { Comparator, ParsedPlan, TargetKind } from '../../../bot/domain/plan/types.js';
import {
  catchPlanError,
  checkTask,
  expectTargets,
  fixtureText,
  fixtureTextGbk,
  parseText,
  taskByCode,
  textSource,
} from './helpers.js';
import type { TaskExpectation } from './helpers.js';

/**
 * The issuer is the signature line of the notice wrapper (full name) or the
 * organisation that prefixes the title (often without 「重庆市」); either is
 * accepted, anything else is not.
 */
function expectIssuer(plan: ParsedPlan, full: string, short: string): void {
  const issuer = plan.plan.issuer;
  expect(issuer, `issuer ${issuer}`).not.toBeNull();
  expect(full.includes(issuer ?? '\u0000') && (issuer ?? '').includes(short), `issuer ${issuer}`).toBe(true);
}

function lazy(load: () => ParsedPlan): () => ParsedPlan {
  let cached: ParsedPlan | undefined;
  return () => (cached ??= load());
}

// ---------------------------------------------------------------------------
// 江津区教委 2023: notice wrapper, sub-sections （一） holding 「1、」 tasks
// numbered across the plan, bracketed annotations at the end of each task.
// ---------------------------------------------------------------------------
describe('区教委 plan with sub-sections and bracketed annotations', () => {
  const plan = lazy(() => parseText(fixtureText('jiangjin-jiaowei-2023-work-plan.txt')));

  it('reads the header', () => {
    expectIssuer(plan(), '重庆市江津区教育委员会', '江津区教育委员会');
    expect(plan().plan).toEqual({
      title: '江津区教育委员会2023年工作要点',
      issuer: plan().plan.issuer,
      year: 2023,
      issuedOn: '2023-02-20',
      periodStart: '2023-01-01',
      periodEnd: '2023-12-31',
    });
  });

  it('makes （一） headings with numbered tasks under them sub-sections', () => {
    expect(plan().sections.map((s) => [s.ordinal, s.parent])).toEqual([
      ['一', null],
      ['一（一）', '一'],
      ['一（二）', '一'],
      ['二', null],
      ['二（一）', '二'],
      ['二（二）', '二'],
      ['三', null],
      ['三（一）', '三'],
      ['三（二）', '三'],
      ['四', null],
    ]);
    const titles = Object.fromEntries(plan().sections.map((s) => [s.ordinal, s.title]));
    expect(titles['一']).toBe('坚持立德树人，全面提升育人质量');
    expect(titles['一（一）']).toBe('加强学校思想政治工作');
    expect(titles['二（二）']).toBe('推进义务教育优质均衡发展');
  });

  it('keeps the plan-wide numbers as codes', () => {
    expect(plan().tasks.map((t) => t.code)).toEqual(
      Array.from({ length: 11 }, (_, i) => String(i + 1)),
    );
  });

  const rows: TaskExpectation[] = [
    {
      code: '1',
      number: 1,
      section: '一（一）',
      title: '推进大中小学思政课一体化建设',
      bodyHas: ['组建区级思政课教学联盟'],
      leadUnits: ['德育科'],
      collaborators: ['教师发展中心', '基础教育科'],
      leaders: ['王小林'],
      deadline: '2023-12-31',
      targets: [{ value: 600, unit: '人次', comparator: 'at_least', label: '思政课教师' }],
      exactTargets: true,
    },
    {
      code: '2',
      section: '一（一）',
      title: '深化劳动教育',
      leadUnits: ['德育科'],
      collaborators: [],
      leaders: ['王小林'],
      deadline: '2023-10-31', // 「10月底前」 in the plan year
      targets: [{ value: 10, unit: '个', kind: 'cumulative', label: '实践基地' }],
      exactTargets: true,
    },
    {
      code: '3',
      section: '一（二）',
      title: '强化体育美育工作',
      deadline: '2023-09-30', // 「第三季度」
      // 「每天…一小时」 is not a target
      targets: [{ value: 92, unit: '%', comparator: 'at_least', kind: 'percent', label: '合格率' }],
      exactTargets: true,
    },
    {
      code: '4',
      section: '一（二）',
      deadline: '2023-09-15',
      targets: [{ value: 100, unit: '%', comparator: 'at_least', kind: 'percent', label: '配备率' }],
      exactTargets: true,
    },
    {
      code: '5',
      section: '二（一）',
      title: '实施学前教育普及普惠工程',
      leadUnits: ['学前教育科', '规划建设科'],
      collaborators: ['计划财务科'],
      leaders: ['刘志强'],
      deadline: '2023-11-30', // two dates in the annotation: the latest wins
      targets: [
        { value: 2700, unit: '个', kind: 'cumulative', label: '学位' },
        { value: 92, unit: '%', comparator: 'at_least', kind: 'percent', label: '覆盖率' },
      ],
    },
    {
      code: '6',
      section: '二（二）',
      deadline: '2023-12-31', // 「全年」
      targets: [
        { value: 3, unit: '个', label: '教育集团' },
        { value: 1, unit: '%', comparator: 'at_most', kind: 'percent', label: '大班额' },
      ],
      exactTargets: true,
    },
    {
      code: '7',
      section: '二（二）',
      leadUnits: ['基础教育科', '校外培训监管科'],
      collaborators: ['区市场监管局', '区公安局'],
      deadline: '2023-12-31', // 「长期」
      targets: [
        { value: 95, unit: '%', comparator: 'at_least', kind: 'percent', label: '参与率' },
        { value: 40, unit: '次', comparator: 'at_least', label: '检查' },
      ],
      exactTargets: true, // 「双减」 is a name
    },
    {
      code: '8',
      section: '三（一）',
      leaders: ['赵敏'],
      deadline: '2023-06-30', // 「上半年」
      targets: [{ value: 4, unit: '场', comparator: 'at_least', label: '培训' }],
      exactTargets: true, // 「零容忍」 is not a target
    },
    {
      code: '9',
      section: '三（二）',
      title: '补充配齐各类教师',
      collaborators: ['区人力社保局', '区委编办'],
      deadline: '2023-08-31',
      targets: [
        { value: 300, unit: '名', comparator: 'at_least', label: '教师' },
        { value: 20, unit: '名', label: '人才' },
        { value: 10, unit: '%', comparator: 'at_least', kind: 'percent', label: '比例' },
      ],
      exactTargets: true,
    },
    {
      code: '10',
      section: '四',
      leadUnits: ['机关党委'],
      leaders: ['张德华'],
      deadline: '2023-12-31',
      targets: [], // 「二十大」「第十二批」 are incidental
      exactTargets: true,
    },
    {
      code: '11',
      section: '四',
      collaborators: ['区公安局', '区应急局'],
      deadline: '2023-12-31',
      targets: [{ value: 120, unit: '次', comparator: 'at_least', label: '检查' }],
      exactTargets: true, // 「三防」 is a name
    },
  ];
  it.each(rows)('task $code', (e) => checkTask(plan(), e));

  it('does not leave the bracketed annotation in the title', () => {
    for (const t of plan().tasks) expect(t.title).not.toMatch(/牵头科室|责任领导|完成时限/);
  });
});

// ---------------------------------------------------------------------------
// 古南街道 2023 Q2: quarterly, Chinese-numeral date line, tasks are （一）（二）
// items restarting in each section, annotations on their own lines.
// ---------------------------------------------------------------------------
describe('街道办 quarterly plan with （一） tasks and annotation lines', () => {
  const plan = lazy(() => parseText(fixtureText('gunan-jiedao-2023q2-work-plan.txt')));

  it('reads the header with a Chinese-numeral date and a quarter period', () => {
    expectIssuer(plan(), '重庆市綦江区古南街道办事处', '古南街道');
    expect(plan().plan).toEqual({
      title: '古南街道2023年第二季度工作要点',
      issuer: plan().plan.issuer,
      year: 2023,
      issuedOn: '2023-03-28',
      periodStart: '2023-04-01',
      periodEnd: '2023-06-30',
    });
  });

  it('has only the four top-level sections (the （一） items are tasks)', () => {
    expect(plan().sections.map((s) => [s.ordinal, s.title, s.parent])).toEqual([
      ['一', '抓实经济发展', null],
      ['二', '提升城市品质', null],
      ['三', '守牢安全底线', null],
      ['四', '加强自身建设', null],
    ]);
  });

  it('codes restarting items as <section index>.<number>, and section 四 by its ordinal', () => {
    expect(plan().tasks.map((t) => t.code)).toEqual([
      '1.1',
      '1.2',
      '2.1',
      '2.2',
      '2.3',
      '3.1',
      '3.2',
      '3.3',
      '四',
    ]);
    expect(plan().tasks.map((t) => t.number)).toEqual([1, 2, 1, 2, 3, 1, 2, 3, null]);
  });

  const rows: TaskExpectation[] = [
    {
      code: '1.1',
      section: '一',
      title: '推进招商引资',
      leaders: ['李明'],
      leadUnits: ['经济发展办公室'],
      collaborators: ['党政办公室', '财政所'],
      deadline: '2023-06-30',
      targets: [
        { value: 3, unit: '个', comparator: 'at_least', label: '项目' },
        { value: 1.2, unit: '亿元', comparator: 'at_least', kind: 'money', label: '资金' },
      ],
      exactTargets: true,
    },
    {
      code: '1.2',
      section: '一',
      title: '服务辖区企业',
      collaborators: [],
      deadline: '2023-06-30', // 「长期坚持」 → period end of a quarterly plan
      targets: [{ value: 30, unit: '家', comparator: 'at_least', label: '企业' }],
      exactTargets: true,
    },
    {
      code: '2.1',
      section: '二',
      leaders: ['王芳', '周建国'],
      leadUnits: ['城市建设管理办公室'],
      collaborators: ['社区建设办公室', '综合行政执法大队'], // separated by a space
      deadline: '2023-06-20', // 「4月底前…，6月20日前…」: the latest
      targets: [
        { value: 3, unit: '个', kind: 'cumulative', label: '老旧小区' },
        { value: 1200, unit: '户' },
      ],
      exactTargets: true,
    },
    {
      code: '2.2',
      leaders: ['周建国'],
      deadline: '2023-05-31', // half-width colon 「完成时限:」
      targets: [{ value: 50, unit: '个', comparator: 'at_least' }],
      exactTargets: true,
    },
    {
      code: '2.3',
      title: '做好12345热线办理',
      deadline: '2023-06-30', // 「第二季度」
      targets: [
        { value: 98, unit: '%', comparator: 'at_least', kind: 'percent', label: '办结率' },
        { value: 95, unit: '%', comparator: 'at_least', kind: 'percent', label: '满意率' },
      ],
      exactTargets: true, // 12345 is a hotline
    },
    {
      code: '3.1',
      section: '三',
      collaborators: ['综合行政执法大队', '派出所'],
      targets: [
        { value: 200, unit: '家', comparator: 'at_least' },
        { value: 4, unit: '场次', comparator: 'at_least', label: '演练' },
      ],
      exactTargets: true,
    },
    { code: '3.2', deadline: '2023-05-15', targets: [], exactTargets: true },
    {
      code: '3.3',
      leaders: ['张勇', '李明'],
      leadUnits: ['平安建设办公室'],
      collaborators: ['司法所', '派出所'],
      deadline: '2023-06-30',
      targets: [{ value: 95, unit: '%', comparator: 'at_least', kind: 'percent', label: '化解率' }],
      exactTargets: true,
    },
    {
      code: '四',
      number: null,
      section: '四',
      deadline: '2023-06-30',
      targets: [], // 「三会一课」
      exactTargets: true,
    },
  ];
  it.each(rows)('task $code', (e) => checkTask(plan(), e));
});

// ---------------------------------------------------------------------------
// 南川区发改委 2024: no notice wrapper, full-width 「１．」 restarting per
// section, （1） sub-items inside a task, （一） tasks in the last section,
// at_most comparators.
// ---------------------------------------------------------------------------
describe('发改委 plan with full-width numbering restarting per section', () => {
  const plan = lazy(() => parseText(fixtureText('nanchuan-fgw-2024-work-plan.txt')));

  it('reads the header without a notice wrapper', () => {
    const h = plan().plan;
    expect(h.title).toBe('南川区发展和改革委员会2024年工作要点');
    // no wrapper: the only name available is the title's prefix
    expect([null, '南川区发展和改革委员会']).toContain(h.issuer);
    expect(h.year).toBe(2024);
    expect(h.periodEnd).toBe('2024-12-31');
    expect(h.issuedOn).toBeNull(); // no date line; the deadlines inside tasks are not issue dates
  });

  it('codes tasks as <section index>.<number>', () => {
    expect(plan().tasks.map((t) => t.code)).toEqual([
      '1.1',
      '1.2',
      '1.3',
      '2.1',
      '2.2',
      '2.3',
      '3.1',
      '3.2',
      '4.1',
      '4.2',
      '4.3',
    ]);
    expect(plan().sections.map((s) => s.ordinal)).toEqual(['一', '二', '三', '四']);
  });

  const rows: TaskExpectation[] = [
    {
      code: '1.1',
      number: 1,
      section: '一',
      // One sentence: the whole sentence is the title (not its first comma clause).
      title: '扩大有效投资，全年固定资产投资增长8%以上，滚动实施市区重点项目不少于120个，重点项目年度投资完成率不低于95%',
      leadUnits: ['投资科'],
      collaborators: ['区住房城乡建委', '区交通局'],
      deadline: '2024-12-31',
      targets: [
        { value: 8, unit: '%', comparator: 'at_least', kind: 'percent', label: '固定资产投资' },
        { value: 120, unit: '个', comparator: 'at_least', label: '项目' },
        { value: 95, unit: '%', comparator: 'at_least', kind: 'percent', label: '完成率' },
      ],
      exactTargets: true,
    },
    {
      code: '1.2',
      title: '抓好重大项目谋划储备',
      deadline: '2024-10-31', // latest of two dates; 「第一批」「第二批」 are not targets
      targets: [{ value: 5, unit: '亿元', comparator: 'at_least', kind: 'money' }],
      exactTargets: true,
    },
    {
      code: '1.3',
      collaboratorsHave: ['区商务委'], // 「配合区商务委开展…」
      deadline: '2024-12-31',
      targets: [{ value: 6, unit: '%', kind: 'percent', label: '零售总额' }],
      exactTargets: true,
    },
    {
      code: '2.1',
      section: '二',
      deadline: '2024-11-30',
      targets: [{ value: 100, unit: '%', comparator: 'at_least', kind: 'percent' }],
      exactTargets: true,
    },
    {
      code: '2.2',
      title: '优化营商环境',
      collaboratorsHave: ['市场监管局', '政务服务管理办'],
      deadline: '2024-09-30',
      targets: [{ value: 98, unit: '%', comparator: 'at_least', kind: 'percent', label: '可办率' }],
      exactTargets: true,
    },
    {
      code: '2.3',
      title: '加强价格监测和成本监审',
      bodyHas: ['城市供水定价成本监审', '管道天然气配气价格成本监审', '城区停车收费成本调查'],
      leadUnits: ['价格科'],
      deadline: '2024-09-30',
      targets: [{ value: 3, unit: '项', comparator: 'at_least' }],
      exactTargets: true, // the （1）（2）（3） markers are not targets
    },
    {
      code: '3.1',
      section: '三',
      deadline: '2024-12-31',
      targets: [
        { value: 10, unit: '%', comparator: 'at_most', kind: 'percent', label: '调整率' },
        { value: 2, unit: '个', comparator: 'at_most', label: '项目' },
      ],
      exactTargets: true,
    },
    {
      code: '3.2',
      collaborators: ['区经济信息委', '国网南川供电公司'],
      deadline: '2024-11-30',
      targets: [
        { value: 500, unit: '个', comparator: 'at_least', label: '充电桩' },
        { value: 6, unit: '次', comparator: 'at_least' },
      ],
      exactTargets: true,
    },
    {
      code: '4.1',
      number: 1,
      section: '四',
      title: '加强党的政治建设',
      deadline: '2024-12-31',
      targets: [{ value: 12, unit: '次', comparator: 'at_least' }],
      exactTargets: true, // 「第一议题」 is a name
    },
    {
      code: '4.2',
      number: 2,
      title: '加强干部队伍建设',
      targets: [{ value: 10, unit: '场', comparator: 'at_least' }],
      exactTargets: true,
    },
    { code: '4.3', number: 3, title: '加强党风廉政建设', targets: [], exactTargets: true },
  ];
  it.each(rows)('task $code', (e) => checkTask(plan(), e));

  it('keeps the （1）（2）（3） sub-items in the body of their task', () => {
    expect(plan().tasks).toHaveLength(11);
    expect(taskByCode(plan(), '3.1').body).not.toContain('停车收费');
  });
});

// ---------------------------------------------------------------------------
// 铜梁区人社局 2024 上半年: tasks numbered （1）…（9） across the plan,
// 「二○二四年」 written with ○, half-year period, Chinese-numeral target.
// ---------------------------------------------------------------------------
describe('人社局 half-year plan with （1） tasks', () => {
  const plan = lazy(() => parseText(fixtureText('tongliang-rsj-2024h1-work-plan.txt')));

  it('reads the header with a half-year period', () => {
    expectIssuer(plan(), '重庆市铜梁区人力资源和社会保障局', '铜梁区人力资源和社会保障局');
    expect(plan().plan).toEqual({
      title: '铜梁区人力资源和社会保障局2024年上半年工作计划',
      issuer: plan().plan.issuer,
      year: 2024,
      issuedOn: '2024-01-10',
      periodStart: '2024-01-01',
      periodEnd: '2024-06-30',
    });
  });

  it('treats （1）…（9） as the tasks when the plan has no 「1.」 tasks', () => {
    expect(plan().tasks.map((t) => t.code)).toEqual(
      Array.from({ length: 9 }, (_, i) => String(i + 1)),
    );
    expect(plan().sections.map((s) => s.ordinal)).toEqual(['一', '二', '三', '四']);
  });

  const rows: TaskExpectation[] = [
    {
      code: '1',
      section: '一',
      title: '全力稳就业保就业',
      leadUnits: ['就业促进科'],
      collaborators: ['区就业和人才中心'],
      deadline: '2024-06-30', // 「6月底」
      targets: [
        { value: 6000, unit: '人', comparator: 'at_least', label: '就业' },
        { value: 5.5, unit: '%', comparator: 'at_most', kind: 'percent', label: '失业率' },
      ],
      exactTargets: true,
    },
    {
      code: '2',
      deadline: '2024-06-30', // 「第二季度」
      targets: [
        { value: 15, unit: '场', comparator: 'at_least' },
        { value: 3, unit: '个', kind: 'cumulative', label: '孵化基地' }, // 「新增…三个」
      ],
      exactTargets: true,
    },
    {
      code: '3',
      collaborators: ['区财政局', '人行铜梁支行'],
      deadline: '2024-06-30',
      targets: [
        { value: 1.5, unit: '万人次', kind: 'cumulative', label: '培训' },
        { value: 1.2, unit: '亿元', kind: 'money', label: '贷款' },
      ],
      exactTargets: true,
    },
    {
      code: '4',
      section: '二',
      deadline: '2024-06-30', // 「上半年」
      targets: [
        { value: 5000, unit: '人', kind: 'cumulative', label: '参保' },
        { value: 8.5, unit: '万人', comparator: 'at_least', label: '参保' },
      ],
      exactTargets: true,
    },
    {
      code: '5',
      deadline: '2024-03-31', // 「第一季度」
      targets: [{ value: 90, unit: '%', comparator: 'at_least', kind: 'percent' }],
      exactTargets: true, // 「一窗通办」 is a name
    },
    {
      code: '6',
      section: '三',
      collaborators: ['区人才办'],
      deadline: '2024-05-31',
      targets: [{ value: 100, unit: '名', label: '人才' }],
      exactTargets: true, // 「第八届」 is not a target
    },
    {
      code: '7',
      deadline: '2024-04-30',
      targets: [{ value: 200, unit: '名', comparator: 'at_most' }],
      exactTargets: true, // 「2024年上半年」 is not a target
    },
    {
      code: '8',
      section: '四',
      title: '根治欠薪',
      deadline: '2024-06-30', // 「长期」 → period end
      targets: [
        { value: 50, unit: '件', comparator: 'at_least' },
        { value: 98, unit: '%', comparator: 'at_least', kind: 'percent', label: '结案率' },
      ],
      exactTargets: true,
    },
    {
      code: '9',
      deadline: '2024-06-30',
      targets: [
        { value: 92, unit: '%', comparator: 'at_least', kind: 'percent', label: '结案率' },
        { value: 60, unit: '%', comparator: 'at_least', kind: 'percent', label: '成功率' },
      ],
      exactTargets: true,
    },
  ];
  it.each(rows)('task $code', (e) => checkTask(plan(), e));
});

// ---------------------------------------------------------------------------
// 开州区文旅委 2022 (stored as GBK; decoded here): annotation lines with
// 责任科室/完成时间, 万人次 and 亿元 targets, a Chinese-numeral target.
// ---------------------------------------------------------------------------
describe('文旅委 plan (GBK fixture, decoded in the test)', () => {
  const plan = lazy(() =>
    parsePlan(textSource(fixtureTextGbk('kaizhou-wenlv-2022-work-plan.gbk.txt'), 'wenlv.txt')),
  );

  it('reads the header', () => {
    expectIssuer(plan(), '重庆市开州区文化和旅游发展委员会', '开州区文化和旅游发展委员会');
    expect(plan().plan).toEqual({
      title: '开州区文化和旅游发展委员会2022年工作要点',
      issuer: plan().plan.issuer,
      year: 2022,
      issuedOn: '2022-01-26',
      periodStart: '2022-01-01',
      periodEnd: '2022-12-31',
    });
  });

  const rows: TaskExpectation[] = [
    {
      code: '1',
      section: '一',
      title: '完善公共文化设施网络',
      leadUnits: ['公共服务科'],
      deadline: '2022-11-30',
      targets: [
        { value: 5, unit: '个', label: '城市书房' },
        { value: 300, unit: '场次', comparator: 'at_least', label: '活动' },
      ],
      exactTargets: true,
    },
    {
      code: '2',
      leadUnits: ['艺术科'],
      collaborators: ['区文化馆', '区电影公司'],
      deadline: '2022-12-31',
      targets: [
        { value: 120, unit: '场' },
        { value: 6000, unit: '场', comparator: 'at_least', label: '电影' },
      ],
      exactTargets: true,
    },
    { code: '3', section: '二', deadline: '2022-09-30', targets: [], exactTargets: true },
    {
      code: '4',
      deadline: '2022-12-31',
      targets: [
        { value: 1800, unit: '万人次', comparator: 'at_least', label: '游客' },
        { value: 150, unit: '亿元', comparator: 'at_least', kind: 'money', label: '收入' },
      ],
      exactTargets: true,
    },
    {
      code: '5',
      section: '三',
      deadline: '2022-10-31',
      targets: [{ value: 5, unit: '项', kind: 'cumulative', label: '非物质文化遗产' }],
      exactTargets: true, // 「第三次」 is not a target
    },
    {
      code: '6',
      section: '四',
      deadline: '2022-12-31',
      targets: [
        { value: 3000, unit: '人次', comparator: 'at_least' },
        { value: 20, unit: '件', comparator: 'at_least', label: '案件' },
      ],
      exactTargets: true,
    },
  ];
  it.each(rows)('task $code', (e) => checkTask(plan(), e));
});

// ---------------------------------------------------------------------------
// One rule per snippet.
// ---------------------------------------------------------------------------

const TITLE_2023 = '重庆市綦江区科学技术局2023年工作要点';

/** A one-task plan whose task sentence is `sentence`. */
function oneTask(sentence: string, extraLines: string[] = []): ParsedPlan {
  return parseText([TITLE_2023, '一、着力培育创新主体', `1.${sentence}`, ...extraLines].join('\n'));
}

describe('task numbering styles', () => {
  it.each([
    ['1.', '2.'],
    ['1、', '2、'],
    ['１．', '２．'],
    ['1．', '2．'],
    ['（1）', '（2）'],
  ])('「%s」 numbers tasks', (a, b) => {
    const plan = parseText(
      [
        TITLE_2023,
        '一、着力培育创新主体',
        `${a}培育高新技术企业。确保有效期高企达160家。`,
        `${b}培育科技型企业。确保科技型企业达2300家以上。`,
      ].join('\n'),
    );
    expect(plan.tasks.map((t) => [t.code, t.number, t.section, t.title])).toEqual([
      ['1', 1, '一', '培育高新技术企业'],
      ['2', 2, '一', '培育科技型企业'],
    ]);
  });
});

describe('task titles', () => {
  const LONG =
    '加快推进科技成果转移转化，全年组织实施区级以上科技计划项目不少于30项，推动一批重大科技成果在区内落地转化，技术合同成交额达到15亿元以上，新增市级以上研发平台5个';
  it.each([
    // A heading phrase closed by 。；： is the title, the rest the body.
    ['培育高新技术企业。邀请专家指导高企申报资料。', '培育高新技术企业', '邀请专家指导高企申报资料。'],
    ['深化科技体制改革；拟定科技体制改革工作方案。', '深化科技体制改革', '拟定科技体制改革工作方案。'],
    ['优化创新环境：落实科技创新政策，开展政策宣讲。', '优化创新环境', '落实科技创新政策，开展政策宣讲。'],
    ['加快科技创新，推动产业升级。全年新增高新技术企业20家。', '加快科技创新，推动产业升级', '全年新增高新技术企业20家。'],
    // A task of one sentence is its own title, commas and all.
    ['培育夜间经济，打造夜间消费集聚区2个。', '培育夜间经济，打造夜间消费集聚区2个', ''],
    [
      '扩大有效投资，全年组织实施区级以上科技计划项目不少于30项，推动一批重大科技成果落地转化。',
      '扩大有效投资，全年组织实施区级以上科技计划项目不少于30项，推动一批重大科技成果落地转化',
      '',
    ],
    ['推进老旧小区改造', '推进老旧小区改造', ''],
    // However long, one sentence is one title: a clerk does not cut a task at a comma.
    [`${LONG}。`, LONG, ''],
    // Clauses set apart by 「；」: headed by a first phrase that names the work without measuring it…
    ['推进美丽家园建设，实施6个小区综合整治；疏通下水道800米。', '推进美丽家园建设', '实施6个小区综合整治；疏通下水道800米。'],
    // …or, when the first clause already measures, peers that make up the title together.
    ['为30个小区新增充电设施；为8个老旧小区改造消防设施。', '为30个小区新增充电设施；为8个老旧小区改造消防设施', ''],
  ])('%s → %s', (sentence, title, body) => {
    const t = taskByCode(oneTask(sentence), '1');
    expect([t.title, t.body]).toEqual([title, body]);
  });

  it('keeps the targets of a one-sentence task that is all title', () => {
    const t = taskByCode(oneTask('培育夜间经济，打造夜间消费集聚区2个。'), '1');
    expect(t.targets.map((x) => [x.value, x.unit])).toEqual([[2, '个']]);
  });
});

interface TargetRow {
  phrase: string;
  value: number;
  unit: string;
  comparator?: Comparator;
  kind?: TargetKind;
  label?: string;
}

describe('target comparators, units and kinds', () => {
  const rows: TargetRow[] = [
    { phrase: '确保有效期高企达140家', value: 140, unit: '家', comparator: 'at_least', kind: 'level', label: '高企' },
    { phrase: '确保重庆市科技型企业达2000家以上', value: 2000, unit: '家', comparator: 'at_least', kind: 'level', label: '科技型企业' },
    { phrase: '技术合同成交额达到15亿元', value: 15, unit: '亿元', comparator: 'at_least', kind: 'money', label: '技术合同' },
    { phrase: '全年科技成果登记累计70项', value: 70, unit: '项', kind: 'cumulative', label: '科技成果' },
    { phrase: '新增发明专利不少于80件', value: 80, unit: '件', comparator: 'at_least', kind: 'cumulative', label: '专利' },
    { phrase: '全社会研发投入突破12亿元', value: 12, unit: '亿元', comparator: 'at_least', kind: 'money', label: '研发投入' },
    { phrase: '力争引进科技人才100名', value: 100, unit: '名', comparator: 'at_least', label: '人才' },
    { phrase: '科普活动参与人数超过3万人次', value: 3, unit: '万人次', comparator: 'at_least', label: '科普' },
    { phrase: '研发经费投入强度不低于2.5%', value: 2.5, unit: '%', comparator: 'at_least', kind: 'percent', label: '强度' },
    { phrase: '项目结题逾期率控制在5%以内', value: 5, unit: '%', comparator: 'at_most', kind: 'percent', label: '逾期率' },
    { phrase: '财政科技专项经费结余不超过200万元', value: 200, unit: '万元', comparator: 'at_most', kind: 'money', label: '结余' },
    { phrase: '科研项目经费违规率控制在1%以下', value: 1, unit: '%', comparator: 'at_most', kind: 'percent', label: '违规率' },
    { phrase: '组织50家企业参加创新创业大赛', value: 50, unit: '家', kind: 'cumulative', label: '企业' },
    { phrase: '新增专利五件', value: 5, unit: '件', kind: 'cumulative', label: '专利' },
    { phrase: '全年新增科技特派员十二名', value: 12, unit: '名', kind: 'cumulative', label: '科技特派员' },
    { phrase: '开展科技服务活动达到1.5万人次', value: 1.5, unit: '万人次', comparator: 'at_least' },
    { phrase: '举办科技讲座不少于20场', value: 20, unit: '场', comparator: 'at_least', label: '讲座' },
    { phrase: '发表科普文章不少于30篇', value: 30, unit: '篇', comparator: 'at_least', label: '科普文章' },
    { phrase: '培育科技示范户200户以上', value: 200, unit: '户', comparator: 'at_least', label: '示范户' },
  ];
  it.each(rows)('「$phrase」 → $value $unit', (row) => {
    const t = taskByCode(oneTask(`推进科技创新。${row.phrase}。`), '1');
    expectTargets(t, [row], { exact: true });
    expect(t.targets[0]?.text).toBeTruthy();
    expect(row.phrase).toContain(t.targets[0]?.text ?? '\u0000');
  });

  it('finds several targets in one sentence, sharing the comparator', () => {
    const t = taskByCode(
      oneTask('全面建设孵化平台。力争完成5个市级众创空间、2个国家备案众创空间申报工作。'),
      '1',
    );
    expectTargets(
      t,
      [
        { value: 5, unit: '个', comparator: 'at_least', kind: 'cumulative', label: '众创空间' },
        { value: 2, unit: '个', comparator: 'at_least', kind: 'cumulative', label: '众创空间' },
      ],
      { exact: true },
    );
  });
});

describe('incidental numbers are not targets', () => {
  it.each([
    '召开2023年度科技型中小企业培育推进会',
    '以优异成绩迎接市第六次党代会胜利召开',
    '深入贯彻党的十九大和十九届历次全会精神',
    '做好支持科技创新政策十条落实工作',
    '落实“八项行动计划”',
    '打好“三大攻坚战”',
    '按照《科技体制改革三年攻坚方案》拟定工作方案',
    '编制“十四五”科技创新规划中期评估报告',
    '推进“一区两群”协调发展和“一带一路”科技交流',
    '畅通12345政务服务热线科技诉求办理渠道',
    '参加第二十五届中国国际高新技术成果交易会',
    '开展“5·12”防灾减灾日科普宣传',
  ])('%s', (phrase) => {
    const t = taskByCode(oneTask(`推进科技创新。${phrase}。`), '1');
    expect(t.targets).toEqual([]);
  });
});

describe('responsibility annotations', () => {
  type Field = 'leaders' | 'leadUnits' | 'collaborators';
  const keys: Array<[string, Field]> = [
    ['责任领导', 'leaders'],
    ['分管领导', 'leaders'],
    ['牵头科室', 'leadUnits'],
    ['牵头单位', 'leadUnits'],
    ['责任科室', 'leadUnits'],
    ['责任股室', 'leadUnits'],
    ['责任单位', 'leadUnits'],
    ['主要责任单位', 'leadUnits'],
    ['配合单位', 'collaborators'],
    ['配合科室', 'collaborators'],
    ['协同单位', 'collaborators'],
    ['协同配合单位', 'collaborators'],
  ];
  const fields: Field[] = ['leaders', 'leadUnits', 'collaborators'];

  /** People for leaders, offices otherwise. */
  const names = (field: Field): [string, string] =>
    field === 'leaders' ? ['张三', '李四'] : ['高新科', '综合科'];

  it.each(keys)('「%s：」 on its own line → %s', (key, field) => {
    const [a, b] = names(field);
    const t = taskByCode(
      oneTask('培育高新技术企业。确保有效期高企达160家。', [`${key}：${a}、${b}`]),
      '1',
    );
    expect(t[field]).toEqual([a, b]);
    for (const other of fields.filter((f) => f !== field)) expect(t[other]).toEqual([]);
    expect(t.title).toBe('培育高新技术企业');
    expect(t.body).not.toContain(key);
  });

  it.each(keys)('「（%s：…）」 in brackets at the end → %s', (key, field) => {
    const [a, b] = names(field);
    const t = taskByCode(
      oneTask(`培育高新技术企业。确保有效期高企达160家。（${key}：${a}、${b}）`),
      '1',
    );
    expect(t[field]).toEqual([a, b]);
    expect(t.title).toBe('培育高新技术企业');
    expectTargets(t, [{ value: 160, unit: '家' }], { exact: true });
  });

  it.each([
    ['、', '高新科、综合科、办公室'],
    ['，', '高新科，综合科，办公室'],
    [',', '高新科,综合科,办公室'],
    ['；', '高新科；综合科；办公室'],
    [' ', '高新科 综合科 办公室'],
    ['full-width space', '高新科\u3000综合科\u3000办公室'],
  ])('names split on %s', (_sep, names) => {
    const t = taskByCode(oneTask('培育高新技术企业。确保有效期高企达160家。', [`牵头科室：${names}`]), '1');
    expect(t.leadUnits).toEqual(['高新科', '综合科', '办公室']);
  });

  it('reads several annotation lines, half-width colons and a deadline together', () => {
    const t = taskByCode(
      oneTask('培育高新技术企业。确保有效期高企达160家。', [
        '责任领导:张三',
        '牵头科室：高新科',
        '配合单位：区经济信息委、区税务局',
        '完成时限：2023年10月底',
      ]),
      '1',
    );
    expect(t.leaders).toEqual(['张三']);
    expect(t.leadUnits).toEqual(['高新科']);
    expect(t.collaborators).toEqual(['区经济信息委', '区税务局']);
    expect(t.deadline).toBe('2023-10-31');
  });
});

describe('collaborators named in prose', () => {
  it.each([
    ['协调区经信、税务、财政等部门，做好研发费用加计扣除政策落实工作', ['经信', '税务', '财政']],
    ['配合区金融办，引导企业做好上市前各项准备', ['区金融办']],
    ['配合区人才办完善人才服务、激励机制', ['区人才办']],
  ])('%s', (sentence, names) => {
    const t = taskByCode(oneTask(`推进科技创新。${sentence}。`), '1');
    for (const n of names) {
      expect(t.collaborators.some((c) => c.includes(n)), JSON.stringify(t.collaborators)).toBe(true);
    }
  });

  it.each([
    '会同相关部门加强技术培训',
    '协调有关单位做好统计年报工作',
    '配合各街镇做好科普宣传',
    '协调相关区级部门做好区内高校年度科技投入年报工作',
  ])('vague: %s', (sentence) => {
    const t = taskByCode(oneTask(`推进科技创新。${sentence}。`), '1');
    expect(t.collaborators).toEqual([]);
  });
});

describe('deadlines', () => {
  it.each([
    ['2024年6月底', '2024-06-30'],
    ['2024年11月30日', '2024-11-30'],
    ['2024年2月底', '2024-02-29'],
    ['10月底前', '2024-10-31'],
    ['9月30日前', '2024-09-30'],
    ['全年', '2024-12-31'],
    ['年底前', '2024-12-31'],
    ['长期', '2024-12-31'],
    ['第一季度', '2024-03-31'],
    ['第三季度', '2024-09-30'],
    ['上半年', '2024-06-30'],
    ['2024年6月底前完成方案制定，9月底前完成验收', '2024-09-30'],
    ['3月底前启动，2024年11月30日前完成', '2024-11-30'],
  ])('「完成时限：%s」 → %s', (words, date) => {
    const plan = parseText(
      ['南川区科学技术局2024年工作要点', '一、培育创新主体', '1.培育高新技术企业。确保有效期高企达60家。', `完成时限：${words}`].join('\n'),
    );
    expect(taskByCode(plan, '1').deadline).toBe(date);
  });

  it.each(['完成时间', '时间节点'])('「%s：」 is a deadline annotation too', (key) => {
    const plan = parseText(
      ['南川区科学技术局2024年工作要点', '一、培育创新主体', '1.培育高新技术企业。确保有效期高企达60家。', `${key}：2024年8月底`].join('\n'),
    );
    expect(taskByCode(plan, '1').deadline).toBe('2024-08-31');
  });

  it('defaults to the period end and records no deadline words', () => {
    const plan = parseText(
      ['南川区科学技术局2024年工作要点', '一、培育创新主体', '1.培育高新技术企业。确保有效期高企达60家。'].join('\n'),
    );
    const t = taskByCode(plan, '1');
    expect(t.deadline).toBe('2024-12-31');
    expect(t.deadlineText).toBeNull();
  });
});

describe('plan periods and issue dates', () => {
  it.each([
    ['綦江区科学技术局2023年工作要点', 2023, '2023-12-31'],
    ['綦江区科学技术局2023年工作计划', 2023, '2023-12-31'],
    ['綦江区科学技术局2023年重点工作任务清单', 2023, '2023-12-31'],
    ['古南街道2023年第一季度工作要点', 2023, '2023-03-31'],
    ['古南街道2023年第二季度工作要点', 2023, '2023-06-30'],
    ['古南街道2023年第三季度工作要点', 2023, '2023-09-30'],
    ['古南街道2023年第四季度工作要点', 2023, '2023-12-31'],
    ['綦江区人力社保局2024年上半年工作计划', 2024, '2024-06-30'],
    ['綦江区人力社保局2024年下半年工作计划', 2024, '2024-12-31'],
  ])('%s → %i, %s', (title, year, periodEnd) => {
    const plan = parseText([title, '一、抓好重点工作', '1.做好项目申报。组织企业申报市级科研项目。'].join('\n'));
    expect(plan.plan.title).toBe(title);
    expect(plan.plan.year).toBe(year);
    expect(plan.plan.periodEnd).toBe(periodEnd);
  });

  it.each([
    ['2022年3月17日', '2022-03-17'],
    ['2022年3月7日', '2022-03-07'],
    ['二〇二二年三月十七日', '2022-03-17'],
    ['二○二二年三月十七日', '2022-03-17'],
    ['二〇二二年十二月三十一日', '2022-12-31'],
    ['二〇二二年一月五日', '2022-01-05'],
    ['   2022年3月17日   ', '2022-03-17'],
  ])('date line 「%s」 → %s', (dateLine, iso) => {
    const plan = parseText(
      [
        '重庆市綦江区科学技术局',
        '关于印发2022年工作要点的通知',
        '各街镇，区级各部门：',
        '现将《2022年工作要点》印发给你们，请认真贯彻落实。',
        '重庆市綦江区科学技术局',
        dateLine,
        '重庆市綦江区科学技术局2022年工作要点',
        '一、着力培育创新主体',
        '1.培育高新技术企业。确保有效期高企达140家。',
      ].join('\n'),
    );
    expect(plan.plan.issuedOn).toBe(iso);
    expect(plan.plan.issuer).toBe('重庆市綦江区科学技术局');
    expect(plan.plan.title).toBe('重庆市綦江区科学技术局2022年工作要点');
  });
});

describe('structure rules', () => {
  it('makes a section without numbered tasks a task coded by its ordinal', () => {
    const plan = parseText(
      [
        TITLE_2023,
        '一、着力培育创新主体',
        '1.培育高新技术企业。确保有效期高企达160家。',
        '2.培育科技型企业。确保科技型企业达2300家以上。',
        '二、全面抓好重点工作',
        '坚持党的全面领导，抓好安全生产、信访稳定等各项重点工作。',
      ].join('\n'),
    );
    expect(plan.tasks.map((t) => [t.code, t.number, t.section])).toEqual([
      ['1', 1, '一'],
      ['2', 2, '一'],
      ['二', null, '二'],
    ]);
  });

  it('uses <section index>.<number> for every task when numbering restarts', () => {
    const plan = parseText(
      [
        TITLE_2023,
        '一、着力培育创新主体',
        '1.培育高新技术企业。确保有效期高企达160家。',
        '2.培育科技型企业。确保科技型企业达2300家以上。',
        '二、加速拓展创新平台',
        '1.加强研发平台建设。组织申报市级重点实验室。',
        '三、加大科技研发投入',
        '1.指导科技统计。召开科技统计培训会。',
        '2.组织项目申报。组织企业申报市级科研项目。',
        '3.申报科技奖励。组织企业申报市级科学技术奖励。',
      ].join('\n'),
    );
    expect(plan.tasks.map((t) => [t.code, t.number, t.section])).toEqual([
      ['1.1', 1, '一'],
      ['1.2', 2, '一'],
      ['2.1', 1, '二'],
      ['3.1', 1, '三'],
      ['3.2', 2, '三'],
      ['3.3', 3, '三'],
    ]);
  });

  it('mixes sub-sections that hold tasks with （一） items that are tasks', () => {
    const plan = parseText(
      [
        TITLE_2023,
        '一、着力培育创新主体',
        '（一）培育科技企业',
        '1.培育高新技术企业。确保有效期高企达160家。',
        '2.培育科技型企业。确保科技型企业达2300家以上。',
        '（二）建设创新平台',
        '3.加强研发平台建设。组织申报市级重点实验室。',
        '二、加强机关建设',
        '（一）加强党的政治建设。严格落实“第一议题”制度。',
        '（二）加强作风建设。深化整治形式主义为基层减负。',
        '（三）加强党风廉政建设。开展廉政警示教育。',
      ].join('\n'),
    );
    expect(plan.sections.map((s) => [s.ordinal, s.title, s.parent])).toEqual([
      ['一', '着力培育创新主体', null],
      ['一（一）', '培育科技企业', '一'],
      ['一（二）', '建设创新平台', '一'],
      ['二', '加强机关建设', null],
    ]);
    // numbers 1,2,3 then （一）（二）（三） → 1,2,3 again: not unique, so section-qualified codes
    expect(plan.tasks.map((t) => [t.code, t.number, t.section, t.title])).toEqual([
      ['1.1', 1, '一（一）', '培育高新技术企业'],
      ['1.2', 2, '一（一）', '培育科技型企业'],
      ['1.3', 3, '一（二）', '加强研发平台建设'],
      ['2.1', 1, '二', '加强党的政治建设'],
      ['2.2', 2, '二', '加强作风建设'],
      ['2.3', 3, '二', '加强党风廉政建设'],
    ]);
  });

  it('keeps （1）（2） sub-items inside a numbered task', () => {
    const plan = parseText(
      [
        TITLE_2023,
        '一、着力培育创新主体',
        '1.培育高新技术企业。重点做好以下工作：',
        '（1）邀请专家开展高企申报培训；',
        '（2）指导企业做好高企年报填报。',
        '2.培育科技型企业。确保科技型企业达2300家以上。',
      ].join('\n'),
    );
    expect(plan.tasks.map((t) => t.code)).toEqual(['1', '2']);
    const t1 = taskByCode(plan, '1');
    expect(t1.body).toContain('邀请专家开展高企申报培训');
    expect(t1.body).toContain('指导企业做好高企年报填报');
    expect(t1.targets).toEqual([]);
  });

  it('ignores the preamble and the notice wrapper when looking for tasks', () => {
    const plan = parseText(
      [
        '重庆市綦江区科学技术局',
        '关于印发2023年工作要点的通知',
        '各街镇，区级各部门，各有关单位：',
        '现将《2023年工作要点》印发给你们，请认真贯彻落实。',
        '重庆市綦江区科学技术局',
        '2023年3月1日',
        TITLE_2023,
        '2023年，区科技局工作要以习近平新时代中国特色社会主义思想为指导，深入贯彻党的二十大精神。',
        '一、着力培育创新主体',
        '1.培育高新技术企业。确保有效期高企达160家。',
      ].join('\n'),
    );
    expect(plan.tasks.map((t) => t.code)).toEqual(['1']);
    expect(plan.sections.map((s) => s.ordinal)).toEqual(['一']);
    expect(plan.plan.issuedOn).toBe('2023-03-01');
  });

  it('accepts Windows line endings', () => {
    const plan = parseText(
      [TITLE_2023, '一、着力培育创新主体', '1.培育高新技术企业。确保有效期高企达160家。', '完成时限：2023年6月底'].join('\r\n'),
    );
    const t = taskByCode(plan, '1');
    expect(t.title).toBe('培育高新技术企业');
    expect(t.deadline).toBe('2023-06-30');
    expect(t.body).not.toContain('\r');
  });
});

describe('no recognisable task', () => {
  it.each([
    ['an empty text', ''],
    ['blank lines only', '\n\n   \n\u3000\n'],
    ['a meeting notice', fixtureText('meeting-notice-no-tasks.txt')],
    ['a title and a preamble only', `${TITLE_2023}\n2023年，区科技局将坚持创新驱动发展战略，加快建设创新之城。`],
  ])('%s → PlanError', async (_what, text) => {
    await catchPlanError(() => parsePlan(textSource(text)));
  });
});
