/**
 * The `workplan` command line as a real process: parse, import, tasks, plans, archive, read-reply. (Help and
 * mistakes: cli-help.test.ts; hostile files: cli-hostile.test.ts — apart, so the three run side by side.)
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../bot/store/db.js';
import { SEED, useCliDatabase } from '../helpers/cli-database.js';

const cli = useCliDatabase();
const { workplan } = cli;

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
    const db = await openStore(cli.env.DATABASE_URL!);
    const before = [await db.task.count(), await db.auditEntry.count(), await db.plan.count()];
    const file = join(cli.dir, name);
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
    expect((await workplan('import', join(cli.dir, 'nope.txt'))).stderr).toContain('找不到文件');
    const r = await workplan('frobnicate');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('未知命令');
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
