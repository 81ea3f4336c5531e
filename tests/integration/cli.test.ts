import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../bot/store/db.js';
import * as files from '../helpers/hostile-files.js';
import type { PlanFile } from '../helpers/hostile-files.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';
import { runCli } from '../helpers/run-cli.js';

const SEED = new URL('../../plans/qijiang-2022-work-plan.txt', import.meta.url).pathname;

let database: TestDatabase;
let dir: string;
let env: NodeJS.ProcessEnv;

async function workplan(...args: string[]) {
  return workplanWith({}, ...args);
}

function workplanWith(extraEnv: NodeJS.ProcessEnv, ...args: string[]) {
  return runCli({ ...env, ...extraEnv }, dir, ...args);
}

beforeAll(async () => {
  database = await createTestDatabase();
  dir = database.dir;
  env = { ...process.env, DATABASE_URL: database.url };
});
afterAll(() => database.drop());

describe('workplan CLI', () => {
  it('parse --json prints exactly the documented shape', async () => {
    const r = await workplan('parse', SEED, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(['plan', 'sections', 'tasks']);
    expect(Object.keys(json.plan)).toEqual(['title', 'issuer', 'year', 'issuedOn', 'periodStart', 'periodEnd']);
    expect(Object.keys(json.sections[0])).toEqual(['ordinal', 'title']);
    expect(Object.keys(json.tasks[0])).toEqual([
      'code', 'number', 'section', 'title', 'body', 'targets', 'leadUnits', 'collaborators', 'leaders', 'deadline', 'milestones',
    ]);
    expect(Object.keys(json.tasks[0].targets[0])).toEqual(['value', 'unit', 'comparator', 'label', 'text', 'kind', 'baseline']);
    expect(json.plan).toEqual({
      title: '重庆市綦江区科学技术局2022年工作要点',
      issuer: '重庆市綦江区科学技术局',
      year: 2022,
      issuedOn: '2022-03-17',
      periodStart: '2022-01-01',
      periodEnd: '2022-12-31',
    });
    expect(json.tasks).toHaveLength(23);
  });

  it('parse prints a readable summary', async () => {
    const r = await workplan('parse', SEED);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('共 7 个部分、23 项任务');
    expect(r.stdout).toContain('[1] 培育高新技术企业');
    expect(r.stdout).toContain('有效期高企 ≥140家');
  });

  it('import stores the plan, a second import reports no change, tasks lists it', async () => {
    const first = await workplan('import', SEED);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('已导入');
    const second = await workplan('import', SEED);
    expect(second.stdout).toContain('没有变化');
    const list = await workplan('tasks');
    expect(list.stdout).toContain('[22] 营造科技创新氛围');
    expect(list.stdout).toContain('[七] 全面抓好重点工作');
  });

  it.each([
    ['empty.txt', Buffer.alloc(0), '空'],
    ['binary.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3, 0xff, 0]), '二进制'],
    ['notes.txt', Buffer.from('今天开会讨论了明年的打算，大家畅所欲言。\n会议纪要另发。\n'), '没有识别到任何任务'],
    ['plan.pdf', Buffer.from('%PDF-1.4'), '不支持'],
  ])('refuses %s with a Chinese message, exit non-zero, store unchanged', async (name, bytes, words) => {
    await workplan('import', SEED);
    const db = await openStore(env.DATABASE_URL!);
    const before = [await db.task.count(), await db.auditEntry.count(), await db.plan.count()];
    const file = join(dir, name);
    writeFileSync(file, bytes);
    const r = await workplan('import', file);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(words);
    expect(r.stderr).toMatch(/^错误：/);
    expect([await db.task.count(), await db.auditEntry.count(), await db.plan.count()]).toEqual(before);
    await db.$disconnect();
  });

  it('plans lists the stored plans; archive ends one once', async () => {
    const before = await workplan('plans');
    expect(before.stdout).toMatch(/^1\s.*2022年工作要点（2022年，\d+项任务，未办结 \d+项）\s进行中$/m);
    const archived = await workplan('archive', '1');
    expect(archived.stdout).toContain('已归档「');
    expect((await workplan('plans')).stdout).toMatch(/^1\s.*\s已归档$/m);
    expect((await workplan('archive', '2022')).stdout).toContain('已归档，无需重复操作');
    const none = await workplan('archive', '1999');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('没有找到计划「1999」');
  });

  it('plans --name sets a plan’s short name (validated, audited) and 「无」 clears it', async () => {
    expect((await workplan('plans', '--name', '1', '科技局')).stdout).toContain('简称设为「科技局」');
    expect((await workplan('plans')).stdout).toMatch(/^1\s.*（2022年，简称 科技局，/m);
    expect((await workplan('plans', '--name', '科技局', '科技局')).stdout).toContain('未作修改');
    const bad = await workplan('plans', '--name', '1', 'a-b');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('不能含空格');
    expect((await workplan('plans', '--name', '1', '无')).stdout).toContain('已清除');
    expect((await workplan('plans')).stdout).not.toContain('简称');
  });

  it('refuses a missing file and an unknown command', async () => {
    expect((await workplan('import', join(dir, 'nope.txt'))).stderr).toContain('找不到文件');
    const r = await workplan('frobnicate');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('未知命令');
  });
});

describe('workplan help and mistakes (issue #19)', () => {
  it.each(['parse', 'import', 'tasks', 'plans', 'archive', 'status', 'assign', 'export', 'read-reply', 'digest', 'demo', 'start', 'receiver', 'worker'])(
    '%s --help and -h print its own usage, exit 0 and start nothing',
    async (name) => {
      for (const flag of ['--help', '-h']) {
        const r = await workplanWith({ DATABASE_URL: 'file:/nonexistent/dir/never.db' }, name, flag);
        expect(r.code).toBe(0);
        expect(r.stdout).toContain(`用法 / usage: workplan ${name}`);
        expect(r.stdout).toContain('-h, --help');
        expect(r.stderr).toBe('');
      }
    },
  );

  it('an unknown option or an extra argument gets the command\'s usage and exit 2, never a stack trace', async () => {
    for (const args of [['parse', SEED, '--bogus'], ['tasks', '--plan', '1'], ['digest', '--preview', '--nope'], ['import', SEED, 'extra']]) {
      const r = await workplan(...args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^错误：/);
      expect(r.stderr).toContain(`用法 / usage: workplan ${args[0]}`);
      expect(r.stderr).not.toMatch(/\n\s+at |node:internal/);
    }
  });

  it('a folder given as the file is refused in Chinese, without a stack trace', async () => {
    for (const name of ['parse', 'import', 'assign']) {
      const r = await workplan(name, dir);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toContain('是一个文件夹，不是文件');
      expect(r.stderr).not.toMatch(/\n\s+at |node:internal|EISDIR/);
    }
  });

  it('the top-level usage lists every command with what it does, the demo as it is today', async () => {
    const r = await workplan('--help');
    expect(r.code).toBe(0);
    for (const name of ['parse', 'import', 'tasks', 'status', 'assign', 'export', 'read-reply', 'digest', 'demo', 'start', 'receiver', 'worker']) expect(r.stdout).toContain(`workplan ${name}`);
    expect(r.stdout).toContain('模拟同事');
    expect(r.stdout).not.toContain('并列出任务');
  });
});

describe('workplan with hostile plan files (issue #14 items 1–4)', () => {
  const write = async (f: PlanFile | Promise<PlanFile>) => {
    const { name, bytes } = await f;
    const file = join(dir, name);
    writeFileSync(file, bytes);
    return file;
  };
  const counts = async () => {
    const db = await openStore(env.DATABASE_URL!);
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

describe('workplan read-reply', () => {
  it('prints exactly the documented JSON for a dry run', async () => {
    const r = await workplan('read-reply', '--plan', SEED, '--task', '1', '--text', '有效期高企已有118家，按计划推进，预计11月底前完成', '--json', '--at', '2022-06-15');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ status: 'on_track', percent: null, values: [{ value: 118, unit: '家', target: 0 }], expectedOn: '2022-11-30' });
  });

  it("reads relative dates in the plan's year without --at (the period's end once it is over)", async () => {
    const r = await workplan('read-reply', '--plan', SEED, '--task', '1', '--text', '预计本月底前完成', '--json');
    expect(JSON.parse(r.stdout).expectedOn).toBe('2022-12-31');
  });

  it('converts money units and names unknown tasks in Chinese', async () => {
    const r = await workplan('read-reply', '--plan', SEED, '--task', '11', '--text', '技术合同登记8500万元，成果登记45项', '--json', '--at', '2022-06-15');
    expect(JSON.parse(r.stdout).values).toEqual([
      { value: 45, unit: '项', target: 0 },
      { value: 0.85, unit: '亿元', target: 1 },
    ]);
    const bad = await workplan('read-reply', '--plan', SEED, '--task', '99', '--text', 'x');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('计划中没有任务「99」');
  });
});
