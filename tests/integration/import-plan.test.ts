import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parsePlan } from '../../bot/domain/plan/parse-plan.js';
import { mergeUnits } from '../../bot/domain/plan/units-table.js';
import { readUnitsFile } from '../../bot/plan-files/read-units-file.js';
import { importPlan } from '../../bot/store/import-plan.js';
import { listTasks } from '../../bot/store/list-tasks.js';
import type { Db } from '../../bot/store/db.js';
import type { ParsedPlan, ParsedTask } from '../../bot/domain/plan/types.js';
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
  it('a fresh plan of 2,100 tasks is stored field by field as parsed, across the bulk statements', async () => {
    // More rows than one bulk statement takes; text that JSON and SQL must carry unchanged.
    const odd = '引号"\'反斜杠\\ 换行\n制表\t😀 $[0] NULL';
    const task = (i: number): ParsedTask => ({
      code: String(i + 1),
      number: i % 7 === 0 ? null : i + 1,
      section: i % 2 ? 'A' : null,
      title: `任务${i + 1}${i % 100 === 0 ? odd : ''}`,
      body: i % 3 ? `正文${i}：新增企业${i}家。${odd}` : '',
      targets: Array.from({ length: i % 3 }, (_, k) => ({
        value: k ? i + 0.25 : i, unit: '家', comparator: k ? 'at_most' : 'at_least', label: `指标${k}${odd}`, text: `新增${i}家`, kind: 'cumulative',
        ...(k ? { baseline: i / 2 } : {}),
      })),
      leadUnits: [`第${(i % 6) + 1}科室`],
      collaborators: i % 2 ? ['区财政局', `区税务局${i}`] : [],
      leaders: i % 5 ? [] : ['张三'],
      deadline: `2022-${String((i % 12) + 1).padStart(2, '0')}-28`,
      deadlineText: i % 4 ? `${(i % 12) + 1}月底` : null,
      startDate: i % 9 ? null : '2022-02-01',
      milestones: i % 11 ? [] : [{ due: '2022-05-31', text: `5月底前${odd}` }],
    });
    const parsed: ParsedPlan = {
      plan: { title: '大表', issuer: '某局', year: 2022, issuedOn: null, periodStart: '2022-01-01', periodEnd: '2022-12-31' },
      sections: [{ ordinal: 'A', title: '第一部分', parent: null }],
      tasks: Array.from({ length: 2100 }, (_, i) => task(i)),
      warnings: [],
    };
    const r = await importPlan(store.db, { parsed, sourceName: 'big.csv', sourceText: 'x', actor: 'cli', now: T0 });
    expect(r.taskCount).toBe(2100);
    // Read table by table (one nested read of 2,100 tasks would pass too many parameters).
    const byTask = <T extends { taskId: number; position: number }>(rows: T[]) => (id: number) => rows.filter((x) => x.taskId === id).sort((a, b) => a.position - b.position);
    const [tasks, targets, parties, milestones] = await Promise.all([
      store.db.task.findMany({ orderBy: { position: 'asc' }, include: { section: true } }),
      store.db.target.findMany().then(byTask),
      store.db.taskParty.findMany().then(byTask),
      store.db.milestone.findMany().then(byTask),
    ]);
    const stored = tasks.map((t) => ({ ...t, targets: targets(t.id), parties: parties(t.id), milestones: milestones(t.id) }));
    expect(stored.map((t) => ({
      code: t.code, number: t.number, section: t.section?.ordinal ?? null, title: t.title, body: t.body,
      targets: t.targets.map((g) => ({ value: g.value, unit: g.unit, comparator: g.comparator, label: g.label, text: g.text, kind: g.kind, ...(g.baseline !== null ? { baseline: g.baseline } : {}) })),
      leadUnits: t.parties.filter((p) => p.role === 'lead').map((p) => p.name),
      collaborators: t.parties.filter((p) => p.role === 'collaborator').map((p) => p.name),
      leaders: t.parties.filter((p) => p.role === 'leader').map((p) => p.name),
      deadline: t.deadline, deadlineText: t.deadlineText, startDate: t.startDate,
      milestones: t.milestones.map((m) => ({ due: m.due, text: m.text })),
    }))).toEqual(parsed.tasks);
    expect(stored.every((t) => t.createdAt.getTime() === T0.getTime() && t.updatedAt.getTime() === T0.getTime() && t.status === 'active' && t.plannedDeadline === t.deadline)).toBe(true);
  });

  it('a plan text re-imported without its units table keeps, role by role, the units and leaders the table gave', async () => {
    const parsed = parsePlan({ kind: 'text', name: 'plan.txt', text: SEED });
    const units = await readUnitsFile(new URL('../../plans/qijiang-2022-units.csv', import.meta.url).pathname);
    await importPlan(store.db, { parsed: mergeUnits(parsed, units), sourceName: 'plan.txt', sourceText: SEED, actor: 'cli', now: T0 });
    const parties = async () =>
      (await store.db.taskParty.findMany({ include: { task: { select: { code: true } } }, orderBy: [{ taskId: 'asc' }, { position: 'asc' }] }))
        .map((p) => `${p.task.code} ${p.role} ${p.name}`);
    const withTable = await parties();
    expect(withTable).toContain('1 lead 高新科');
    expect(withTable).toContain('1 leader 何建国');
    // Task 7 names its collaborators in the text (区经信、税务、财政); the table gives its lead unit and leader.
    expect(withTable.filter((p) => p.startsWith('7 '))).toEqual(expect.arrayContaining(['7 lead 计划科', '7 collaborator 区经信']));

    const again = await load(store.db, SEED, T1);
    expect(again.changes).toEqual([]);
    expect(await parties()).toEqual(withTable);

    // A text that names task 1's lead unit itself replaces that role, and only that role.
    const edited = SEED.replace('1.培育高新技术企业。', '1.培育高新技术企业（牵头单位：政策法规科）。');
    const r = await load(store.db, edited, T1);
    expect(r.changes.map((c) => c.message)).toContain('任务 1：牵头/配合单位或责任领导有变化');
    const now = await parties();
    expect(now.filter((p) => p.startsWith('1 '))).toEqual(['1 lead 政策法规科', '1 leader 何建国']);
  });

});
