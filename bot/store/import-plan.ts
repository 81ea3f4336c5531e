/**
 * Stores a parsed plan. Importing the same plan again (same issuer, title
 * and year) updates text, targets and deadlines in place: tasks keep their
 * ids, so owners, reports, nudges and history stay attached. Tasks that left
 * the plan are marked removed, never deleted.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ParsedPlan, ParsedTarget, ParsedTask } from '../domain/plan/types.js';
import { describeTarget } from '../domain/plan/describe.js';
import { partiesByRole } from '../domain/plan/units-table.js';
import { audit } from './audit.js';
import { describeMilestones, writeMilestones, type StoredMilestone } from './import-milestones.js';
import { BULK_TRANSACTION, type Db, type Tx } from './db.js';
import { Prisma } from './generated/client.js';

export interface ImportInput {
  parsed: ParsedPlan;
  sourceName: string;
  sourceText: string;
  actor: string;
  now: Date;
  /** The chat message that asked for the import (/import): its audit entry keeps the answer for a retried job. */
  messageId?: string | null;
  chatId?: string | null;
}

/** One human-readable change, in Chinese, for the importer's summary. */
export interface ImportChange {
  taskCode: string | null;
  message: string;
}

export interface ImportResult {
  planId: number;
  created: boolean;
  changes: ImportChange[];
  taskCount: number;
}

/** How many changes an import's answer lists (the rest are counted); its audit entry keeps as many. */
export const SHOWN_CHANGES = 40;

/** What an import's answer says: the result, or what a retried job finds in the import's audit entry. */
export interface ImportAnswer {
  planId: number;
  created: boolean;
  taskCount: number;
  changeCount: number;
  /** The first SHOWN_CHANGES changes' messages. */
  shown: string[];
}

export function answerOf(r: ImportResult): ImportAnswer {
  return { planId: r.planId, created: r.created, taskCount: r.taskCount, changeCount: r.changes.length, shown: r.changes.slice(0, SHOWN_CHANGES).map((c) => c.message) };
}

const doneSchema = z.object({ planId: z.number().int(), tasks: z.number().int(), changes: z.number().int(), shown: z.array(z.string()).default([]) });

/**
 * The import a chat message already made, as its answer: a job retried after the import was stored (a crash, or
 * Feishu failing the answer) answers as the first try would have, instead of "no change" to a plan it just stored.
 */
export async function importDoneFor(db: Db, messageId: string): Promise<ImportAnswer | null> {
  const row = await db.auditEntry.findFirst({ where: { messageId, action: { in: ['plan.imported', 'plan.reimported'] } }, orderBy: { id: 'desc' }, select: { action: true, after: true } });
  const done = row && doneSchema.safeParse(JSON.parse(row.after ?? '{}'));
  if (!row || !done?.success) return null;
  return { planId: done.data.planId, created: row.action === 'plan.imported', taskCount: done.data.tasks, changeCount: done.data.changes, shown: done.data.shown };
}

export function planKey(p: ParsedPlan['plan']): string {
  return [p.issuer ?? '', p.title, String(p.year)].map((s) => s.replace(/\s+/g, '')).join('|');
}

export async function importPlan(db: Db, input: ImportInput): Promise<ImportResult> {
  return db.$transaction((tx) => importInTx(tx, input), BULK_TRANSACTION);
}

async function importInTx(tx: Tx, { parsed, sourceName, sourceText, actor, now, messageId, chatId }: ImportInput): Promise<ImportResult> {
  const key = planKey(parsed.plan);
  const sourceHash = createHash('sha256').update(sourceText).digest('hex');
  const header = {
    title: parsed.plan.title,
    issuer: parsed.plan.issuer,
    year: parsed.plan.year,
    issuedOn: parsed.plan.issuedOn,
    periodStart: parsed.plan.periodStart,
    periodEnd: parsed.plan.periodEnd,
    sourceName,
    sourceText,
    sourceHash,
    updatedAt: now,
  };
  const existing = await tx.plan.findUnique({ where: { key } });
  const plan = existing
    ? await tx.plan.update({ where: { id: existing.id }, data: header })
    : await tx.plan.create({ data: { key, ...header, importedAt: now } });
  const changes: ImportChange[] = [];
  if (existing && existing.periodEnd !== parsed.plan.periodEnd) {
    changes.push({ taskCode: null, message: `计划期末：${existing.periodEnd} → ${parsed.plan.periodEnd}` });
  }

  const sectionIds = await syncSections(tx, plan.id, parsed);
  const old = await tx.task.findMany({ where: { planId: plan.id }, include: { targets: true, parties: true, milestones: true } });
  const byCode = new Map(old.map((t) => [t.code, t]));
  const seen = new Set<string>();
  const fresh: { task: ParsedTask; fields: TaskFields }[] = [];

  for (const [position, read] of parsed.tasks.entries()) {
    let task = read;
    seen.add(task.code);
    const fields: TaskFields = {
      sectionId: task.section ? sectionIds.get(task.section) ?? null : null,
      number: task.number,
      position,
      title: task.title,
      body: task.body,
      deadline: task.deadline,
      plannedDeadline: task.deadline,
      startDate: task.startDate ?? null,
      deadlineText: task.deadlineText,
    };
    const prev = byCode.get(task.code);
    // An approved extension stays: the plan's new deadline is recorded as planned, the extended one kept.
    if (prev && prev.plannedDeadline !== null && prev.deadline !== prev.plannedDeadline) fields.deadline = prev.deadline;
    if (!prev) {
      fresh.push({ task, fields });
      continue;
    }
    // Only what changed is written: re-importing an unchanged plan of thousands of tasks writes nothing per task.
    if (prev.removedAt || (Object.keys(fields) as (keyof TaskFields)[]).some((k) => prev[k] !== fields[k])) {
      await tx.task.update({ where: { id: prev.id }, data: { ...fields, removedAt: null, updatedAt: now } });
    }
    await writeTargets(tx, prev.id, task.targets, prev.targets, now);
    task = keepParties(task, prev.parties);
    await writeParties(tx, prev.id, task, prev.parties);
    await writeMilestones(tx, prev.id, task.milestones, prev.milestones);
    const diffs = describeTaskDiff(prev, task);
    if (prev.removedAt) diffs.unshift('重新出现在计划中');
    if (diffs.length) {
      for (const d of diffs) changes.push({ taskCode: task.code, message: `任务 ${task.code}：${d}` });
      await audit(tx, { actor, now, taskId: prev.id, action: 'task.reimported', before: summaryOfStored(prev), after: summary(task) });
    }
  }
  const created = await createTasks(tx, plan.id, fresh, now);
  if (existing) {
    for (const { task } of fresh) {
      changes.push({ taskCode: task.code, message: `新增任务 ${task.code} ${task.title}` });
      await audit(tx, { actor, now, taskId: created.get(task.code)!, action: 'task.added', after: summary(task) });
    }
  }

  for (const t of old) {
    if (seen.has(t.code) || t.removedAt) continue;
    await tx.task.update({ where: { id: t.id }, data: { removedAt: now, updatedAt: now } });
    changes.push({ taskCode: t.code, message: `任务 ${t.code} ${t.title} 已不在新版计划中（保留其责任人和进展记录）` });
    await audit(tx, { actor, now, taskId: t.id, action: 'task.removed', before: summaryOfStored(t) });
  }
  await tx.section.deleteMany({ where: { planId: plan.id, ordinal: { notIn: parsed.sections.map((s) => s.ordinal) } } });
  await audit(tx, {
    actor,
    now,
    taskId: null,
    action: existing ? 'plan.reimported' : 'plan.imported',
    chatId: chatId ?? null,
    messageId: messageId ?? null,
    after: {
      planId: plan.id, title: plan.title, sourceName, sourceHash, tasks: parsed.tasks.length, changes: changes.length,
      shown: changes.slice(0, SHOWN_CHANGES).map((c) => c.message),
    },
  });
  return { planId: plan.id, created: !existing, changes, taskCount: parsed.tasks.length };
}

async function syncSections(tx: Tx, planId: number, parsed: ParsedPlan): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const [position, s] of parsed.sections.entries()) {
    const row = await tx.section.upsert({
      where: { planId_ordinal: { planId, ordinal: s.ordinal } },
      create: { planId, ordinal: s.ordinal, title: s.title, position, parentOrdinal: s.parent },
      update: { title: s.title, position, parentOrdinal: s.parent },
    });
    ids.set(s.ordinal, row.id);
  }
  return ids;
}

type StoredTarget = { id: number; position: number; value: number; unit: string; label: string; comparator: string; kind: string; text: string; baseline: number | null; removedAt: Date | null };
type TaskFields = {
  sectionId: number | null; number: number | null; position: number; title: string; body: string;
  deadline: string; plannedDeadline: string; startDate: string | null; deadlineText: string | null;
};

/** Rows per statement: well under SQLite's and PostgreSQL's bind-parameter limits. */
const BATCH = 500;

async function inBatches<T>(rows: T[], size: number, write: (slice: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

/**
 * New tasks with their targets and parties: plain INSERTs of many rows (not one per row, nor Prisma's
 * createMany, whose per-row mapping made a 6,000-task plan a 5-second write lock); code → id.
 */
async function createTasks(tx: Tx, planId: number, fresh: { task: ParsedTask; fields: TaskFields }[], now: Date): Promise<Map<string, number>> {
  const taskColumns = ['planId', 'code', 'sectionId', 'number', 'position', 'title', 'body', 'deadline', 'plannedDeadline', 'startDate', 'deadlineText', 'status', 'cadence', 'createdAt', 'updatedAt'];
  const created = await insertRows(tx, 'Task', taskColumns, fresh.map(({ task, fields: f }) => [
    planId, task.code, f.sectionId, f.number, f.position, f.title, f.body, f.deadline, f.plannedDeadline, f.startDate, f.deadlineText, 'active', 'weekly', now, now,
  ]), ['id', 'code']);
  const ids = new Map<string, number>(created.map((r) => [String(r.code), Number(r.id)]));
  const targets = fresh.flatMap(({ task }) => task.targets.map((t, position) => {
    const d = targetData(t);
    return [ids.get(task.code)!, position, d.label, d.value, d.unit, d.comparator, d.kind, d.text, d.baseline];
  }));
  await insertRows(tx, 'Target', ['taskId', 'position', 'label', 'value', 'unit', 'comparator', 'kind', 'text', 'baseline'], targets);
  const parties = fresh.flatMap(({ task }) => partyRows(task).map((p) => [ids.get(task.code)!, p.role, p.name, p.position]));
  await insertRows(tx, 'TaskParty', ['taskId', 'role', 'name', 'position'], parties);
  const milestones = fresh.flatMap(({ task }) => task.milestones.map((m, position) => [ids.get(task.code)!, position, m.due, m.text]));
  await insertRows(tx, 'Milestone', ['taskId', 'position', 'due', 'text'], milestones);
  return ids;
}

type SqlValue = string | number | null | Date;
type Returned = Record<string, unknown>;

/**
 * Plain INSERTs of many rows (identifiers are ours, values bound); with `returning`, the named columns
 * of the new rows (in no particular order). PostgreSQL: multi-row VALUES, 500 rows a statement.
 * SQLite: the rows as one JSON parameter read by json_each, 2,000 rows a statement — binding each
 * value through Prisma cost ~50 µs per row, most of a 6,000-task import's store step
 * (bench/import.ts); a column holding the same Date in every row (createdAt) is bound once, as Prisma binds it.
 */
async function insertRows(tx: Tx, table: string, columns: string[], rows: SqlValue[][], returning: string[] = []): Promise<Returned[]> {
  const head = Prisma.raw(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) `);
  const tail = Prisma.raw(returning.length ? ` RETURNING ${returning.map((c) => `"${c}"`).join(', ')}` : '');
  const out: Returned[] = [];
  const write = async (statement: Prisma.Sql) => {
    if (returning.length) out.push(...(await tx.$queryRaw<Returned[]>(statement)));
    else await tx.$executeRaw(statement);
  };
  if (!isSqlite(tx)) {
    await inBatches(rows, BATCH, (slice) => write(Prisma.sql`${head}VALUES ${Prisma.join(slice.map((r) => Prisma.sql`(${Prisma.join(r)})`))}${tail}`));
    return out;
  }
  const first = rows[0];
  if (!first) return out;
  // A column whose every value is the same Date is bound once; other Dates are written as the adapter writes them.
  const shared = columns.map((_, c) => first[c] instanceof Date && rows.every((r) => r[c] === first[c]));
  const picks = columns.map((_, c) => (shared[c] ? Prisma.sql`${first[c]}` : Prisma.raw(`json_extract(value, '$[${c}]')`)));
  await inBatches(rows, JSON_BATCH, (slice) => {
    const json = JSON.stringify(slice.map((r) => r.map((v, c) => (shared[c] ? null : v instanceof Date ? v.toISOString().replace('Z', '+00:00') : v))));
    return write(Prisma.sql`${head}SELECT ${Prisma.join(picks)} FROM json_each(${json}) ORDER BY key${tail}`);
  });
  return out;
}

/** Rows per statement when they go as one JSON parameter (SQLite). */
const JSON_BATCH = 2000;

/** Whether the transaction runs on SQLite (Prisma's own provider name; anything else takes the portable path). */
function isSqlite(tx: Tx): boolean {
  return (tx as unknown as { _activeProvider?: string })._activeProvider === 'sqlite';
}

const targetData = (t: ParsedTarget) => ({ label: t.label, value: t.value, unit: t.unit, comparator: t.comparator, kind: t.kind, text: t.text, baseline: t.baseline ?? null });

/** Targets are matched by position; only changed ones are written; ones that disappeared are marked removed (reports may point at them). */
async function writeTargets(tx: Tx, taskId: number, targets: ParsedTarget[], prev: StoredTarget[], now: Date): Promise<void> {
  for (const [position, t] of targets.entries()) {
    const data = { ...targetData(t), removedAt: null };
    const stored = prev.find((p) => p.position === position);
    if (stored && !stored.removedAt && (Object.keys(targetData(t)) as (keyof ReturnType<typeof targetData>)[]).every((k) => stored[k] === data[k])) continue;
    await tx.target.upsert({
      where: { taskId_position: { taskId, position } },
      create: { taskId, position, ...data },
      update: data,
    });
  }
  const gone = prev.filter((p) => p.position >= targets.length && !p.removedAt).map((p) => p.id);
  if (gone.length) await tx.target.updateMany({ where: { id: { in: gone } }, data: { removedAt: now } });
}

/**
 * A re-imported task keeps, role by role, the lead units, collaborators and leaders stored for it when the new
 * text names none of that role: they may have come from a units table (任务分解表) imported with an earlier text,
 * and a plan text re-imported alone must not lose them. A role the new text names is taken from it whole.
 */
function keepParties(task: ParsedTask, stored: { role: string; name: string; position: number }[]): ParsedTask {
  const named = (role: string) => stored.filter((p) => p.role === role).sort((a, b) => a.position - b.position).map((p) => p.name);
  return { ...task, ...partiesByRole(task, { leadUnits: named('lead'), collaborators: named('collaborator'), leaders: named('leader') }) };
}

/** Lead units, collaborators and leaders in order, each (role, name) once. */
function partyRows(task: ParsedTask): { role: string; name: string; position: number }[] {
  const rows = [
    ...task.leadUnits.map((name) => ({ role: 'lead', name })),
    ...task.collaborators.map((name) => ({ role: 'collaborator', name })),
    ...task.leaders.map((name) => ({ role: 'leader', name })),
  ];
  const seen = new Set<string>();
  return rows.flatMap((r, position) => (seen.has(`${r.role}|${r.name}`) ? [] : (seen.add(`${r.role}|${r.name}`), [{ ...r, position }])));
}

async function writeParties(tx: Tx, taskId: number, task: ParsedTask, prev: { role: string; name: string; position: number }[]): Promise<void> {
  const rows = partyRows(task);
  const key = (xs: { role: string; name: string; position: number }[]) => xs.map((x) => `${x.position}|${x.role}|${x.name}`).sort().join('\n');
  if (key(rows) === key(prev)) return;
  await tx.taskParty.deleteMany({ where: { taskId } });
  await tx.taskParty.createMany({ data: rows.map((r) => ({ taskId, ...r })) });
}

type StoredTask = {
  title: string;
  body: string;
  deadline: string;
  plannedDeadline: string | null;
  targets: StoredTarget[];
  parties: { role: string; name: string }[];
  milestones: StoredMilestone[];
};

function describeTaskDiff(prev: StoredTask, next: ParsedTask): string[] {
  const out: string[] = [];
  if (prev.title !== next.title) out.push(`标题「${prev.title}」→「${next.title}」`);
  else if (prev.body !== next.body) out.push('任务内容有修改');
  const planned = prev.plannedDeadline ?? prev.deadline;
  if (planned !== next.deadline) out.push(`完成时限 ${planned} → ${next.deadline}`);
  const live = prev.targets.filter((t) => !t.removedAt).sort((a, b) => a.position - b.position);
  const before = live.map(describeTarget).join('、') || '无';
  const after = next.targets.map(describeTarget).join('、') || '无';
  if (before !== after) out.push(`指标 ${before} → ${after}`);
  const wasSteps = describeMilestones([...prev.milestones].sort((a, b) => a.position - b.position));
  const steps = describeMilestones(next.milestones);
  if (wasSteps !== steps) out.push(`时间节点 ${wasSteps} → ${steps}`);
  const parties = (p: { role: string; name: string }[]) => p.map((x) => `${x.role}:${x.name}`).sort().join(',');
  const nextParties = [
    ...next.leadUnits.map((name) => ({ role: 'lead', name })),
    ...next.collaborators.map((name) => ({ role: 'collaborator', name })),
    ...next.leaders.map((name) => ({ role: 'leader', name })),
  ];
  if (parties(prev.parties) !== parties(nextParties)) out.push('牵头/配合单位或责任领导有变化');
  return out;
}

function summary(t: ParsedTask) {
  return { title: t.title, deadline: t.deadline, targets: t.targets.map(describeTarget), leadUnits: t.leadUnits, collaborators: t.collaborators, leaders: t.leaders };
}

function summaryOfStored(t: StoredTask) {
  return {
    title: t.title,
    deadline: t.deadline,
    targets: t.targets.filter((x) => !x.removedAt).map(describeTarget),
    parties: t.parties.map((p) => `${p.role}:${p.name}`),
  };
}
