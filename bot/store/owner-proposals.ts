/**
 * Owner proposals (issue #23) as stored: made from a plan's parties, the org chart and the units' 联络员,
 * pending until an admin confirms; a newer proposal supersedes a pending one. A row can be changed before
 * confirming; confirming writes every row as the owners file does (writeOwners), once, in the transaction that
 * moves the state pending → confirmed. Each step is audited.
 */
import { z } from 'zod';
import { proposalRows, proposeOwners, type PartyRole, type ProposalTask, type ProposedPerson } from '../domain/owners/propose.js';
import type { OrgChart } from '../domain/owners/org-chart.js';
import { PROPOSING_ROLES } from '../domain/owners/after-import.js';
import { audit } from './audit.js';
import { problemsMessage } from '../domain/owners/parse-owners.js';
import { BULK_TRANSACTION, type Db } from './db.js';
import { ownersProblems, OwnersRefused, writeOwners, type OwnersResult } from './import-owners.js';
import { unitContactMap } from './unit-contacts.js';

export type { ProposalTask };

export interface StoredProposal {
  id: number;
  planId: number;
  planTitle: string;
  state: 'pending' | 'confirmed' | 'superseded';
  tasks: ProposalTask[];
  decidedBy: string | null;
  decidedAt: Date | null;
}

const person = z.object({ openId: z.string(), name: z.string(), because: z.string() });
const taskSchema = z.object({
  code: z.string(), title: z.string(), section: z.string().nullable(), changed: z.boolean(),
  owners: z.array(person), collaborators: z.array(person), leaders: z.array(person),
  misses: z.array(z.object({ role: z.enum(['lead', 'collaborator', 'leader']), name: z.string(), reason: z.string() })),
});
const stateSchema = z.enum(['pending', 'confirmed', 'superseded']);

function sectionLabel(s: { ordinal: string; title: string } | null): string | null {
  if (!s) return null;
  return /^[一二三四五六七八九十百]+$/.test(s.ordinal) ? `${s.ordinal}、${s.title}` : `${s.ordinal}${s.title}`;
}

/** The plan's tasks in order with their parties, its issuer, and the units' contacts: what proposeOwners needs. */
export async function proposeForPlan(db: Db, planId: number, chart: OrgChart): Promise<{ planTitle: string; tasks: ProposalTask[] }> {
  const plan = await db.plan.findUniqueOrThrow({ where: { id: planId }, select: { title: true, issuer: true } });
  const tasks = await db.task.findMany({
    where: { planId, removedAt: null },
    orderBy: { position: 'asc' },
    select: { code: true, title: true, section: { select: { ordinal: true, title: true } }, parties: { orderBy: { position: 'asc' }, select: { role: true, name: true } } },
  });
  const proposals = proposeOwners({
    tasks: tasks.map((t) => ({ code: t.code, parties: t.parties.map((p) => ({ role: p.role as PartyRole, name: p.name })) })),
    chart, issuer: plan.issuer, contacts: await unitContactMap(db),
  });
  return { planTitle: plan.title, tasks: proposals.map((p, i) => ({ ...p, title: tasks[i]!.title, section: sectionLabel(tasks[i]!.section), changed: false })) };
}

/**
 * Whether an import goes on to propose owners: some task of the plan names a lead unit or a leader, and the plan
 * is new, or changed while nobody is assigned yet (a re-import of a plan with owners proposes nothing).
 */
export async function proposesAfterImport(db: Db, planId: number, imported: { created: boolean; changed: boolean }): Promise<boolean> {
  if (!imported.created && !imported.changed) return false;
  const named = await db.taskParty.count({ where: { role: { in: [...PROPOSING_ROLES] }, task: { planId, removedAt: null } } });
  if (!named) return false;
  return imported.created || (await db.assignment.count({ where: { active: true, task: { planId } } })) === 0;
}

/** Stores a new pending proposal for the plan, superseding a pending one (its id in `superseded`); audited. */
export async function saveProposal(db: Db, o: { planId: number; tasks: ProposalTask[]; by: string; now: Date; chatId?: string | null; messageId?: string | null }): Promise<{ id: number; superseded: number[] }> {
  return db.$transaction(async (tx) => {
    const older = await tx.ownerProposal.findMany({ where: { planId: o.planId, state: 'pending' }, select: { id: true } });
    await tx.ownerProposal.updateMany({ where: { id: { in: older.map((p) => p.id) }, state: 'pending' }, data: { state: 'superseded', updatedAt: o.now } });
    const row = await tx.ownerProposal.create({ data: { planId: o.planId, json: JSON.stringify(o.tasks), createdBy: o.by, createdAt: o.now, updatedAt: o.now }, select: { id: true } });
    const rows = proposalRows(o.tasks).length;
    const missed = o.tasks.reduce((n, t) => n + t.misses.length, 0);
    await audit(tx, { actor: o.by, action: 'proposal.made', now: o.now, chatId: o.chatId ?? null, messageId: o.messageId ?? null, after: { proposalId: row.id, planId: o.planId, tasks: o.tasks.length, rows, missed } });
    return { id: row.id, superseded: older.map((p) => p.id) };
  });
}

export async function findProposal(db: Db, id: number): Promise<StoredProposal | null> {
  const row = await db.ownerProposal.findUnique({ where: { id }, include: { plan: { select: { title: true } } } });
  if (!row) return null;
  return {
    id: row.id, planId: row.planId, planTitle: row.plan.title, state: stateSchema.parse(row.state),
    tasks: z.array(taskSchema).parse(JSON.parse(row.json)), decidedBy: row.decidedBy, decidedAt: row.decidedAt,
  };
}

/** The newest pending proposal of a plan (of any plan when planId is null). */
export async function pendingProposal(db: Db, planId: number | null): Promise<StoredProposal | null> {
  const row = await db.ownerProposal.findFirst({ where: { state: 'pending', ...(planId === null ? {} : { planId }) }, orderBy: { id: 'desc' }, select: { id: true } });
  return row ? findProposal(db, row.id) : null;
}

export type RowRole = 'owners' | 'collaborators' | 'leaders';

/** Replaces one task's people in one role of a pending proposal: 'not-pending' once confirmed or superseded, 'no-task' for a task it lacks. */
export async function changeProposalRow(db: Db, o: { id: number; code: string; role: RowRole; people: ProposedPerson[]; by: string; now: Date; chatId?: string | null; messageId?: string | null }): Promise<'changed' | 'not-pending' | 'no-task'> {
  return db.$transaction(async (tx) => {
    const row = await tx.ownerProposal.findUnique({ where: { id: o.id } });
    if (!row || row.state !== 'pending') return 'not-pending';
    const tasks = z.array(taskSchema).parse(JSON.parse(row.json));
    const task = tasks.find((t) => t.code === o.code);
    if (!task) return 'no-task';
    const before = task[o.role].map((p) => p.name);
    task[o.role] = o.people;
    task.changed = true;
    const done = await tx.ownerProposal.updateMany({ where: { id: o.id, state: 'pending', updatedAt: row.updatedAt }, data: { json: JSON.stringify(tasks), updatedAt: o.now } });
    if (done.count !== 1) return 'not-pending';
    await audit(tx, { actor: o.by, action: 'proposal.changed', now: o.now, chatId: o.chatId ?? null, messageId: o.messageId ?? null, before: { code: o.code, role: o.role, people: before }, after: { proposalId: o.id, code: o.code, role: o.role, people: o.people.map((p) => p.name) } });
    return 'changed';
  });
}

export type ConfirmResult = { kind: 'confirmed'; result: OwnersResult; proposal: StoredProposal } | { kind: 'not-pending'; proposal: StoredProposal | null };

/**
 * Applies a pending proposal, once: in one transaction the state moves pending → confirmed (a conditional
 * update; a second confirmation finds it confirmed) and the rows are written as importOwners writes them.
 * Rows the plan no longer has (a task removed since) throw OwnersRefused and change nothing.
 */
export async function confirmProposal(db: Db, o: { id: number; by: string; now: Date; chatId?: string | null; messageId?: string | null }): Promise<ConfirmResult> {
  const proposal = await findProposal(db, o.id);
  if (!proposal || proposal.state !== 'pending') return { kind: 'not-pending', proposal };
  const rows = proposalRows(proposal.tasks);
  const problems = await ownersProblems(db, { planId: proposal.planId, rows });
  if (problems.length) throw new OwnersRefused(problemsMessage(problems));
  const result = await db.$transaction(async (tx) => {
    const claimed = await tx.ownerProposal.updateMany({ where: { id: o.id, state: 'pending' }, data: { state: 'confirmed', decidedBy: o.by, decidedAt: o.now, updatedAt: o.now } });
    if (claimed.count !== 1) return null;
    const written = await writeOwners(tx, { planId: proposal.planId, rows, by: o.by, now: o.now });
    await audit(tx, { actor: o.by, action: 'proposal.confirmed', now: o.now, chatId: o.chatId ?? null, messageId: o.messageId ?? null, after: { proposalId: o.id, planId: proposal.planId, rows: rows.length, added: written.added } });
    return written;
  }, BULK_TRANSACTION);
  const after = await findProposal(db, o.id);
  return result ? { kind: 'confirmed', result, proposal: after! } : { kind: 'not-pending', proposal: after };
}
