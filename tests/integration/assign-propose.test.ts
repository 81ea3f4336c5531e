/**
 * `workplan assign --propose`: the proposal printed per section, nothing assigned; --write gives an owners file
 * that `workplan assign <file>` imports (the real CLI functions, the store on SQLite or PostgreSQL).
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAssign } from '../../bot/cli/assign.js';
import { runAssignPropose } from '../../bot/cli/assign-propose.js';
import { addDemoDirectory } from '../../bot/demo/directory.js';
import { startFakeFeishu } from '../../bot/sandbox/index.js';
import { APP } from '../helpers/bot-harness.js';
import { ORG } from '../helpers/org-fixture.js';
import { seedPlan } from '../helpers/seed.js';
import { tempStore } from '../helpers/temp-store.js';

let store: Awaited<ReturnType<typeof tempStore>>;
const saved = process.env.DATABASE_URL;
beforeAll(async () => {
  store = await tempStore();
  process.env.DATABASE_URL = store.url;
  await seedPlan(store.db, { now: new Date('2022-03-21T01:00:00Z'), onlyTasks: new Set() });
  const parties: [string, 'lead' | 'collaborator' | 'leader', string][] = [['1', 'lead', '高新科'], ['1', 'leader', '何建国'], ['2', 'lead', '高新股'], ['2', 'collaborator', '平台科'], ['4', 'lead', '科技创新室']];
  for (const [position, [code, role, name]] of parties.entries()) {
    const task = await store.db.task.findFirstOrThrow({ where: { code } });
    await store.db.taskParty.create({ data: { taskId: task.id, role, name, position } });
  }
});
afterAll(async () => {
  // Assigning undefined would store the string 'undefined' (tests/helpers/env-guard.ts).
  if (saved === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = saved;
  await store?.cleanup();
});

const io = () => {
  const out: string[] = [];
  return { out: (t: string) => void out.push(t), err: (t: string) => void out.push(t), text: () => out.join('') };
};

describe('workplan assign --propose', () => {
  it('prints the proposal per section and assigns nothing; --write gives a file workplan assign imports', async () => {
    const file = join(store.dir, 'owners.csv');
    const o = io();
    expect(await runAssignPropose({ write: file }, o, async () => ORG)).toBe(0);
    const text = o.text();
    expect(text).toContain([
      '《重庆市綦江区科学技术局2022年工作要点》责任人建议',
      '',
      '一、着力培育创新主体',
      '  1  培育高新技术企业',
      '      责任人：张敏（高新科负责人）　协办：—　责任领导：何建国（责任领导）',
      '  2  培育科技型企业',
      '      责任人：张敏（高新科负责人）　协办：王芳（平台科负责人）　责任领导：—',
      '  3  培育高成长企业',
      '      责任人：—　协办：—　责任领导：—',
      '      ⚠ 牵头单位：计划未写明牵头单位',
    ].join('\n'));
    expect(text).toContain('      ⚠ 牵头单位「科技创新室」：有 2 个部门都可能是「科技创新室」：「科技创新科」和「科技创新股」，请用 /unit 标记或逐一指定');
    expect(text).toContain(`已写出责任分工表：${file}。`);
    expect(await store.db.assignment.count()).toBe(0);
    expect(await readFile(file, 'utf8')).toBe('任务编号,姓名,角色,open_id\n1,张敏,责任人,ou_demo_zhangmin\n1,何建国,责任领导,ou_demo_hejianguo\n2,张敏,责任人,ou_demo_zhangmin\n2,王芳,协办,ou_demo_wangfang\n');

    const back = io();
    expect(await runAssign([file], back)).toBe(0);
    expect(back.text()).toContain('已导入责任分工：4 行，涉及 3 人；新增 4 项分工');
    const rows = await store.db.assignment.findMany({ include: { person: true, task: true }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => `${r.task.code}:${r.role}:${r.person.openId}`)).toEqual(['1:owner:ou_demo_zhangmin', '1:leader:ou_demo_hejianguo', '2:owner:ou_demo_zhangmin', '2:collaborator:ou_demo_wangfang']);
  });

  it('without --write says how to go on; a file with --propose is refused', async () => {
    const o = io();
    await runAssignPropose({}, o, async () => ORG);
    expect(o.text()).toContain('未作任何指派。加 --write <文件.csv> 写出责任分工表');
    await expect(runAssign(['x.csv', '--propose'], io())).rejects.toThrow('--propose 按飞书通讯录生成建议，不读分工表');
    await expect(runAssign(['x.csv', '--write', 'y.csv'], io())).rejects.toThrow('--write 只与 --propose 一起使用。');
  });
});

describe('workplan assign --propose as a process', () => {
  it('reads the org chart from Feishu (the fake’s demo directory through the SDK)', async () => {
    const fake = await startFakeFeishu({ ...APP });
    try {
      for (const [openId, name] of [['ou_demo_zhangmin', '张敏'], ['ou_demo_hejianguo', '何建国'], ['ou_demo_wangfang', '王芳']]) fake.addUser({ openId: openId!, name: name! });
      addDemoDirectory(fake, fake.users().map((u) => u.openId));
      const bin = new URL('../../bot/cli/bin.js', import.meta.url).pathname;
      const env = { ...process.env, DATABASE_URL: store.url, FEISHU_APP_ID: APP.appId, FEISHU_APP_SECRET: APP.appSecret, FEISHU_DOMAIN: fake.url, SANDBOX: 'true', LOG_LEVEL: 'silent' };
      const { stdout } = await promisify(execFile)(process.execPath, [bin, 'assign', '--propose'], { env, cwd: store.dir });
      expect(stdout).toContain('      责任人：张敏（高新技术发展科负责人）　协办：王芳（科技平台建设科负责人）　责任领导：—');
    } finally {
      await fake.close();
    }
  });
});
