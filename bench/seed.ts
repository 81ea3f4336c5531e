/**
 * A generated plan of any size in a store, with owners: what the benchmarks
 * sweep, send and digest. The import goes through the real importer; owners
 * are written in bulk (the owners-file path audits row by row, far too slow
 * for 30,000 roles and not what is measured).
 */
import { parsePlan } from '../bot/domain/plan/parse-plan.js';
import type { Db } from '../bot/store/db.js';
import { importPlan } from '../bot/store/import-plan.js';
import { generatePlan } from './generate-plan.js';

export interface SeededPlan {
  planId: number;
  /** Task ids in plan order. */
  taskIds: number[];
  /** Every person created, in order. */
  people: { id: number; openId: string }[];
  /** Owner person ids of each task, in the order of taskIds. */
  ownersOf: Map<number, number[]>;
}

export interface SeedOptions {
  tasks: number;
  /** Owners (责任人) per task. */
  owners: number;
  /** Tasks in a row that share their first owner (a 科室 owning a block of the plan). */
  block?: number;
  importedAt: Date;
  /** Write the parsed tasks with createMany instead of importing (no targets, parties or audit: enough for the sweep, minutes faster). */
  bulk?: boolean;
}

async function writeTasks(db: Db, parsed: ReturnType<typeof parsePlan>, t: Date): Promise<number> {
  const { plan } = parsed;
  const { id } = await db.plan.create({
    data: { key: `bench-${t.getTime()}`, title: plan.title, year: plan.year, periodEnd: plan.periodEnd, sourceText: '', sourceHash: '', importedAt: t, updatedAt: t },
  });
  const rows = parsed.tasks.map((k, position) => ({ planId: id, code: k.code, position, title: k.title, body: k.body, deadline: k.deadline, createdAt: t, updatedAt: t }));
  for (let i = 0; i < rows.length; i += 2000) await db.task.createMany({ data: rows.slice(i, i + 2000) });
  return id;
}

/**
 * Task i (0-based) gets as first owner the head of its block of `block` tasks,
 * and as further owners people of its own, so a plan of n tasks × k owners has
 * about n/block + n(k−1) people: heads get several nudges in a row, the rest one.
 */
export async function seedPlan(db: Db, o: SeedOptions): Promise<SeededPlan> {
  const text = generatePlan(o.tasks);
  const parsed = parsePlan({ kind: 'text', name: 'bench.txt', text });
  const planId = o.bulk ? await writeTasks(db, parsed, o.importedAt) : (await importPlan(db, { parsed, sourceName: 'bench.txt', sourceText: text, actor: 'bench', now: o.importedAt })).planId;
  const taskIds = (await db.task.findMany({ where: { planId }, orderBy: { position: 'asc' }, select: { id: true } })).map((t) => t.id);
  const block = o.block ?? 1;
  const openIds: string[] = [];
  const ownerKeys = taskIds.map((_, i) => {
    const keys = [`head${Math.floor(i / block)}`];
    for (let k = 1; k < o.owners; k++) keys.push(`t${i}o${k}`);
    return keys;
  });
  const seen = new Set<string>();
  for (const k of ownerKeys.flat()) if (!seen.has(k) && seen.add(k)) openIds.push(`ou_bench_${k}`);
  const t = o.importedAt;
  for (let i = 0; i < openIds.length; i += 5000) {
    await db.person.createMany({ data: openIds.slice(i, i + 5000).map((openId) => ({ name: `人员${openId.slice(9)}`, openId, createdAt: t, updatedAt: t })) });
  }
  const people = (await db.person.findMany({ where: { openId: { startsWith: 'ou_bench_' } }, select: { id: true, openId: true }, orderBy: { id: 'asc' } })) as SeededPlan['people'];
  const idOf = new Map(people.map((p) => [p.openId, p.id]));
  const ownersOf = new Map(taskIds.map((id, i) => [id, ownerKeys[i]!.map((k) => idOf.get(`ou_bench_${k}`)!)]));
  const rows = [...ownersOf].flatMap(([taskId, ids]) => ids.map((personId) => ({ taskId, personId, role: 'owner', assignedBy: 'bench', assignedAt: t })));
  for (let i = 0; i < rows.length; i += 5000) await db.assignment.createMany({ data: rows.slice(i, i + 5000) });
  return { planId, taskIds, people, ownersOf };
}
