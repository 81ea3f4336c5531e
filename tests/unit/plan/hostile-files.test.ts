/**
 * Issue #14 items 1–4: files that froze or exhausted the importer end with the plan or a
 * Chinese PlanError naming the limit (reader and parser, in this process; the worker
 * thread, the CLI and /import are tested in read-in-worker, cli and admin-import-limits).
 */
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../bot/domain/plan/limits.js';
import { parsePlan } from '../../../bot/domain/plan/parse-plan.js';
import type { ParsedPlan } from '../../../bot/domain/plan/types.js';
import { decodePlanBytes } from '../../../bot/plan-files/read-plan-file.js';
import * as files from '../../helpers/hostile-files.js';
import type { PlanFile } from '../../helpers/hostile-files.js';
import { catchPlanError } from './helpers.js';

const read = async (f: PlanFile | Promise<PlanFile>): Promise<ParsedPlan> => {
  const { name, bytes } = await f;
  return parsePlan(await decodePlanBytes(name, bytes));
};
const refusal = async (f: PlanFile | Promise<PlanFile>) => (await catchPlanError(() => read(f))).message;

describe('.xlsx read in one pass over the cells that exist', () => {
  it('a cell with content in column XFD (and 2,000 rows) is refused, naming the cell and the limit', async () => {
    const message = await refusal(files.sparseXlsx());
    expect(message).toContain('第3行XFD列');
    expect(message).toContain(`${LIMITS.columns} 列（到CV列）`);
  });

  it('formatting out to column XFD on every row is not content: the plan is read, trimmed to its columns', async () => {
    const { name, bytes } = await files.formattedXlsx();
    const source = await decodePlanBytes(name, bytes);
    expect(source.kind === 'table' && source.rows.every((r) => r.length === 4)).toBe(true);
    expect(parsePlan(source).tasks).toHaveLength(2000);
  });

  it('20,000 rows are refused at the first row past the limit', async () => {
    const message = await refusal(files.tallXlsx());
    expect(message).toContain(`第${LIMITS.rows + 1}行A列`);
    expect(message).toContain('15,000 行');
  });

  it('a 6,000-row table is read whole', async () => {
    const plan = await read(files.tableXlsx(6000));
    expect(plan.tasks).toHaveLength(6000);
    expect(plan.tasks[5999]!.targets[0]!.value).toBe((6000 % 90) + 10);
  });

  it('merged ranges, data validations and defined names over the whole sheet cost nothing', async () => {
    const plan = await read(files.expandingXlsx());
    expect(plan.tasks.map((t) => t.code)).toEqual(['1', '2', '3']);
  });
});

describe('zip bombs are refused before they inflate', () => {
  it.each([
    ['a .docx part declared at 60 MB', () => files.docxBomb('entry'), '约 60 MB'],
    ['a .docx of three 40 MB parts', () => files.docxBomb('total'), '约 120 MB'],
    ['an .xlsx sheet declared at 60 MB', () => files.xlsxBomb('entry'), '约 60 MB'],
  ])('%s: 「文件解压后过大」 with the size and the limit', async (_what, make, size) => {
    const message = await refusal(make());
    expect(message).toMatch(/^文件解压后过大（/);
    expect(message).toContain(size);
    expect(message).toMatch(/不能超过 (50|100) MB/);
  });

  it.each([
    ['.docx', () => files.docxBomb('lying')],
    ['.xlsx', () => files.xlsxBomb('lying')],
  ])('a %s part that inflates past the size it declares is stopped there', async (_ext, make) => {
    expect(await refusal(make())).toContain('比它声明的大小（16 KB）更大');
  });

  it('a .docx with a 400 MB picture is read: pictures are neither inflated nor inlined', async () => {
    const plan = await read(files.pictureDocx());
    expect(plan.tasks.map((t) => t.title)).toEqual(['培育高新技术企业']);
  });

  it('a small .docx built the same way is read', async () => {
    expect((await read(files.plainDocx())).tasks[0]!.title).toBe('培育高新技术企业');
  });
});

describe('deep nesting', () => {
  it.each([
    ['tables in tables 100 deep', 'tables' as const, 100],
    ['50,000 nested elements', 'elements' as const, 50_000],
  ])('a .docx with %s is refused, naming the nesting', async (_what, kind, levels) => {
    expect(await refusal(files.deepDocx(kind, levels))).toContain('嵌套过深');
  });

  it('a .docx with tables three deep is read', async () => {
    expect((await read(files.deepDocx('tables', 3))).tasks).toHaveLength(1);
  });

  it('outline levels nested and repeated 30,000 times end in a plan or a PlanError', async () => {
    const block = '一、部分\n（一）分部分\n1.任务。确保达5家。\n（1）事项\n①细项\n';
    const text = `某局2022年工作要点\n${block.repeat(30_000)}`;
    const message = await refusal({ name: '层级.txt', bytes: Buffer.from(text, 'utf8') });
    expect(message).toMatch(/条目过多|任务过多/);
  });
});

describe('the parser is linear and bounded', () => {
  it('a 1 MB line without a newline (digits, numerals, spaces, brackets, colons) parses', async () => {
    const plan = await read(files.longLineText());
    expect(plan.tasks).toHaveLength(1);
  });

  it('a 700 KB plan parses (the stack overflowed)', async () => {
    const plan = await read(files.bigPlanText());
    expect(plan.tasks).toHaveLength(1);
    expect(plan.tasks[0]!.targets).toHaveLength(LIMITS.targetsPerTask);
  });

  it('a task with 5,000 target phrases keeps the first 50, with a warning', async () => {
    const plan = await read(files.manyTargetsText(5000));
    expect(plan.tasks[0]!.targets).toHaveLength(LIMITS.targetsPerTask);
    expect(plan.tasks[0]!.targets[49]!.label).toContain('第50类平台');
    expect(plan.warnings).toContain('任务1的指标超过 50 个，只保留了前 50 个。');
  });

  it('more characters than the limit are refused before parsing', async () => {
    const text = '某局2022年工作要点\n一、总体\n1.任务。' + '内容'.repeat(LIMITS.chars / 2);
    expect(await refusal({ name: '长.txt', bytes: Buffer.from(text, 'utf8') })).toContain('不能超过 3,000,000 字');
  });

  it('more tasks than the limit are refused', async () => {
    const plan = files.numberedText(Array.from({ length: LIMITS.tasks + 1 }, (_, i) => i + 1));
    expect(await refusal(plan)).toBe('任务过多（10,001 项）：一份工作要点最多 10,000 项任务，请分成几份导入。');
  });

  it('a CSV of 250,000 rows is refused at the first row past the limit', async () => {
    expect(await refusal(files.hugeCsv())).toContain(`第${LIMITS.rows + 1}行第1列`);
  });

  it('a CSV with content in column 120 is refused, naming the cell', async () => {
    expect(await refusal(files.wideCsv())).toContain('第3行第120列');
  });
});

describe('task numbers from 10,000 up', () => {
  it('9,999, 10,000 and 10,001 are three tasks (10,000 was merged into 9,999)', async () => {
    const plan = await read(files.numberedText([9999, 10_000, 10_001]));
    expect(plan.tasks.map((t) => [t.code, t.number, t.title])).toEqual([
      ['9999', 9999, '任务9999'],
      ['10000', 10_000, '任务10000'],
      ['10001', 10_001, '任务10001'],
    ]);
  });

  it('a number past the limit is refused with its line, never merged', async () => {
    const message = await refusal(files.numberedText([99_999, 100_000]));
    expect(message).toBe('第4行的编号「100000」超出了任务编号的上限（99,999）：请检查编号，或把这一行改写为正文。');
  });

  it('a table row numbered past the limit is refused with its row', async () => {
    const csv = '序号,重点工作任务,牵头单位\n1,任务一,科室\n123456,任务二,科室\n';
    expect(await refusal({ name: '表.csv', bytes: Buffer.from(csv, 'utf8') })).toContain('表格第3行的序号「123456」');
  });
});
