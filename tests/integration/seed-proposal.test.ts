/**
 * The seed plan fully proposed from the demo's directory with no owners file (issue #23): the plan and its
 * 任务分解表 imported, the org chart read through the real SDK from the fake, and the proposal compared with the
 * owners file the demo used to import. Confirming writes the owners and the audit. SQLite, or PostgreSQL with
 * TEST_DATABASE=postgres.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { castFrom } from '../../bot/demo/cast.js';
import { addDemoDirectory, DEMO_UNITS } from '../../bot/demo/directory.js';
import { DEMO_EDITS } from '../../bot/demo/propose-owners.js';
import type { OrgChart } from '../../bot/domain/owners/org-chart.js';
import { parseOwners, type OwnerRow } from '../../bot/domain/owners/parse-owners.js';
import { proposalRows } from '../../bot/domain/owners/propose.js';
import { parsePlan } from '../../bot/domain/plan/parse-plan.js';
import { mergeUnits } from '../../bot/domain/plan/units-table.js';
import { createMessenger } from '../../bot/feishu/messenger.js';
import { readPlanFile } from '../../bot/plan-files/read-plan-file.js';
import { readUnitsFile } from '../../bot/plan-files/read-units-file.js';
import { startFakeFeishu, type FakeFeishu } from '../../bot/sandbox/index.js';
import { importPlan } from '../../bot/store/import-plan.js';
import { changeProposalRow, confirmProposal, findProposal, proposeForPlan, saveProposal } from '../../bot/store/owner-proposals.js';
import { markUnitContact } from '../../bot/store/unit-contacts.js';
import { APP } from '../helpers/bot-harness.js';
import { tempStore } from '../helpers/temp-store.js';

const PLANS = join(import.meta.dirname, '../../plans');
const at = new Date('2022-03-21T01:00:00Z');
const key = (r: { taskCode: string; role: string; openId: string | null }) => `${r.taskCode}:${r.role}:${r.openId}`;

let store: Awaited<ReturnType<typeof tempStore>>;
let fake: FakeFeishu;
let planId: number;
let owners: OwnerRow[];
let chart: OrgChart;

beforeAll(async () => {
  store = await tempStore();
  const source = await readPlanFile(join(PLANS, 'qijiang-2022-work-plan.txt'));
  const parsed = mergeUnits(parsePlan(source), await readUnitsFile(join(PLANS, 'qijiang-2022-units.csv')));
  ({ planId } = await importPlan(store.db, { parsed, sourceName: 'seed.txt', sourceText: source.kind === 'text' ? source.text : '', actor: 'test', now: at }));
  // The owners file only for comparison and for the people in the fake's directory.
  const file = await readPlanFile(join(PLANS, 'qijiang-2022-owners.csv'));
  owners = parseOwners(file.kind === 'table' ? file.rows : []);
  let now = at.getTime();
  fake = await startFakeFeishu({ ...APP, now: () => now });
  const cast = castFrom(owners);
  for (const c of cast) fake.addUser({ openId: c.openId, name: c.name });
  addDemoDirectory(fake, cast.map((c) => c.openId));
  const m = createMessenger({ appId: APP.appId, appSecret: APP.appSecret, domain: fake.url, nowMs: () => now, sleep: async (ms) => void (now += ms) });
  chart = await m.readOrgChart();
});
afterAll(async () => {
  await fake?.close();
  await store?.cleanup();
});

describe('the seed plan proposed from the demo directory, no owners file', () => {
  it('names a lead unit and a leader for every task from the units table', async () => {
    const tasks = await store.db.task.findMany({ where: { planId }, include: { parties: true } });
    expect(tasks).toHaveLength(23);
    for (const t of tasks) {
      expect(t.parties.some((p) => p.role === 'lead'), t.code).toBe(true);
      expect(t.parties.some((p) => p.role === 'leader'), t.code).toBe(true);
    }
  });

  it('without the 联络员 the bureau marked, says 农村科技科 has no head; with it, every task has its owners and leaders', async () => {
    const bare = await proposeForPlan(store.db, planId, chart);
    expect(bare.tasks.filter((t) => !t.owners.length).map((t) => t.code)).toEqual(['12', '13', '14', '15']);
    expect(bare.tasks.find((t) => t.code === '12')!.misses[0]!.reason).toContain('部门「农村科技科」没有负责人，也没有标记联络员');

    const unit = DEMO_UNITS.find((u) => u.contact)!;
    const department = chart.departments.find((d) => d.name === unit.name)!;
    await markUnitContact(store.db, { departmentId: department.id, departmentName: department.name, openId: unit.contact!, name: '杨帆', by: 'test', now: at });
    const { tasks } = await proposeForPlan(store.db, planId, chart);
    expect(tasks).toHaveLength(23);
    for (const t of tasks) {
      expect(t.owners.length, t.code).toBe(1);
      expect(t.leaders.length, t.code).toBe(1);
      expect(t.misses.filter((m) => m.role !== 'collaborator'), t.code).toEqual([]);
    }
    // What the plan's prose names beside the table: outside bodies, listed with the reason, never guessed.
    const misses = tasks.flatMap((t) => t.misses.map((m) => `${t.code}:${m.name}：${m.reason}`));
    expect(misses.map((m) => m.split('：')[0])).toEqual(['7:区经信', '7:区税务', '7:区财政', '16:金雀公司', '20:区人才办']);
    for (const m of misses) expect(m).toContain('外单位，不在本单位的通讯录中');

    // The same rows as the owners file, but for the two tasks the unit's head would get and the admin hands on.
    const edited = new Set(DEMO_EDITS.map((e) => e.code));
    const proposed = proposalRows(tasks).map(key).sort();
    const fromFile = owners.filter((r) => !(edited.has(r.taskCode) && r.role === 'owner')).map(key);
    const heads = DEMO_EDITS.map((e) => `${e.code}:owner:ou_demo_zhangmin`);
    expect(proposed).toEqual([...fromFile, ...heads].sort());
  });

  it("confirming, after the admin's edits, writes exactly the owners file's people and audits it", async () => {
    const { tasks } = await proposeForPlan(store.db, planId, chart);
    const saved = await saveProposal(store.db, { planId, tasks, by: 'ou_demo_admin_wujing', now: at });
    for (const e of DEMO_EDITS) {
      expect(await changeProposalRow(store.db, { id: saved.id, code: e.code, role: 'owners', people: [{ openId: e.openId, name: e.name, because: '管理员指定' }], by: 'ou_demo_admin_wujing', now: at })).toBe('changed');
    }
    expect(await store.db.assignment.count()).toBe(0);
    const done = await confirmProposal(store.db, { id: saved.id, by: 'ou_demo_admin_wujing', now: at });
    expect(done.kind).toBe('confirmed');
    const rows = await store.db.assignment.findMany({ where: { active: true }, include: { person: true, task: true } });
    expect(rows.map((r) => `${r.task.code}:${r.role}:${r.person.openId}`).sort()).toEqual(owners.map(key).sort());
    const audit = await store.db.auditEntry.findMany({ where: { action: 'proposal.confirmed' } });
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ proposalId: saved.id, planId, rows: owners.length, added: owners.length });
    expect((await findProposal(store.db, saved.id))!.state).toBe('confirmed');
  });
});
