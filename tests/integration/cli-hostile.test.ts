/**
 * `workplan` with hostile plan files (issue #14 items 1–4): refused in one Chinese line with the store unchanged, or read.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../bot/store/db.js';
import * as files from '../helpers/hostile-files.js';
import type { PlanFile } from '../helpers/hostile-files.js';
import { SEED, useCliDatabase } from '../helpers/cli-database.js';

const cli = useCliDatabase();
const { workplan, workplanWith } = cli;

describe('workplan with hostile plan files (issue #14 items 1–4)', () => {
  const write = async (f: PlanFile | Promise<PlanFile>) => {
    const { name, bytes } = await f;
    const file = join(cli.dir, name);
    writeFileSync(file, bytes);
    return file;
  };
  const counts = async () => {
    const db = await openStore(cli.env.DATABASE_URL!);
    try {
      return [await db.task.count(), await db.auditEntry.count(), await db.plan.count(), await db.target.count()];
    } finally {
      await db.$disconnect();
    }
  };

  it.each([
    ['content in column XFD', files.sparseXlsx, '第3行XFD列'],
    ['20,000 rows', files.tallXlsx, '第15001行A列'],
    ['a .docx zip bomb', () => files.docxBomb('entry'), '文件解压后过大'],
    ['a .docx that lies about its size', () => files.docxBomb('lying'), '比它声明的大小'],
    ['nesting 50,000 deep', () => files.deepDocx('elements', 50_000), '嵌套过深'],
    ['a CSV of 250,000 rows', files.hugeCsv, '第15001行第1列'],
    ['a task numbered 100,000', () => files.numberedText([1, 100_000]), '超出了任务编号的上限'],
  ])('import refuses %s: exit 1, one Chinese line naming the limit, no stack trace, store unchanged', async (_what, make, words) => {
    await workplan('import', SEED);
    const before = await counts();
    const r = await workplan('import', await write(make()));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^错误：/);
    expect(r.stderr).toContain(words);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['a 700 KB plan', files.bigPlanText, 1],
    ['a 1 MB line', files.longLineText, 1],
    ['a task with 5,000 targets', () => files.manyTargetsText(5000), 1],
    ['tasks 9,999, 10,000 and 10,001', () => files.numberedText([9999, 10_000, 10_001]), 3],
  ])('parse reads %s', async (_what, make, tasks) => {
    const r = await workplan('parse', await write(make()), '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).tasks).toHaveLength(tasks);
  });

  it('a read past IMPORT_TIMEOUT_SECONDS is stopped and refused, the store unchanged', async () => {
    const before = await counts();
    const r = await workplanWith({ IMPORT_TIMEOUT_SECONDS: '0.001' }, 'import', SEED);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^错误：文件处理超时（0.001 秒）/);
    expect(await counts()).toEqual(before);
  });
});
