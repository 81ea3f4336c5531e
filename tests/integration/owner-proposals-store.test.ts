/**
 * Owner proposals in the store: made from the plan's parties, superseded by a newer one, a row changed,
 * confirmed once (two confirmations at the same moment apply it once), refused whole when a task left the
 * plan since; on SQLite and (TEST_DATABASE=postgres) PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OwnersRefused } from '../../bot/store/import-owners.js';
import { changeProposalRow, confirmProposal, findProposal, pendingProposal, proposeForPlan, saveProposal } from '../../bot/store/owner-proposals.js';
import { ORG } from '../helpers/org-fixture.js';
import { seedPlan } from '../helpers/seed.js';
import { tempStore } from '../helpers/temp-store.js';

let store: Awaited<ReturnType<typeof tempStore>>;
let planId: number;
const NOW = new Date('2022-04-11T02:00:00Z');
beforeAll(async () => {
  store = await tempStore();
  ({ planId } = await seedPlan(store.db, { now: new Date('2022-03-21T01:00:00Z'), onlyTasks: new Set() }));
  for (const [position, [code, role, name]] of ([['1', 'lead', '高新科'], ['2', 'lead', '平台科'], ['2', 'leader', '何建国']] as const).entries()) {
    const task = await store.db.task.findFirstOrThrow({ where: { code } });
    await store.db.taskParty.create({ data: { taskId: task.id, role, name, position } });
  }
});
afterAll(async () => store?.cleanup());

const make = async () => (await saveProposal(store.db, { planId, tasks: (await proposeForPlan(store.db, planId, ORG)).tasks, by: 'ou_admin', now: NOW })).id;
const roles = async () => (await store.db.assignment.findMany({ where: { active: true }, include: { person: true, task: true }, orderBy: { id: 'asc' } })).map((a) => `${a.task.code}:${a.role}:${a.person.openId}`);

describe('owner proposals', () => {
  it('are made per task with the section, superseded by a newer one, and assign nothing', async () => {
    const first = await make();
    const second = await make();
    expect((await findProposal(store.db, first))!.state).toBe('superseded');
    const p = (await pendingProposal(store.db, planId))!;
    expect(p.id).toBe(second);
    expect(p.tasks[0]).toEqual({
      code: '1', title: '培育高新技术企业', section: '一、着力培育创新主体', changed: false,
      owners: [{ openId: 'ou_demo_zhangmin', name: '张敏', because: '高新科负责人' }], collaborators: [], leaders: [], misses: [],
    });
    expect(await roles()).toEqual([]);
    expect(await store.db.auditEntry.count({ where: { action: 'proposal.made' } })).toBe(2);
  });

  it('a changed row is kept and marked; confirming twice at once applies it once', async () => {
    const p = (await pendingProposal(store.db, planId))!;
    expect(await changeProposalRow(store.db, { id: p.id, code: '1', role: 'collaborators', people: [{ openId: 'ou_demo_wangfang', name: '王芳', because: '管理员指定' }], by: 'ou_admin', now: NOW })).toBe('changed');
    expect(await changeProposalRow(store.db, { id: p.id, code: '99', role: 'owners', people: [], by: 'ou_admin', now: NOW })).toBe('no-task');
    const results = await Promise.all([confirmProposal(store.db, { id: p.id, by: 'ou_admin', now: NOW }), confirmProposal(store.db, { id: p.id, by: 'ou_other', now: NOW })]);
    expect(results.map((r) => r.kind).sort()).toEqual(['confirmed', 'not-pending']);
    expect(await roles()).toEqual(['1:owner:ou_demo_zhangmin', '1:collaborator:ou_demo_wangfang', '2:owner:ou_demo_wangfang', '2:leader:ou_demo_hejianguo']);
    expect(await store.db.auditEntry.count({ where: { action: 'proposal.confirmed' } })).toBe(1);
    expect(await changeProposalRow(store.db, { id: p.id, code: '1', role: 'owners', people: [], by: 'ou_admin', now: NOW })).toBe('not-pending');
  });

  it('a proposal naming a task removed since is refused whole and stays pending', async () => {
    const id = await make();
    await store.db.task.updateMany({ where: { planId, code: '2' }, data: { removedAt: NOW } });
    const before = await store.db.assignment.count();
    await expect(confirmProposal(store.db, { id, by: 'ou_admin', now: NOW })).rejects.toThrow(OwnersRefused);
    await expect(confirmProposal(store.db, { id, by: 'ou_admin', now: NOW })).rejects.toThrow('计划中没有任务「2」');
    expect((await findProposal(store.db, id))!.state).toBe('pending');
    expect(await store.db.assignment.count()).toBe(before);
  });
});
