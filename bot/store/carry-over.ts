/**
 * Carrying people over (承接责任人) from an earlier plan to a new one: which plan to carry from, the
 * tasks of both as the matcher (bot/domain/plan/carry-over.ts) reads them, and applying its result —
 * each carried task gets the old task's people through `assign` (audited one by one), the whole
 * carry-over one 'plan.carried' entry. The earlier plan is only read: it is neither archived nor changed.
 */
import { planCarryOver, titleKey, type CarryPlan, type CarryRole, type NewTask, type OldTask } from '../domain/plan/carry-over.js';
import type { ParsedPlan } from '../domain/plan/types.js';
import { audit } from './audit.js';
import { BULK_TRANSACTION, type Db, type Tx } from './db.js';
import { assign } from './people.js';

export interface CarrySource {
  id: number;
  title: string;
  year: number;
}

type Reader = Pick<Tx, 'plan' | 'task'>;

/**
 * The plan to carry from, for a plan (stored, or about to be: `exceptKey`) of this issuer and year: the
 * latest other plan of the same issuer; failing that, the latest plan in force; else the latest plan.
 * Plans of a later year come after those of the same or earlier years. Null when there is no other plan.
 */
export async function carrySource(db: Reader, o: { issuer: string | null; year: number; exceptId?: number; exceptKey?: string }): Promise<CarrySource | null> {
  const plans = await db.plan.findMany({ select: { id: true, key: true, title: true, issuer: true, year: true, archivedAt: true } });
  const others = plans
    .filter((p) => p.id !== o.exceptId && p.key !== o.exceptKey)
    .sort((a, b) => Number(a.year > o.year) - Number(b.year > o.year) || b.year - a.year || b.id - a.id);
  const issuer = o.issuer ? titleKey(o.issuer) : '';
  const pick =
    (issuer ? others.find((p) => p.issuer && titleKey(p.issuer) === issuer) : undefined) ??
    others.find((p) => !p.archivedAt) ??
    others[0];
  return pick ? { id: pick.id, title: pick.title, year: pick.year } : null;
}

/** The tasks of the earlier plan (those still in it) with their lead units and active people. */
export async function oldTasks(db: Reader, planId: number): Promise<OldTask[]> {
  const rows = await db.task.findMany({
    where: { planId, removedAt: null },
    orderBy: { position: 'asc' },
    select: {
      id: true, code: true, title: true,
      parties: { where: { role: 'lead' }, orderBy: { position: 'asc' }, select: { name: true } },
      assignments: { where: { active: true }, orderBy: [{ assignedAt: 'asc' }, { id: 'asc' }], select: { personId: true, role: true, person: { select: { name: true } } } },
    },
  });
  return rows.map((t) => ({
    id: t.id, code: t.code, title: t.title, leadUnits: t.parties.map((p) => p.name),
    people: t.assignments.map((a) => ({ personId: a.personId, name: a.person.name, role: a.role as CarryRole })),
  }));
}

/** The tasks of a stored plan, each with its id (to assign to) and whether it has anyone already. */
export async function newTasks(db: Reader, planId: number): Promise<(NewTask & { id: number })[]> {
  const rows = await db.task.findMany({
    where: { planId, removedAt: null },
    orderBy: { position: 'asc' },
    select: { id: true, code: true, title: true, parties: { where: { role: 'lead' }, orderBy: { position: 'asc' }, select: { name: true } }, _count: { select: { assignments: { where: { active: true } } } } },
  });
  return rows.map((t) => ({ id: t.id, code: t.code, title: t.title, leadUnits: t.parties.map((p) => p.name), staffed: t._count.assignments > 0 }));
}

/**
 * The tasks of a plan file not yet imported (a dry run): a task whose code the stored plan of the same key
 * already has counts as staffed when that one is.
 */
export function parsedTasks(parsed: ParsedPlan, stored: readonly NewTask[] = []): NewTask[] {
  const staffed = new Set(stored.filter((t) => t.staffed).map((t) => t.code));
  return parsed.tasks.map((t) => ({ code: t.code, title: t.title, leadUnits: t.leadUnits, staffed: staffed.has(t.code) }));
}

/** What carrying from `fromPlanId` to the stored plan `toPlanId` would do; changes nothing. */
export async function previewCarry(db: Reader, o: { fromPlanId: number; toPlanId: number }): Promise<CarryPlan> {
  return planCarryOver(await oldTasks(db, o.fromPlanId), await newTasks(db, o.toPlanId));
}

export interface CarryApplyInput {
  fromPlanId: number;
  toPlanId: number;
  by: string;
  now: Date;
  chatId?: string | null;
  messageId?: string | null;
  /** The confirmation this carries out (the 'carry.proposed' entry) and the click's event id, recorded with it. */
  proposalId?: number;
  click?: string;
}

/**
 * Carries the people over, matching afresh inside the transaction: a task given someone since the preview
 * is left as it is, and running it again carries nothing twice. Resolves to the plan it carried out and how
 * many roles it added.
 */
export async function applyCarry(db: Db, o: CarryApplyInput): Promise<{ plan: CarryPlan; added: number }> {
  return db.$transaction((tx) => applyInTx(tx, o), BULK_TRANSACTION);
}

export async function applyInTx(tx: Tx, o: CarryApplyInput): Promise<{ plan: CarryPlan; added: number }> {
  const targets = await newTasks(tx, o.toPlanId);
  const ids = new Map(targets.map((t) => [t.code, t.id]));
  const plan = planCarryOver(await oldTasks(tx, o.fromPlanId), targets);
  let added = 0;
  for (const m of plan.carry) {
    for (const p of m.from.people) {
      const a = { taskId: ids.get(m.to.code)!, personId: p.personId, role: p.role, by: o.by, now: o.now, chatId: o.chatId ?? null, messageId: o.messageId ?? null };
      if ((await assign(tx, a)) === 'added') added += 1;
    }
  }
  const from = await tx.plan.findUniqueOrThrow({ where: { id: o.fromPlanId }, select: { title: true } });
  await audit(tx, {
    actor: o.by, action: 'plan.carried', now: o.now, chatId: o.chatId ?? null, messageId: o.messageId ?? null,
    after: { fromPlanId: o.fromPlanId, toPlanId: o.toPlanId, from: from.title, tasks: plan.carry.length, count: added, ...(o.proposalId ? { proposalId: o.proposalId } : {}), ...(o.click ? { click: o.click } : {}) },
  });
  return { plan, added };
}
