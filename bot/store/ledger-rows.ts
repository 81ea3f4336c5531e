/**
 * What the ledger (台账) export reads: one plan's tasks with their targets, parties and
 * active assignments; every report of the plan (revoked ones too); the audit trail of the
 * plan; the names of the people who appear as actors. Read-only.
 */
import { inChunks } from './chunks.js';
import type { Db } from './db.js';

export async function loadLedgerRows(db: Db, planId: number) {
  const plan = await db.plan.findUnique({
    where: { id: planId },
    select: { id: true, title: true, year: true, periodEnd: true, sections: { orderBy: { position: 'asc' } } },
  });
  if (!plan) throw new Error(`loadLedgerRows: no plan with id ${planId}`);

  const taskIds = (await db.task.findMany({ where: { planId, removedAt: null, status: { not: 'removed' } }, orderBy: { position: 'asc' }, select: { id: true } })).map((t) => t.id);
  const tasks = await inChunks(taskIds, (slice) => db.task.findMany({
    where: { id: { in: slice } },
    orderBy: { position: 'asc' },
    include: {
      section: { select: { ordinal: true, title: true, parentOrdinal: true } },
      targets: { where: { removedAt: null }, orderBy: { position: 'asc' } },
      parties: { orderBy: { position: 'asc' } },
      assignments: { where: { active: true }, orderBy: [{ assignedAt: 'asc' }, { id: 'asc' }], include: { person: { select: { name: true } } } },
    },
  }));

  // Newest first; removed tasks' reports stay in the history.
  const reportIds = (await db.report.findMany({ where: { task: { planId } }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], select: { id: true } })).map((r) => r.id);
  const reports = await inChunks(reportIds, (slice) => db.report.findMany({
    where: { id: { in: slice } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    include: {
      task: { select: { code: true, title: true } },
      person: { select: { name: true } },
      values: { orderBy: { id: 'asc' }, include: { target: { select: { label: true, position: true } } } },
    },
  }));

  // Entries about this plan's tasks, plus task-less ones (plan import, owners file, leave…)
  // unless their JSON names another plan.
  const entries = await db.auditEntry.findMany({
    where: { OR: [{ task: { planId } }, { taskId: null }] },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    include: { task: { select: { code: true, title: true, removedAt: true } } },
  });
  const audit = entries.filter((e) => e.taskId !== null || !(namesOtherPlan(e.after, planId) || namesOtherPlan(e.before, planId)));

  const actors = [...new Set(audit.map((e) => e.actor))];
  const people = await inChunks(actors, (slice) => db.person.findMany({ where: { openId: { in: slice } }, select: { openId: true, name: true } }));
  const actorNames = new Map(people.flatMap((p) => (p.openId ? [[p.openId, p.name] as const] : [])));

  return { plan, tasks, reports, audit, actorNames };
}

export type LedgerRows = Awaited<ReturnType<typeof loadLedgerRows>>;
export type LedgerTask = LedgerRows['tasks'][number];
export type LedgerReport = LedgerRows['reports'][number];
export type LedgerAuditEntry = LedgerRows['audit'][number];

function namesOtherPlan(json: string | null, planId: number): boolean {
  if (!json) return false;
  try {
    const v: unknown = JSON.parse(json);
    return typeof v === 'object' && v !== null && 'planId' in v && typeof v.planId === 'number' && v.planId !== planId;
  } catch {
    return false;
  }
}
