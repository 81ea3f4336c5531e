/** People (Feishu users), their roles on tasks, and their leave. */
import type { Role } from '../domain/owners/parse-owners.js';
import { audit } from './audit.js';
import type { Db, Tx } from './db.js';

export interface PersonInput {
  openId: string | null;
  name: string;
  email?: string | null;
  mobile?: string | null;
  department?: string | null;
}

/** Finds a person by open_id, then email, then mobile; creates one when none matches. */
export async function upsertPerson(tx: Tx, p: PersonInput, now: Date) {
  const existing =
    (p.openId && (await tx.person.findUnique({ where: { openId: p.openId } }))) ||
    (p.email && (await tx.person.findFirst({ where: { email: p.email } }))) ||
    (p.mobile && (await tx.person.findFirst({ where: { mobile: p.mobile } }))) ||
    null;
  const data = {
    name: p.name,
    ...(p.openId ? { openId: p.openId } : {}),
    ...(p.email ? { email: p.email } : {}),
    ...(p.mobile ? { mobile: p.mobile } : {}),
    ...(p.department ? { department: p.department } : {}),
    updatedAt: now,
  };
  if (existing) return tx.person.update({ where: { id: existing.id }, data });
  return tx.person.create({ data: { ...data, createdAt: now } });
}

export interface AssignInput {
  taskId: number;
  personId: number;
  role: Role;
  by: string;
  now: Date;
  chatId?: string | null;
  messageId?: string | null;
}

/** Gives a person a role on a task; a no-op when they already have it. */
export async function assign(tx: Tx, a: AssignInput): Promise<'added' | 'exists'> {
  const active = await tx.assignment.findFirst({ where: { taskId: a.taskId, personId: a.personId, role: a.role, active: true } });
  if (active) return 'exists';
  await tx.assignment.create({ data: { taskId: a.taskId, personId: a.personId, role: a.role, assignedBy: a.by, assignedAt: a.now } });
  await audit(tx, {
    actor: a.by, action: 'assignment.added', now: a.now, taskId: a.taskId,
    after: { personId: a.personId, role: a.role }, chatId: a.chatId, messageId: a.messageId,
  });
  return 'added';
}

/** Ends a person's role on a task (kept as history); false when they did not have it. */
export async function unassign(tx: Tx, a: AssignInput): Promise<boolean> {
  const active = await tx.assignment.findMany({ where: { taskId: a.taskId, personId: a.personId, role: a.role, active: true } });
  if (!active.length) return false;
  await tx.assignment.updateMany({ where: { id: { in: active.map((x) => x.id) } }, data: { active: false, endedAt: a.now, endedBy: a.by } });
  await audit(tx, {
    actor: a.by, action: 'assignment.ended', now: a.now, taskId: a.taskId,
    before: { personId: a.personId, role: a.role }, chatId: a.chatId, messageId: a.messageId,
  });
  return true;
}

export async function addLeave(tx: Tx, l: { personId: number; from: string; to: string; by: string; now: Date }) {
  const row = await tx.leave.create({ data: { personId: l.personId, fromDate: l.from, toDate: l.to, createdAt: l.now } });
  await audit(tx, { actor: l.by, action: 'leave.added', now: l.now, after: { personId: l.personId, from: l.from, to: l.to } });
  return row;
}

/**
 * 「/leave 取消」: ends the person's current or next leave (today onward). A leave in progress ends
 * yesterday (removed when it began today); a future one is removed. Audited; null when none.
 */
export async function cancelLeave(db: Db, c: { personId: number; today: string; yesterday: string; by: string; now: Date; chatId?: string | null; messageId?: string | null }) {
  return db.$transaction(async (tx) => {
    const leave = await tx.leave.findFirst({ where: { personId: c.personId, toDate: { gte: c.today } }, orderBy: [{ fromDate: 'asc' }, { id: 'asc' }] });
    if (!leave) return null;
    const inProgress = leave.fromDate < c.today;
    if (inProgress) await tx.leave.update({ where: { id: leave.id }, data: { toDate: c.yesterday } });
    else await tx.leave.delete({ where: { id: leave.id } });
    await audit(tx, {
      actor: c.by, action: 'leave.cancelled', now: c.now,
      before: { personId: c.personId, from: leave.fromDate, to: leave.toDate },
      ...(inProgress ? { after: { personId: c.personId, from: leave.fromDate, to: c.yesterday } } : {}),
      chatId: c.chatId ?? null, messageId: c.messageId ?? null,
    });
    return { from: leave.fromDate, to: leave.toDate, endedOn: inProgress ? c.yesterday : null };
  });
}

/** Every admin's open_id: configured (ADMIN_OPEN_IDS) and stored (/admins add). */
export async function adminOpenIds(deps: { db: Db; config: { ADMIN_OPEN_IDS: string[] } }): Promise<string[]> {
  const stored = await deps.db.person.findMany({ where: { isAdmin: true, openId: { not: null } }, select: { openId: true } });
  return [...new Set([...deps.config.ADMIN_OPEN_IDS, ...stored.map((p) => p.openId!)])];
}
