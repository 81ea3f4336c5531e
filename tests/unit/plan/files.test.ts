/**
 * readPlanFile / decodePlanBytes: encodings (UTF-8, UTF-8 with BOM, GBK),
 * prose .docx, and inputs that must be refused with a Chinese PlanError.
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../../bot/domain/plan/parse-plan.js';
import { toPlanJson } from '../../../bot/domain/plan/plan-json.js';
import { decodePlanBytes, readPlanFile } from '../../../bot/plan-files/read-plan-file.js';
import type { PlanSource } from '../../../bot/domain/plan/types.js';
import {
  SEED_PATH,
  catchPlanError,
  fixtureBytes,
  fixturePath,
  fixtureText,
  textSource,
  withTempDir,
} from './helpers.js';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const MB = 1024 * 1024;

function textOf(source: PlanSource): string {
  expect(source.kind).toBe('text');
  return source.kind === 'text' ? source.text : '';
}

describe('text encodings', () => {
  it('reads a GBK .txt', async () => {
    const source = await readPlanFile(fixturePath('kaizhou-wenlv-2022-work-plan.gbk.txt'));
    const text = textOf(source);
    expect(text).toContain('开州区文化和旅游发展委员会2022年工作要点');
    expect(text).toContain('新增区级非物质文化遗产代表性项目五项');
    expect(text).not.toContain('\uFFFD');
    const plan = parsePlan(source);
    expect(plan.plan.title).toBe('开州区文化和旅游发展委员会2022年工作要点');
    expect(plan.tasks.map((t) => t.code)).toEqual(['1', '2', '3', '4', '5', '6']);
  });

  it('decodes GBK bytes the same way', async () => {
    const fromFile = await readPlanFile(fixturePath('kaizhou-wenlv-2022-work-plan.gbk.txt'));
    const fromBytes = await decodePlanBytes(
      'kaizhou-wenlv-2022-work-plan.gbk.txt',
      fixtureBytes('kaizhou-wenlv-2022-work-plan.gbk.txt'),
    );
    expect(textOf(fromBytes)).toBe(textOf(fromFile));
  });

  it('reads UTF-8 without a BOM', async () => {
    const text = textOf(await readPlanFile(fixturePath('jiangjin-jiaowei-2023-work-plan.txt')));
    expect(text).toContain('江津区教育委员会2023年工作要点');
    expect(text).not.toContain('\uFFFD');
  });

  it('drops a UTF-8 BOM', async () => {
    const bytes = Buffer.concat([BOM, fixtureBytes('jiangjin-jiaowei-2023-work-plan.txt')]);
    const source = await decodePlanBytes('jiaowei.txt', bytes);
    const text = textOf(source);
    expect(text.startsWith('\uFEFF')).toBe(false);
    expect(text.trimStart().startsWith('重庆市江津区教育委员会')).toBe(true);
    const withBom = parsePlan(source);
    const without = parsePlan(textSource(fixtureText('jiangjin-jiaowei-2023-work-plan.txt')));
    expect(toPlanJson(withBom)).toEqual(toPlanJson(without));
  });

  it('reads a BOM-prefixed file from disk', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, '区科技局2022年工作要点.txt');
      await writeFile(file, Buffer.concat([BOM, readFileSync(SEED_PATH)]));
      const plan = parsePlan(await readPlanFile(file));
      expect(plan.plan.issuer).toBe('重庆市綦江区科学技术局');
      expect(plan.tasks).toHaveLength(23);
    });
  });

  it('reads a UTF-8 CSV with a BOM (the 序号 header must still be found)', async () => {
    const bytes = Buffer.concat([BOM, fixtureBytes('qijiang-shangwu-2023-tasks.csv')]);
    const source = await decodePlanBytes('shangwu.csv', bytes);
    expect(source.kind).toBe('table');
    const plan = parsePlan(source);
    const plain = parsePlan(await readPlanFile(fixturePath('qijiang-shangwu-2023-tasks.csv')));
    expect(toPlanJson(plan)).toEqual(toPlanJson(plain));
  });

  it('reads .md as text', async () => {
    const source = await decodePlanBytes('工作要点.md', fixtureBytes('nanchuan-fgw-2024-work-plan.txt'));
    expect(textOf(source)).toContain('南川区发展和改革委员会2024年工作要点');
    expect(parsePlan(source).tasks).toHaveLength(11);
  });

  it.each([
    'jiangjin-jiaowei-2023-work-plan.txt',
    'gunan-jiedao-2023q2-work-plan.txt',
    'nanchuan-fgw-2024-work-plan.txt',
    'tongliang-rsj-2024h1-work-plan.txt',
    'kaizhou-wenlv-2022-work-plan.gbk.txt',
    'qijiang-shangwu-2023-tasks.csv',
    'qijiang-shangwu-2023-tasks.gbk.csv',
    'wansheng-yjj-2024-tasks.tsv',
  ])('readPlanFile and decodePlanBytes agree on %s', async (name) => {
    const a = await readPlanFile(fixturePath(name));
    const b = await decodePlanBytes(name, fixtureBytes(name));
    expect(b.kind).toBe(a.kind);
    if (a.kind === 'text' && b.kind === 'text') expect(b.text).toBe(a.text);
    if (a.kind === 'table' && b.kind === 'table') {
      expect(b.rows).toEqual(a.rows);
      expect(b.preface).toEqual(a.preface);
    }
  });
});

describe('prose .docx', () => {
  it('reads paragraphs as text and parses like the .txt it was made from', async () => {
    const lines = fixtureText('jiangjin-jiaowei-2023-work-plan.txt')
      .split('\n')
      .filter((l) => l.trim() !== '');
    const doc = new Document({ sections: [{ children: lines.map((l) => new Paragraph(l)) }] });
    const bytes = await Packer.toBuffer(doc);
    await withTempDir(async (dir) => {
      const file = path.join(dir, '江津区教委2023年工作要点.docx');
      await writeFile(file, bytes);
      const source = await readPlanFile(file);
      const text = textOf(source);
      expect(text).toContain('江津区教育委员会2023年工作要点');
      const fromDocx = parsePlan(source);
      const fromTxt = parsePlan(textSource(fixtureText('jiangjin-jiaowei-2023-work-plan.txt')));
      expect(toPlanJson(fromDocx)).toEqual(toPlanJson(fromTxt));
      const viaBytes = await decodePlanBytes('jiaowei.docx', Buffer.from(bytes));
      expect(textOf(viaBytes)).toBe(text);
    });
  });
});

async function emptyXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Sheet1');
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function emptyDocx(): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: [] }] }));
}

function randomBytes(n: number, seed: number): Buffer {
  const out = Buffer.alloc(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = i % 5 === 0 ? 0 : x >>> 24;
  }
  return out;
}

describe('inputs that are refused with a PlanError', () => {
  const planUtf8 = () => fixtureBytes('jiangjin-jiaowei-2023-work-plan.txt');

  const cases: Array<[string, string, () => Promise<Buffer> | Buffer]> = [
    ['an empty .txt', 'empty.txt', () => fixtureBytes('empty.txt')],
    ['a whitespace-only .txt', 'blank.txt', () => Buffer.from('\n\n  \r\n\u3000\n', 'utf8')],
    ['a binary file named .txt', 'binary.txt', () => fixtureBytes('binary.txt')],
    ['a BOM and nothing else', 'bom.txt', () => BOM],
    ['an empty .csv', 'empty.csv', () => Buffer.alloc(0)],
    ['random bytes named .xlsx', 'plan.xlsx', () => randomBytes(4096, 7)],
    ['random bytes named .docx', 'plan.docx', () => randomBytes(4096, 11)],
    ['a text file named .docx', 'plan.docx', planUtf8],
    ['an empty .xlsx workbook', 'plan.xlsx', emptyXlsx],
    ['an empty .docx', 'plan.docx', emptyDocx],
    ['a .pdf', 'plan.pdf', planUtf8],
    ['an old Word .doc', 'plan.doc', planUtf8],
    ['an .xls', 'plan.xls', planUtf8],
    ['a .zip', 'plan.zip', planUtf8],
    ['a text without tasks', 'meeting-notice-no-tasks.txt', () => fixtureBytes('meeting-notice-no-tasks.txt')],
  ];

  // The error may come from reading or from parsing; either way it is a PlanError.
  it.each(cases)('%s', async (_what, name, makeBytes) => {
    const bytes = await makeBytes();
    await catchPlanError(async () => parsePlan(await decodePlanBytes(name, bytes)));
  });

  it.each([
    'empty.txt',
    'binary.txt',
    'meeting-notice-no-tasks.txt',
  ])('readPlanFile(%s) ends in a PlanError', async (name) => {
    await catchPlanError(async () => parsePlan(await readPlanFile(fixturePath(name))));
  });

  it('refuses over 10 MB of bytes before parsing', async () => {
    const unit = planUtf8();
    const big = Buffer.alloc(11 * MB);
    for (let off = 0; off < big.length; off += unit.length) unit.copy(big, off);
    await catchPlanError(() => decodePlanBytes('big.txt', big));
  });

  it('refuses a file over 10 MB on disk', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'big.csv');
      const row = Buffer.from('1,培育高新技术企业。确保有效期高企达140家。,高新科,,全年\n', 'utf8');
      const big = Buffer.alloc(11 * MB);
      for (let off = 0; off < big.length; off += row.length) row.copy(big, off);
      await writeFile(file, big);
      await catchPlanError(() => readPlanFile(file));
    });
  });

  it('rejects a path that does not exist', async () => {
    await expect(readPlanFile(fixturePath('no-such-plan.txt'))).rejects.toThrow();
  });
});

describe('a .csv table under a one-cell title row', () => {
  it('reads every row, and leaves the stack trace limit as it found it, also when the file is refused', async () => {
    const before = Error.stackTraceLimit;
    const rows = ['某局2023年重点工作任务分解表', '序号,重点工作任务,牵头单位', '1,培育科技型企业,综合科', '2,"组织政策宣讲，力争新增10家",科技科'];
    const source = await decodePlanBytes('分解表.csv', Buffer.from(rows.join('\n'), 'utf8'));
    expect(source).toEqual({
      kind: 'table', name: '分解表.csv', preface: [],
      rows: [['某局2023年重点工作任务分解表'], ['序号', '重点工作任务', '牵头单位'], ['1', '培育科技型企业', '综合科'], ['2', '组织政策宣讲，力争新增10家', '科技科']],
    });
    expect(Error.stackTraceLimit).toBe(before);
    await expect(decodePlanBytes('坏.csv', Buffer.from('序号,任务\n1,"没有闭合的引号\n', 'utf8'))).rejects.toThrow(/^表格文件格式有误（约第\d+行）/);
    expect(Error.stackTraceLimit).toBe(before);
  });
  it('reads rows whose width changes back and forth, a BOM and trailing empty cells too', async () => {
    const text = '\ufeff标题\n序号,任务,牵头单位\n1,甲,综合科\n2,乙\n3,丙,科技科,备注,\n4,丁,综合科\n,,\n5,戊,,\n';
    const source = await decodePlanBytes('宽窄.csv', Buffer.from(text, 'utf8'));
    expect(source).toEqual({
      kind: 'table', name: '宽窄.csv', preface: [],
      rows: [['标题'], ['序号', '任务', '牵头单位'], ['1', '甲', '综合科'], ['2', '乙'], ['3', '丙', '科技科', '备注'], ['4', '丁', '综合科'], [], ['5', '戊']],
    });
  });
});
