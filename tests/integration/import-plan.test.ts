import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parsePlan } from '../../bot/domain/plan/parse-plan.js';
import { importPlan } from '../../bot/store/import-plan.js';
import { listTasks } from '../../bot/store/list-tasks.js';
import type { Db } from '../../bot/store/db.js';
import { tempStore } from '../helpers/temp-store.js';

const SEED = readFileSync(new URL('../../plans/qijiang-2022-work-plan.txt', import.meta.url), 'utf8');
const T0 = new Date('2022-03-21T01:00:00Z');
const T1 = new Date('2022-04-01T01:00:00Z');

function load(db: Db, text: string, now: Date) {
  const parsed = parsePlan({ kind: 'text', name: 'plan.txt', text });
  return importPlan(db, { parsed, sourceName: 'plan.txt', sourceText: text, actor: 'cli', now });
}

async function counts(db: Db) {
  return {
    plans: await db.plan.count(),
    tasks: await db.task.count(),
    targets: await db.target.count(),
    parties: await db.taskParty.count(),
    audit: await db.auditEntry.count(),
  };
}

describe('importing a plan into the store', () => {
  let store: Awaited<ReturnType<typeof tempStore>>;
  beforeEach(async () => {
    store = await tempStore();
  });
  afterEach(async () => store.cleanup());

  it('stores the seed: sections, 23 tasks, targets, collaborators', async () => {
    const r = await load(store.db, SEED, T0);
    expect(r.created).toBe(true);
    const tasks = await listTasks(store.db);
    expect(tasks).toHaveLength(23);
    expect(await store.db.section.count()).toBe(7);
    const t11 = tasks.find((t) => t.code === '11')!;
    expect(t11.targets.map((g) => [g.value, g.unit, g.kind])).toEqual([
      [70, '项', 'cumulative'],
      [11, '亿元', 'money'],
    ]);
    expect(tasks.find((t) => t.code === '18')!.parties.map((p) => [p.role, p.name])).toEqual([['collaborator', '区金融办']]);
    expect(tasks.find((t) => t.code === '七')!.section?.ordinal).toBe('七');
    const plan = await store.db.plan.findFirstOrThrow();
    expect(plan.sourceText).toBe(SEED);
    expect(plan.importedAt).toEqual(T0);
    expect((await store.db.auditEntry.findFirstOrThrow()).action).toBe('plan.imported');
  });

  it('re-importing the same text changes nothing', async () => {
    await load(store.db, SEED, T0);
    const before = await counts(store.db);
    const r = await load(store.db, SEED, T1);
    expect(r.created).toBe(false);
    expect(r.changes).toEqual([]);
    const after = await counts(store.db);
    expect(after).toEqual({ ...before, audit: before.audit + 1 });
    // Nothing per task was rewritten: every task still carries the first import's time.
    expect(await store.db.task.count({ where: { updatedAt: { not: T0 } } })).toBe(0);
    expect((await store.db.taskParty.findMany({ select: { id: true } })).length).toBe(before.parties);
  });

  it('re-importing an edited plan updates text, targets and deadlines but keeps owners and reports', async () => {
    await load(store.db, SEED, T0);
    const t1 = await store.db.task.findFirstOrThrow({ where: { code: '1' }, include: { targets: true } });
    const person = await store.db.person.create({
      data: { name: '张敏', openId: 'ou_zhangmin', createdAt: T0, updatedAt: T0 },
    });
    await store.db.assignment.create({ data: { taskId: t1.id, personId: person.id, role: 'owner', assignedAt: T0, assignedBy: 'cli' } });
    const report = await store.db.report.create({
      data: {
        taskId: t1.id, personId: person.id, period: '2022-W13', status: 'on_track', rawText: '已有118家，按计划推进',
        source: 'text', createdAt: T0, updatedAt: T0,
        values: { create: [{ targetId: t1.targets[0]!.id, value: 118, unit: '家' }] },
      },
    });

    const edited = SEED.replace('达140家', '达150家')
      .replace('6.全面建设孵化平台', '6.全面建设孵化平台（完成时限：2022年9月底）')
      .replace(/\n\s*3\.培育高成长企业[^\n]*\n/, '\n')
      .replace(/22\.营造科技创新氛围[^\n]*\n/, '22.营造科技创新氛围。开展科技活动周。\n23.加强科普基地建设。新增市级科普基地2个。\n');
    expect(edited).not.toContain('培育高成长企业');
    const r = await load(store.db, edited, T1);

    const messages = r.changes.map((c) => c.message).join('\n');
    expect(messages).toContain('有效期高企 ≥140家 → 有效期高企 ≥150家');
    expect(messages).toMatch(/任务 6：.*2022-12-31 → 2022-09-30/);
    expect(messages).toContain('新增任务 23');
    expect(messages).toMatch(/任务 3 .*不在新版计划中/);

    const again = await store.db.task.findFirstOrThrow({
      where: { code: '1' },
      include: { targets: true, assignments: { include: { person: true } }, reports: { include: { values: true } } },
    });
    expect(again.id).toBe(t1.id);
    expect(again.targets[0]!.value).toBe(150);
    expect(again.targets[0]!.id).toBe(t1.targets[0]!.id);
    expect(again.assignments.map((a) => a.person.name)).toEqual(['张敏']);
    expect(again.reports.map((x) => x.id)).toEqual([report.id]);
    expect(again.reports[0]!.values[0]!.value).toBe(118);
    const t3 = await store.db.task.findFirstOrThrow({ where: { code: '3' } });
    expect(t3.removedAt).toEqual(T1);
    expect((await listTasks(store.db)).map((t) => t.code)).not.toContain('3');
    const audit = await store.db.auditEntry.findMany({ where: { taskId: t1.id } });
    expect(audit.map((a) => a.action)).toEqual(['task.reimported']);
    expect(JSON.parse(audit[0]!.before!).targets).toEqual(['有效期高企 ≥140家']);
  });
});
