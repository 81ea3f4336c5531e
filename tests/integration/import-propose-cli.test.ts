/**
 * `workplan import <plan> --units <分解表>` as a process (issue #23): the units table gives the tasks their units,
 * and the import goes on to print the owner proposal from Feishu's org chart (the fake's demo directory, through
 * the SDK); without credentials a one-line hint, with a chart showing no department the reason and the owners
 * file. Nothing is assigned. A re-import keeps the owners.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { castFrom } from '../../bot/demo/cast.js';
import { addDemoDirectory } from '../../bot/demo/directory.js';
import { parseOwners } from '../../bot/domain/owners/parse-owners.js';
import { readPlanFile } from '../../bot/plan-files/read-plan-file.js';
import { startFakeFeishu, type FakeFeishu } from '../../bot/sandbox/index.js';
import { openStore, type Db } from '../../bot/store/db.js';
import { APP } from '../helpers/bot-harness.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';
import { runCli } from '../helpers/run-cli.js';

const SEED = new URL('../../plans/qijiang-2022-work-plan.txt', import.meta.url).pathname;
const UNITS = new URL('../../plans/qijiang-2022-units.csv', import.meta.url).pathname;
const OWNERS = new URL('../../plans/qijiang-2022-owners.csv', import.meta.url).pathname;

let database: TestDatabase;
let db: Db;
let withDirectory: FakeFeishu;
let empty: FakeFeishu;
let base: NodeJS.ProcessEnv;

const feishu = (fake: FakeFeishu) => ({ FEISHU_APP_ID: APP.appId, FEISHU_APP_SECRET: APP.appSecret, FEISHU_DOMAIN: fake.url, SANDBOX: 'true' });

const workplan = (env: NodeJS.ProcessEnv, ...args: string[]) => runCli(env, database.dir, ...args);

beforeAll(async () => {
  database = await createTestDatabase();
  db = await openStore(database.url);
  const source = await readPlanFile(OWNERS);
  const cast = castFrom(parseOwners(source.kind === 'table' ? source.rows : []));
  withDirectory = await startFakeFeishu(APP);
  for (const c of cast) withDirectory.addUser({ openId: c.openId, name: c.name });
  addDemoDirectory(withDirectory, cast.map((c) => c.openId));
  empty = await startFakeFeishu(APP);
  // Without FEISHU_* from the parent environment, whatever it holds.
  base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('FEISHU_')));
  base.DATABASE_URL = database.url;
}, 300_000);
afterAll(async () => {
  await db?.$disconnect();
  await withDirectory?.close();
  await empty?.close();
  await database?.drop();
});

describe('workplan import --units', () => {
  it('without Feishu credentials: imports the units and prints how to get the proposal', async () => {
    const r = await workplan(base, 'import', SEED, '--units', UNITS);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('已导入《重庆市綦江区科学技术局2022年工作要点》：7 个部分、23 项任务。');
    expect(r.stdout).toContain(`已按任务分解表 ${UNITS} 写入牵头单位、配合单位和责任领导。`);
    expect(r.stdout).toContain('计划写明了牵头单位或责任领导：配置飞书应用后运行 workplan assign --propose 可按通讯录生成责任人建议');
    const t4 = await db.task.findFirstOrThrow({ where: { code: '4' }, include: { parties: { orderBy: { position: 'asc' } } } });
    expect(t4.parties.map((p) => `${p.role}:${p.name}`)).toEqual(['lead:高新科', 'collaborator:平台科', 'leader:何建国']);
  }, 300_000);

  it('with Feishu: an unchanged plan proposes nothing; a changed one with nobody assigned prints the proposal table; nothing is assigned', async () => {
    // The same files again: no change, no proposal. Task 1's units gone from the store: a change, nobody assigned.
    const r = await workplan({ ...base, ...feishu(withDirectory) }, 'import', SEED, '--units', UNITS);
    expect(r.stdout).toContain('已是最新，没有变化');
    expect(r.stdout).not.toContain('责任人建议');
    await db.taskParty.deleteMany({ where: { task: { code: '1' } } });
    const again = await workplan({ ...base, ...feishu(withDirectory) }, 'import', SEED, '--units', UNITS);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('《重庆市綦江区科学技术局2022年工作要点》责任人建议');
    expect(again.stdout).toContain('责任人：张敏（高新技术发展科负责人）　协办：王芳（科技平台建设科负责人）　责任领导：何建国（责任领导）');
    expect(again.stdout).toContain('⚠ 牵头单位「农村科」：部门「农村科技科」没有负责人，也没有标记联络员');
    expect(again.stdout).toContain('未作任何指派。加 --write <文件.csv> 写出责任分工表');
    expect(await db.assignment.count()).toBe(0);
  }, 300_000);

  it('with a chart showing no department: says why and names the owners file; the import stands', async () => {
    await db.taskParty.deleteMany({ where: { task: { code: '1' } } });
    const r = await workplan({ ...base, ...feishu(empty) }, 'import', SEED, '--units', UNITS);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('未能自动生成责任人建议：飞书通讯录中没有应用可见的部门');
    expect(r.stdout).toContain('可以用责任分工表（任务编号、姓名、角色）指派责任人：workplan assign <文件>。');
    expect(await db.taskParty.count({ where: { task: { code: '1' } } })).toBe(2);
  }, 300_000);

  it('once owners are assigned, a re-import keeps them and proposes nothing; a bad units table changes nothing', async () => {
    expect((await workplan(base, 'assign', OWNERS)).code).toBe(0);
    const owners = await db.assignment.count({ where: { active: true } });
    await db.taskParty.deleteMany({ where: { task: { code: '1' } } });
    const r = await workplan({ ...base, ...feishu(withDirectory) }, 'import', SEED, '--units', UNITS);
    expect(r.stdout).toContain('责任人与进展记录均保留');
    expect(r.stdout).not.toContain('责任人建议');
    expect(await db.assignment.count({ where: { active: true } })).toBe(owners);
    const bad = await workplan(base, 'import', SEED, '--units', OWNERS);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('任务分解表需要表头');
  }, 300_000);
});
