/** `workplan assign`: owners from a file; emails resolved through the fake Feishu; all or nothing. */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeFeishu } from '../../bot/sandbox/index.js';
import { openStore } from '../../bot/store/db.js';
import { APP } from '../helpers/bot-harness.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';
import { CLI_ENTRY as BIN } from '../helpers/cli-entry.js';

const run = promisify(execFile);
const SEED = new URL('../../plans/qijiang-2022-work-plan.txt', import.meta.url).pathname;
const OWNERS = new URL('../../plans/qijiang-2022-owners.csv', import.meta.url).pathname;

let database: TestDatabase;
let dir: string;
let env: NodeJS.ProcessEnv;
let fake: Awaited<ReturnType<typeof startFakeFeishu>>;

async function workplan(...args: string[]) {
  try {
    const r = await run(process.execPath, [BIN, ...args], { env, cwd: dir });
    return { code: 0, ...r };
  } catch (e) {
    return e as { code: number; stdout: string; stderr: string };
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  dir = database.dir;
  fake = await startFakeFeishu({ ...APP });
  fake.addUser({ openId: 'ou_wangfang000000000000000001', name: '王芳', email: 'wangfang@qj.gov.cn' });
  fake.addUser({ openId: 'ou_chenjing000000000000000002', name: '陈静', mobile: '13800000002' });
  env = {
    ...process.env,
    DATABASE_URL: database.url,
    FEISHU_APP_ID: APP.appId, FEISHU_APP_SECRET: APP.appSecret, FEISHU_DOMAIN: fake.url, SANDBOX: 'true',
  };
  await workplan('import', SEED);
});
afterAll(async () => {
  await fake.close();
  await database.drop();
});

async function snapshot() {
  const db = await openStore(env.DATABASE_URL!);
  const r = { people: await db.person.count(), assignments: await db.assignment.count(), audit: await db.auditEntry.count() };
  await db.$disconnect();
  return r;
}

describe('workplan assign', () => {
  it('assigns the example owners file and shows the people next to the tasks', async () => {
    const r = await workplan('assign', OWNERS);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('新增 49 项分工');
    const again = await workplan('assign', OWNERS);
    expect(again.stdout).toContain('新增 0 项分工，49 项已存在');
    const list = await workplan('tasks');
    expect(list.stdout).toMatch(/\[1\] 培育高新技术企业[\s\S]*责任人:张敏 责任领导:何建国/);
  });

  it('resolves emails and mobiles to open_ids through Feishu', async () => {
    const file = join(dir, 'by-contact.csv');
    writeFileSync(file, '任务编号,姓名,角色,邮箱,手机\n5,王芳,责任人,wangfang@qj.gov.cn,\n10,陈静,协办,,13800000002\n');
    const r = await workplan('assign', file);
    expect(r.code).toBe(0);
    const db = await openStore(env.DATABASE_URL!);
    const wang = await db.person.findUniqueOrThrow({ where: { openId: 'ou_wangfang000000000000000001' }, include: { assignments: { include: { task: true } } } });
    expect(wang.assignments.map((a) => [a.task.code, a.role])).toEqual([['5', 'owner']]);
    await db.$disconnect();
    expect(fake.calls.some((c) => c.path.includes('batch_get_id'))).toBe(true);
  });

  it.each([
    ['an unknown task', '任务编号,姓名,open_id\n99,张敏,ou_demo_zhangmin\n', '没有任务「99」'],
    ['a person Feishu does not know', '任务编号,姓名,邮箱\n1,无名氏,nobody@qj.gov.cn\n', '无法确定「无名氏」的飞书账号'],
    ['a bad role', '任务编号,姓名,角色,open_id\n1,张敏,观察员,ou_demo_zhangmin\n', '无法识别角色'],
    [
      'several kinds of mistake at once: every one, with its row, in row order',
      '任务编号,姓名,角色,open_id\n99,张敏,责任人,ou_demo_zhangmin\n1,,责任人,ou_demo_liqiang\n2,李强,观察员,ou_demo_liqiang\n98,陈静,责任人,u_bad\n',
      '责任分工表有 5 处问题，未做任何修改：\n第 2 行：计划中没有任务「99」\n第 3 行：缺少姓名\n第 4 行：无法识别角色「观察员」（可填 责任人 / 协办 / 责任领导）\n第 5 行：open_id「u_bad」格式不正确（应以 ou_ 开头）\n第 5 行：计划中没有任务「98」',
    ],
  ])('refuses %s with a Chinese message and changes nothing', async (_what, csv, words) => {
    const before = await snapshot();
    const file = join(dir, 'bad.csv');
    writeFileSync(file, csv);
    const r = await workplan('assign', file);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(words);
    expect(await snapshot()).toEqual(before);
  });
});
