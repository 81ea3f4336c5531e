/**
 * `workplan import <next year> [--carry-from] [--dry-run]` on a real store: the preview changes nothing,
 * the carry-over gives the new tasks the old tasks' people where lead unit and title match, leaves the
 * earlier plan as it was, is audited, and carries nothing twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Db } from '../../bot/store/db.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';
import { runCli } from '../helpers/run-cli.js';

const SEED = new URL('../../plans/qijiang-2022-work-plan.txt', import.meta.url).pathname;
const OWNERS = new URL('../../plans/qijiang-2022-owners.csv', import.meta.url).pathname;
const NEXT = new URL('../fixtures/plans/qijiang-2023-work-plan.txt', import.meta.url).pathname;

let database: TestDatabase;
let db: Db;
let env: NodeJS.ProcessEnv;

const workplan = (...args: string[]) => runCli(env, database.dir, ...args);

/** Each task of a plan → its active people as 「name:role」, sorted. */
async function people(planId: number): Promise<Record<string, string[]>> {
  const tasks = await db.task.findMany({ where: { planId }, include: { assignments: { where: { active: true }, include: { person: true } } } });
  return Object.fromEntries(tasks.map((t) => [t.code, t.assignments.map((a) => `${a.person.name}:${a.role}`).sort()]));
}

const TABLE = [
  '新任务 | 承接自 | 牵头单位 | 责任人 | 依据',
  '1 培育高新技术企业 | 1 培育高新技术企业 | （未列） | 张敏（责任人）；何建国（责任领导） | 完全一致',
  '2 培育科技型中小企业 | 2 培育科技型企业 | （未列） | 李强（责任人）；何建国（责任领导） | 相近',
  '3 培育高成长企业 | 3 培育高成长企业 | （未列） | 李强（责任人）；何建国（责任领导） | 完全一致',
  '6 加强研发平台建设 | 5 加强研发平台建设 | （未列） | 王芳（责任人）；何建国（责任领导） | 完全一致',
  '7 建设孵化平台 | 6 全面建设孵化平台 | （未列） | 王芳（责任人）；何建国（责任领导） | 相近',
  '8 指导科技统计 | 7 指导科技统计 | （未列） | 刘洋（责任人）；何建国（责任领导） | 完全一致',
  '9 组织项目申报 | 8 组织项目申报 | （未列） | 刘洋（责任人）；何建国（责任领导） | 完全一致',
  '12 推进科技成果转化 | 10 推进成果转化 | （未列） | 陈静（责任人）；何建国（责任领导） | 相近',
  '13 做好成果登记 | 11 做好成果登记 | （未列） | 陈静（责任人）；刘洋（协办）；何建国（责任领导） | 完全一致',
  '14 提质农业创新平台 | 12 提质农业创新平台 | （未列） | 杨帆（责任人）；罗晓梅（责任领导） | 完全一致',
  '七 全面抓好重点工作 | 七 全面抓好重点工作 | （未列） | 周涛（责任人）；罗晓梅（责任领导） | 完全一致',
  '10 申报市级科技奖励：可能承接自 9 申报科技奖励，未承接',
  '11 申报国家级科技奖励：可能承接自 9 申报科技奖励，未承接',
  '承接 11 项，有多个可能、未承接 2 项，无对应任务 2 项。',
].join('\n');

beforeAll(async () => {
  database = await createTestDatabase();
  env = { ...process.env, DATABASE_URL: database.url };
  expect((await workplan('import', SEED)).code).toBe(0);
  expect((await workplan('assign', OWNERS)).code).toBe(0);
  db = await openStore(database.url);
});
afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

describe('workplan import: carrying people over to next year’s plan', () => {
  it('--dry-run shows the table and changes nothing', async () => {
    const before = [await db.plan.count(), await db.assignment.count(), await db.auditEntry.count()];
    const r = await workplan('import', NEXT, '--dry-run');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`预览：从《重庆市綦江区科学技术局2022年工作要点》承接责任人到《重庆市綦江区科学技术局2023年工作要点》（未作任何修改）\n${TABLE}\n`);
    expect([await db.plan.count(), await db.assignment.count(), await db.auditEntry.count()]).toEqual(before);
  });

  it('importing the new plan alone imports it and previews the carry-over, carrying nothing', async () => {
    const r = await workplan('import', NEXT);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('已导入《重庆市綦江区科学技术局2023年工作要点》：5 个部分、15 项任务。');
    expect(r.stdout).toContain(`可从《重庆市綦江区科学技术局2022年工作要点》承接以下任务的责任人（尚未承接）：\n${TABLE}\n`);
    expect(r.stdout).toContain(`确认无误后运行：workplan import ${NEXT} --carry-from 1\n`);
    const next = await db.plan.findFirstOrThrow({ where: { year: 2023 } });
    expect(Object.values(await people(next.id)).flat()).toEqual([]);
  });

  it('--carry-from with --dry-run still changes nothing; a wrong plan is refused', async () => {
    const count = await db.assignment.count();
    const r = await workplan('import', NEXT, '--carry-from', '2022', '--dry-run');
    expect(r.stdout).toContain(TABLE);
    expect(await db.assignment.count()).toBe(count);
    const self = await workplan('import', NEXT, '--carry-from', '2023');
    expect(self.code).toBe(2);
    expect(self.stderr).toContain('就是要导入的计划');
    const none = await workplan('import', NEXT, '--carry-from', '2019');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('没有找到计划「2019」');
    expect(await db.assignment.count()).toBe(count);
  });

  it('--carry-from carries the people, leaves the old plan alone, and is audited', async () => {
    const old = await db.plan.findFirstOrThrow({ where: { year: 2022 } });
    const oldPeople = await people(old.id);
    const r = await workplan('import', NEXT, '--carry-from', '1');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`已从《重庆市綦江区科学技术局2022年工作要点》承接责任人（新增 23 人次）：\n${TABLE}\n`);
    const next = await db.plan.findFirstOrThrow({ where: { year: 2023 } });
    const now = await people(next.id);
    expect(now['1']).toEqual(['何建国:leader', '张敏:owner']);
    expect(now['2']).toEqual(['何建国:leader', '李强:owner']);
    expect(now['13']).toEqual(['何建国:leader', '刘洋:collaborator', '陈静:owner']);
    for (const code of ['4', '5', '10', '11']) expect(now[code]).toEqual([]);
    expect(await people(old.id)).toEqual(oldPeople);
    expect((await db.plan.findUniqueOrThrow({ where: { id: old.id } })).archivedAt).toBeNull();
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: 'plan.carried' } });
    expect(entry.actor).toBe('cli');
    expect(JSON.parse(entry.after!)).toEqual({ fromPlanId: old.id, toPlanId: next.id, from: '重庆市綦江区科学技术局2022年工作要点', tasks: 11, count: 23 });
    expect(await db.auditEntry.count({ where: { action: 'assignment.added', taskId: { in: (await db.task.findMany({ where: { planId: next.id } })).map((t) => t.id) } } })).toBe(23);
  });

  it('carrying again adds nobody: every carried task is staffed now', async () => {
    const count = await db.assignment.count();
    const r = await workplan('import', NEXT, '--carry-from', '1');
    expect(r.stdout).toContain('承接责任人（新增 0 人次）：\n（没有可承接的任务）\n');
    expect(r.stdout).toContain('承接 0 项，已有人员不变 11 项，有多个可能、未承接 2 项，无对应任务 2 项。');
    expect(await db.assignment.count()).toBe(count);
  });
});
