/**
 * Stores a parsed plan. Importing the same plan again (same issuer, title
 * and year) updates text, targets and deadlines in place: tasks keep their
 * ids, so owners, reports, nudges and history stay attached. Tasks that left
 * the plan are marked removed, never deleted.
 */
import { createHash } from 'node:crypto';
import type { ParsedPlan, ParsedTarget, ParsedTask } from '../domain/plan/types.js';
import { describeTarget } from '../domain/plan/describe.js';
import { audit } from './audit.js';
import { BULK_TRANSACTION, type Db, type Tx } from './db.js';

export interface ImportInput {
  parsed: ParsedPlan;
  sourceName: string;
  sourceText: string;
  actor: string;
  now: Date;
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

export function planKey(p: ParsedPlan['plan']): string {
  return [p.issuer ?? '', p.title, String(p.year)].map((s) => s.replace(/\s+/g, '')).join('|');
}

export async function importPlan(db: Db, input: ImportInput): Promise<ImportResult> {
  return db.$transaction((tx) => importInTx(tx, input), BULK_TRANSACTION);
}

async function importInTx(tx: Tx, { parsed, sourceName, sourceText, actor, now }: ImportInput): Promise<ImportResult> {
  const key = planKey(parsed.plan);
  const sourceHash = createHash('sha256').update(sourceText).digest('hex');
  const header = {
    title: parsed.plan.title,
    issuer: parsed.plan.issuer,
    year: parsed.plan.year,
    issuedOn: parsed.plan.issuedOn,
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
  const old = await tx.task.findMany({ where: { planId: plan.id }, include: { targets: true, parties: true } });
  const byCode = new Map(old.map((t) => [t.code, t]));
  const seen = new Set<string>();

  for (const [position, task] of parsed.tasks.entries()) {
    seen.add(task.code);
    const sectionId = task.section ? sectionIds.get(task.section) ?? null : null;
    const prev = byCode.get(task.code);
    const fields = {
      sectionId,
      number: task.number,
      position,
      title: task.title,
      body: task.body,
      deadline: task.deadline,
      deadlineText: task.deadlineText,
      updatedAt: now,
    };
    if (!prev) {
      const created = await tx.task.create({ data: { planId: plan.id, code: task.code, ...fields, createdAt: now } });
      await writeTargets(tx, created.id, task.targets, [], now);
      await writeParties(tx, created.id, task);
      if (existing) {
        changes.push({ taskCode: task.code, message: `新增任务 ${task.code} ${task.title}` });
        await audit(tx, { actor, now, taskId: created.id, action: 'task.added', after: summary(task) });
      }
      continue;
    }
    const diffs = describeTaskDiff(prev, task);
    await tx.task.update({ where: { id: prev.id }, data: { ...fields, removedAt: null } });
    await writeTargets(tx, prev.id, task.targets, prev.targets, now);
    await writeParties(tx, prev.id, task);
    if (prev.removedAt) diffs.unshift('重新出现在计划中');
    if (diffs.length) {
      for (const d of diffs) changes.push({ taskCode: task.code, message: `任务 ${task.code}：${d}` });
      await audit(tx, { actor, now, taskId: prev.id, action: 'task.reimported', before: summaryOfStored(prev), after: summary(task) });
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
    after: { planId: plan.id, title: plan.title, sourceName, sourceHash, tasks: parsed.tasks.length, changes: changes.length },
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

type StoredTarget = { id: number; position: number; value: number; unit: string; label: string; removedAt: Date | null };

/** Targets are matched by position; ones that disappeared are marked removed (reports may point at them). */
async function writeTargets(tx: Tx, taskId: number, targets: ParsedTarget[], prev: StoredTarget[], now: Date): Promise<void> {
  for (const [position, t] of targets.entries()) {
    const data = { label: t.label, value: t.value, unit: t.unit, comparator: t.comparator, kind: t.kind, text: t.text, removedAt: null };
    await tx.target.upsert({
      where: { taskId_position: { taskId, position } },
      create: { taskId, position, ...data },
      update: data,
    });
  }
  const gone = prev.filter((p) => p.position >= targets.length && !p.removedAt).map((p) => p.id);
  if (gone.length) await tx.target.updateMany({ where: { id: { in: gone } }, data: { removedAt: now } });
}

async function writeParties(tx: Tx, taskId: number, task: ParsedTask): Promise<void> {
  await tx.taskParty.deleteMany({ where: { taskId } });
  const rows = [
    ...task.leadUnits.map((name) => ({ role: 'lead', name })),
    ...task.collaborators.map((name) => ({ role: 'collaborator', name })),
    ...task.leaders.map((name) => ({ role: 'leader', name })),
  ];
  const seen = new Set<string>();
  for (const [position, r] of rows.entries()) {
    if (seen.has(r.role + r.name)) continue;
    seen.add(r.role + r.name);
    await tx.taskParty.create({ data: { taskId, position, ...r } });
  }
}

type StoredTask = {
  title: string;
  body: string;
  deadline: string;
  targets: StoredTarget[];
  parties: { role: string; name: string }[];
};

function describeTaskDiff(prev: StoredTask, next: ParsedTask): string[] {
  const out: string[] = [];
  if (prev.title !== next.title) out.push(`标题「${prev.title}」→「${next.title}」`);
  else if (prev.body !== next.body) out.push('任务内容有修改');
  if (prev.deadline !== next.deadline) out.push(`完成时限 ${prev.deadline} → ${next.deadline}`);
  const live = prev.targets.filter((t) => !t.removedAt).sort((a, b) => a.position - b.position);
  const before = live.map(describeTarget).join('、') || '无';
  const after = next.targets.map(describeTarget).join('、') || '无';
  if (before !== after) out.push(`指标 ${before} → ${after}`);
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
