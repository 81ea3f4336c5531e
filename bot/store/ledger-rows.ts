/**
 * What the ledger's (台账) history sheets read: the plan and its sections; every report of the
 * plan (revoked ones too); the audit trail of the plan; the names of the people who appear as
 * actors. Read-only. (The task sheet renders loadTaskStates: bot/store/task-states.ts.)
 */
import { inChunks } from './chunks.js';
import type { Db } from './db.js';
import { openIdsIn } from '../domain/audit-words.js';

export async function loadLedgerRows(db: Db, planId: number) {
  const plan = await db.plan.findUnique({
    where: { id: planId },
    select: { id: true, title: true, sections: { orderBy: { position: 'asc' } } },
  });
  if (!plan) throw new Error(`loadLedgerRows: no plan with id ${planId}`);

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

  // Who acted, and whom the entries name (a requester, the people buzzed): by name in the sheet.
  const actors = [...new Set(audit.flatMap((e) => [e.actor, ...openIdsIn(e.before), ...openIdsIn(e.after)]))];
  const people = await inChunks(actors, (slice) => db.person.findMany({ where: { openId: { in: slice } }, select: { openId: true, name: true } }));
  const actorNames = new Map(people.flatMap((p) => (p.openId ? [[p.openId, p.name] as const] : [])));

  return { plan, reports, audit, actorNames };
}

export type LedgerRows = Awaited<ReturnType<typeof loadLedgerRows>>;
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
