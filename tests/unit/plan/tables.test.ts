/**
 * Task-decomposition tables (任务分解表 / 任务清单): .csv and .tsv fixtures, and
 * .xlsx / .docx tables generated into a temp dir, read with readPlanFile and
 * parsed with parsePlan. Also table sources built in memory.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePlan } from '../../../bot/domain/plan/parse-plan.js';
import { toPlanJson } from '../../../bot/domain/plan/plan-json.js';
import { readPlanFile } from '../../../bot/plan-files/read-plan-file.js';
import type { ParsedPlan } from '../../../bot/domain/plan/types.js';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { catchPlanError, checkTask, fixturePath, tableSource, taskByCode } from './helpers.js';
import type { TaskExpectation } from './helpers.js';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'workplan-tables-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function parseFile(file: string): Promise<ParsedPlan> {
  const source = await readPlanFile(file);
  expect(source.kind).toBe('table');
  return parsePlan(source);
}

// ---------------------------------------------------------------------------
// 綦江区商务委 2023 .csv: title row, full header with 责任领导, section rows,
// quoted cells, a title-only task.
// ---------------------------------------------------------------------------
const SHANGWU_TASKS: TaskExpectation[] = [
  {
    code: '1',
    number: 1,
    section: '一',
    title: '开展促消费活动',
    bodyHas: ['社会消费品零售总额增长7%'],
    leadUnits: ['区商务委'],
    collaborators: ['区财政局', '区市场监管局'],
    leaders: ['张伟'],
    deadline: '2023-12-31',
    targets: [
      { value: 20, unit: '场', comparator: 'at_least', label: '促消费活动' },
      { value: 7, unit: '%', kind: 'percent', label: '零售总额' },
    ],
    exactTargets: true,
  },
  {
    code: '2',
    section: '一',
    // title: 「培育夜间经济」 by the short-first-clause rule; pinned in prose.test.ts
    collaborators: ['区文化旅游委'],
    deadline: '2023-09-30',
    targets: [{ value: 2, unit: '个', label: '集聚区' }],
    exactTargets: true,
  },
  {
    code: '3',
    section: '一',
    collaborators: ['区农业农村委', '区供销社'],
    leaders: ['李娜'],
    deadline: '2023-11-30', // 「6月底前启动，11月底前完成」
    targets: [
      { value: 3, unit: '个', label: '商贸中心' },
      { value: 50, unit: '个', comparator: 'at_least', label: '站点' },
    ],
    exactTargets: true,
  },
  {
    code: '4',
    section: '二',
    title: '稳住外贸基本盘',
    collaborators: ['区经济信息委', '綦江海关'],
    deadline: '2023-12-31', // 「全年」
    targets: [
      { value: 25, unit: '亿元', comparator: 'at_least', kind: 'money', label: '进出口' },
      { value: 10, unit: '家', kind: 'cumulative', label: '企业' },
    ],
    exactTargets: true,
  },
  {
    code: '5',
    section: '二',
    deadline: '2023-09-30', // 「第三季度」
    targets: [{ value: 2000, unit: '万美元', comparator: 'at_least', kind: 'money', label: '外资' }],
    exactTargets: true,
  },
  {
    code: '6',
    section: '三',
    collaborators: ['区公安局', '区应急局', '区市场监管局'],
    leaders: ['王强'],
    deadline: '2023-12-31', // 「长期」
    targets: [{ value: 4, unit: '次', comparator: 'at_least' }],
    exactTargets: true,
  },
  {
    code: '7',
    section: '三',
    title: '做好生活必需品保供稳价工作',
    collaborators: ['区发展改革委'],
    deadline: '2023-11-30',
    targets: [],
    exactTargets: true,
  },
];

describe('商务委 .csv decomposition table', () => {
  let plan: ParsedPlan;
  beforeAll(async () => {
    plan = await parseFile(fixturePath('qijiang-shangwu-2023-tasks.csv'));
  });

  it('takes the title row as the plan title', () => {
    expect(plan.plan).toMatchObject({
      title: '重庆市綦江区商务委员会2023年重点工作任务分解表',
      year: 2023,
      issuedOn: null,
      periodStart: '2023-01-01',
      periodEnd: '2023-12-31',
    });
  });

  it('turns 「一」 rows into sections', () => {
    expect(plan.sections.map((s) => [s.ordinal, s.title, s.parent])).toEqual([
      ['一', '扩大消费需求', null],
      ['二', '稳定外贸外资', null],
      ['三', '优化流通环境', null],
    ]);
    expect(plan.tasks.map((t) => t.code)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
  });

  it.each(SHANGWU_TASKS)('task $code', (e) => checkTask(plan, e));

  it('reads the same plan from the GBK-encoded copy (as Excel saves CSV on Chinese Windows)', async () => {
    const gbk = await parseFile(fixturePath('qijiang-shangwu-2023-tasks.gbk.csv'));
    expect(toPlanJson(gbk)).toEqual(toPlanJson(plan));
  });
});

// ---------------------------------------------------------------------------
// 万盛应急局 2024 .tsv: header synonyms 工作任务/牵头单位/配合单位/完成时限,
// no 责任领导 column, a ragged title row and a blank row, no section rows.
// ---------------------------------------------------------------------------
describe('应急局 .tsv task list', () => {
  let plan: ParsedPlan;
  beforeAll(async () => {
    plan = await parseFile(fixturePath('wansheng-yjj-2024-tasks.tsv'));
  });

  it('reads the header', () => {
    expect(plan.plan).toMatchObject({
      title: '万盛经开区应急管理局2024年安全生产重点工作任务清单',
      year: 2024,
      periodStart: '2024-01-01',
      periodEnd: '2024-12-31',
    });
    expect(plan.sections).toEqual([]);
    expect(plan.tasks.map((t) => [t.code, t.number, t.section])).toEqual([
      ['1', 1, null],
      ['2', 2, null],
      ['3', 3, null],
      ['4', 4, null],
      ['5', 5, null],
      ['6', 6, null],
    ]);
  });

  const rows: TaskExpectation[] = [
    {
      code: '1',
      title: '开展安全生产治本攻坚三年行动',
      leadUnits: ['局综合协调科'],
      collaborators: ['局危化科', '局工贸科'],
      leaders: [],
      deadline: '2024-12-31',
      targets: [{ value: 100, unit: '%', comparator: 'at_least', kind: 'percent', label: '整改率' }],
      exactTargets: true, // 「三年行动」 is a name
    },
    {
      code: '2',
      collaborators: ['区消防救援支队'],
      deadline: '2024-11-30',
      targets: [{ value: 80, unit: '家', comparator: 'at_least' }],
      exactTargets: true,
    },
    {
      code: '3',
      deadline: '2024-03-31', // 「第一季度」
      targets: [{ value: 0.5, unit: '%', comparator: 'at_most', kind: 'percent', label: '受害率' }],
      exactTargets: true,
    },
    {
      code: '4',
      collaborators: ['区消防救援支队', '区卫生健康委'],
      deadline: '2024-10-31', // latest of 「2024年6月底前…，10月底前…」
      targets: [
        { value: 6, unit: '场', comparator: 'at_least', label: '演练' },
        { value: 300, unit: '人次' },
      ],
      exactTargets: true,
    },
    {
      code: '5',
      deadline: '2024-05-12',
      targets: [{ value: 1, unit: '个', label: '示范社区' }],
      exactTargets: true, // 「5·12」 is a day's name
    },
    { code: '6', leadUnits: ['局综合协调科'], deadline: '2024-12-31', targets: [], exactTargets: true },
  ];
  it.each(rows)('task $code', (e) => checkTask(plan, e));
});

// ---------------------------------------------------------------------------
// .xlsx written with exceljs: merged title row, numeric 序号, a real date cell,
// a rich-text cell, a line break inside a cell, an empty second sheet.
// ---------------------------------------------------------------------------
describe('卫健委 .xlsx decomposition table', () => {
  let plan: ParsedPlan;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('重点任务分解');
    ws.addRow(['重庆市綦江区卫生健康委员会2024年重点工作任务分解表']);
    ws.mergeCells('A1:F1');
    ws.addRow(['序号', '主要任务', '责任单位', '配合单位', '时间节点', '责任领导']);
    ws.addRow(['一', '提升医疗服务能力']);
    ws.addRow([
      1,
      '推进区域医疗中心建设。加快区人民医院创建三级甲等医院，引进高层次医疗人才不少于30名。',
      '区卫生健康委',
      '区人力社保局、区财政局',
      '2024年12月底',
      '刘洋',
    ]);
    const row5 = ws.addRow([
      2,
      '深化紧密型县域医共体建设，基层医疗卫生机构诊疗量占比达到65%以上。',
      '区卫生健康委',
      '区医保局',
      null,
      '刘洋',
    ]);
    row5.getCell(5).value = new Date(Date.UTC(2024, 5, 30)); // a date-formatted cell
    row5.getCell(5).numFmt = 'yyyy"年"m"月"d"日"';
    ws.addRow(['二', '加强公共卫生服务']);
    const row7 = ws.addRow([3, null, '区卫生健康委', '区疾控中心', '第三季度', '陈静']);
    row7.getCell(2).value = {
      richText: [
        { font: { bold: true }, text: '做好重点人群健康管理。' },
        { text: '老年人健康管理率达到70%，' },
        { text: '高血压患者规范管理率不低于65%。' },
      ],
    };
    ws.addRow([
      4,
      '开展爱国卫生运动。\n创建市级卫生镇2个，新增健康社区10个。',
      '区爱卫办',
      '区教委、区城市管理局',
      '11月底前',
      '陈静',
    ]);
    ws.addRow([5, '提高群众健康素养水平。全区居民健康素养水平达到28%。', '区卫生健康委', '区融媒体中心', '全年', '陈静']);
    wb.addWorksheet('Sheet2');
    const file = path.join(tmp, '卫健委2024年重点工作任务分解表.xlsx');
    await wb.xlsx.writeFile(file);
    plan = await parseFile(file);
  });

  it('reads the merged title row and the section rows', () => {
    expect(plan.plan).toMatchObject({
      title: '重庆市綦江区卫生健康委员会2024年重点工作任务分解表',
      year: 2024,
      periodStart: '2024-01-01',
      periodEnd: '2024-12-31',
    });
    expect(plan.sections.map((s) => [s.ordinal, s.title])).toEqual([
      ['一', '提升医疗服务能力'],
      ['二', '加强公共卫生服务'],
    ]);
    expect(plan.tasks.map((t) => [t.code, t.number])).toEqual([
      ['1', 1],
      ['2', 2],
      ['3', 3],
      ['4', 4],
      ['5', 5],
    ]);
  });

  const rows: TaskExpectation[] = [
    {
      code: '1',
      section: '一',
      title: '推进区域医疗中心建设',
      leadUnits: ['区卫生健康委'],
      collaborators: ['区人力社保局', '区财政局'],
      leaders: ['刘洋'],
      deadline: '2024-12-31',
      targets: [{ value: 30, unit: '名', comparator: 'at_least', label: '人才' }],
      exactTargets: true, // 「三级甲等」 is a grade
    },
    {
      code: '2',
      section: '一',
      title: '深化紧密型县域医共体建设，基层医疗卫生机构诊疗量占比达到65%以上', // one sentence: its own title
      collaborators: ['区医保局'],
      targets: [{ value: 65, unit: '%', comparator: 'at_least', kind: 'percent', label: '占比' }],
      exactTargets: true,
    },
    {
      code: '3',
      section: '二',
      title: '做好重点人群健康管理', // from a rich-text cell
      collaborators: ['区疾控中心'],
      leaders: ['陈静'],
      deadline: '2024-09-30',
      targets: [
        { value: 70, unit: '%', comparator: 'at_least', kind: 'percent', label: '管理率' },
        { value: 65, unit: '%', comparator: 'at_least', kind: 'percent', label: '管理率' },
      ],
      exactTargets: true,
    },
    {
      code: '4',
      title: '开展爱国卫生运动',
      leadUnits: ['区爱卫办'],
      collaborators: ['区教委', '区城市管理局'],
      deadline: '2024-11-30',
      targets: [
        { value: 2, unit: '个', label: '卫生镇' },
        { value: 10, unit: '个', kind: 'cumulative', label: '健康社区' },
      ],
      exactTargets: true,
    },
    {
      code: '5',
      deadline: '2024-12-31',
      targets: [{ value: 28, unit: '%', comparator: 'at_least', kind: 'percent', label: '健康素养' }],
      exactTargets: true,
    },
  ];
  it.each(rows)('task $code', (e) => checkTask(plan, e));

  it('reads a date-formatted deadline cell as that calendar date', () => {
    expect(taskByCode(plan, '2').deadline).toBe('2024-06-30');
  });
});

// ---------------------------------------------------------------------------
// .docx whose body is a title paragraph and a table (written with `docx`).
// ---------------------------------------------------------------------------
function docxTable(rows: string[][]): Table {
  return new Table({
    rows: rows.map(
      (cells) =>
        new TableRow({
          children: cells.map(
            (cell) =>
              new TableCell({
                // a cell may hold several paragraphs; split on \n
                children: cell.split('\n').map((line) => new Paragraph(line)),
              }),
          ),
        }),
    ),
  });
}

describe('住建委 .docx with a task table', () => {
  let plan: ParsedPlan;
  beforeAll(async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph('重庆市綦江区住房和城乡建设委员会2024年重点工作任务清单'),
            docxTable([
              ['序号', '任务内容', '牵头单位', '配合单位', '完成时限', '责任领导'],
              ['1', '推进城市更新。\n实施老旧小区改造项目12个，惠及居民3000户。', '区住房城乡建委', '区财政局、古南街道', '2024年10月底', '周刚'],
              ['2', '加快棚户区改造。完成棚户区改造300户。', '区住房城乡建委', '区规划自然资源局', '第三季度', '周刚'],
              ['3', '强化建筑施工安全监管。开展建筑施工安全专项检查不少于24次，较大及以上安全事故为零。', '区建设工程质量安全管理站', '区应急局', '长期', '吴丹'],
              ['4', '推动建筑业高质量发展。全年建筑业总产值突破120亿元。', '区住房城乡建委', '区统计局', '2024年12月31日', '吴丹'],
            ]),
          ],
        },
      ],
    });
    const file = path.join(tmp, '住建委2024年重点工作任务清单.docx');
    await writeFile(file, await Packer.toBuffer(doc));
    const source = await readPlanFile(file);
    expect(source.kind).toBe('table');
    if (source.kind === 'table') {
      expect(source.preface.join('\n')).toContain('重庆市綦江区住房和城乡建设委员会2024年重点工作任务清单');
    }
    plan = parsePlan(source);
  });

  it('takes the paragraph above the table as the title', () => {
    expect(plan.plan).toMatchObject({
      title: '重庆市綦江区住房和城乡建设委员会2024年重点工作任务清单',
      year: 2024,
      periodStart: '2024-01-01',
      periodEnd: '2024-12-31',
    });
    expect(plan.tasks.map((t) => t.code)).toEqual(['1', '2', '3', '4']);
  });

  const rows: TaskExpectation[] = [
    {
      code: '1',
      title: '推进城市更新', // the cell has two paragraphs
      leadUnits: ['区住房城乡建委'],
      collaborators: ['区财政局', '古南街道'],
      leaders: ['周刚'],
      deadline: '2024-10-31',
      targets: [
        { value: 12, unit: '个', label: '老旧小区' },
        { value: 3000, unit: '户' },
      ],
      exactTargets: true,
    },
    {
      code: '2',
      deadline: '2024-09-30',
      targets: [{ value: 300, unit: '户', kind: 'cumulative', label: '棚户区' }],
      exactTargets: true,
    },
    {
      code: '3',
      leadUnits: ['区建设工程质量安全管理站'],
      leaders: ['吴丹'],
      deadline: '2024-12-31',
      targets: [{ value: 24, unit: '次', comparator: 'at_least', label: '检查' }],
      exactTargets: true, // 「为零」 is not a target
    },
    {
      code: '4',
      deadline: '2024-12-31',
      targets: [{ value: 120, unit: '亿元', comparator: 'at_least', kind: 'money', label: '总产值' }],
      exactTargets: true,
    },
  ];
  it.each(rows)('task $code', (e) => checkTask(plan, e));
});

// ---------------------------------------------------------------------------
// Table sources built in memory: header synonyms, column order, title row.
// ---------------------------------------------------------------------------
type Column = 'no' | 'task' | 'lead' | 'collab' | 'deadline' | 'leader';

interface HeaderVariant {
  name: string;
  columns: Array<[Column, string]>;
}

const TASK_ROWS: Array<Record<Column, string>> = [
  {
    no: '1',
    task: '培育高新技术企业。确保有效期高企达160家。',
    lead: '高新科',
    collab: '区税务局、区财政局',
    deadline: '2024年11月底',
    leader: '张三',
  },
  {
    no: '2',
    task: '做好成果登记。全年科技成果登记累计80项。',
    lead: '成果科',
    collab: '区市场监管局',
    deadline: '第二季度',
    leader: '李四',
  },
];

const VARIANTS: HeaderVariant[] = [
  {
    name: '重点工作任务/主要责任单位/协同配合单位/完成期限',
    columns: [
      ['no', '序号'],
      ['task', '重点工作任务'],
      ['lead', '主要责任单位'],
      ['collab', '协同配合单位'],
      ['deadline', '完成期限'],
    ],
  },
  {
    name: '工作任务/牵头单位/配合单位/完成时限',
    columns: [
      ['no', '序号'],
      ['task', '工作任务'],
      ['lead', '牵头单位'],
      ['collab', '配合单位'],
      ['deadline', '完成时限'],
    ],
  },
  {
    name: '主要任务/责任单位/配合单位/时间节点/责任领导',
    columns: [
      ['no', '序号'],
      ['task', '主要任务'],
      ['lead', '责任单位'],
      ['collab', '配合单位'],
      ['deadline', '时间节点'],
      ['leader', '责任领导'],
    ],
  },
  {
    name: '任务内容 with columns in another order',
    columns: [
      ['no', '序号'],
      ['task', '任务内容'],
      ['deadline', '完成时限'],
      ['leader', '责任领导'],
      ['lead', '责任单位'],
      ['collab', '协同配合单位'],
    ],
  },
];

function buildRows(variant: HeaderVariant): string[][] {
  return [
    variant.columns.map(([, header]) => header),
    ...TASK_ROWS.map((r) => variant.columns.map(([col]) => r[col])),
  ];
}

describe('table headers', () => {
  it.each(VARIANTS)('$name', (variant) => {
    const plan = parsePlan(
      tableSource(buildRows(variant), ['綦江区科学技术局2024年重点工作任务清单']),
    );
    const hasLeader = variant.columns.some(([c]) => c === 'leader');
    expect(plan.plan.year).toBe(2024);
    checkTask(plan, {
      code: '1',
      number: 1,
      section: null,
      title: '培育高新技术企业',
      leadUnits: ['高新科'],
      collaborators: ['区税务局', '区财政局'],
      leaders: hasLeader ? ['张三'] : [],
      deadline: '2024-11-30',
      targets: [{ value: 160, unit: '家', comparator: 'at_least', kind: 'level', label: '高企' }],
      exactTargets: true,
    });
    checkTask(plan, {
      code: '2',
      title: '做好成果登记',
      leadUnits: ['成果科'],
      collaborators: ['区市场监管局'],
      deadline: '2024-06-30',
      targets: [{ value: 80, unit: '项', kind: 'cumulative', label: '成果登记' }],
      exactTargets: true,
    });
  });

  it('accepts the title as a row above the header instead of a preface', () => {
    const variant = VARIANTS[0]!;
    const rows = buildRows(variant);
    const width = rows[0]!.length;
    const titleRow = ['綦江区科学技术局2024年重点工作任务清单', ...Array<string>(width - 1).fill('')];
    const viaRow = parsePlan(tableSource([titleRow, ...rows], []));
    const viaPreface = parsePlan(tableSource(rows, ['綦江区科学技术局2024年重点工作任务清单']));
    expect(viaRow.plan.title).toBe('綦江区科学技术局2024年重点工作任务清单');
    expect(toPlanJson(viaRow)).toEqual(toPlanJson(viaPreface));
  });

  it('ignores blank rows and surrounding whitespace in cells', () => {
    const rows = buildRows(VARIANTS[1]!).map((r) => r.map((c) => ` ${c} `));
    const empty = Array<string>(rows[0]!.length).fill('');
    const plan = parsePlan(
      tableSource([rows[0]!, empty, rows[1]!, empty, rows[2]!], ['綦江区科学技术局2024年重点工作任务清单']),
    );
    expect(plan.tasks.map((t) => t.code)).toEqual(['1', '2']);
    expect(taskByCode(plan, '1').leadUnits).toEqual(['高新科']);
  });
});

describe('tables without tasks', () => {
  it.each([
    ['a header only', [['序号', '重点工作任务', '主要责任单位', '协同配合单位', '完成期限']]],
    ['no recognisable header', [['姓名', '电话', '备注'], ['王某', '48601234', '']]],
    ['no rows at all', []],
  ])('%s → PlanError', async (_what, rows) => {
    await catchPlanError(() => parsePlan(tableSource(rows, ['綦江区科学技术局2024年重点工作任务清单'])));
  });
});
