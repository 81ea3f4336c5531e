/**
 * Units' 联络员 (contact persons) marked with /unit: one per Feishu department, kept across plans and years.
 * Marking a unit again replaces its contact; each change is audited with before and after.
 */
import { audit } from './audit.js';
import type { Db, Tx } from './db.js';

export interface UnitContactRow {
  departmentId: string;
  departmentName: string;
  openId: string;
  name: string;
  setBy: string;
  setAt: Date;
}

export interface MarkContact {
  departmentId: string;
  departmentName: string;
  openId: string;
  name: string;
  by: string;
  now: Date;
  chatId?: string | null;
  messageId?: string | null;
}

const SELECT = { departmentId: true, departmentName: true, openId: true, name: true, setBy: true, setAt: true } as const;

/** Marks (or replaces) a unit's contact; resolves to the contact it replaced, null when none or the same person. */
export async function markUnitContact(db: Db, m: MarkContact): Promise<{ before: UnitContactRow | null; changed: boolean }> {
  return db.$transaction(async (tx: Tx) => {
    const before = await tx.unitContact.findUnique({ where: { departmentId: m.departmentId }, select: SELECT });
    if (before && before.openId === m.openId && before.departmentName === m.departmentName) return { before, changed: false };
    const data = { departmentName: m.departmentName, openId: m.openId, name: m.name, setBy: m.by, setAt: m.now };
    await tx.unitContact.upsert({ where: { departmentId: m.departmentId }, create: { departmentId: m.departmentId, ...data }, update: data });
    await audit(tx, {
      actor: m.by, action: 'unit.contact', now: m.now, chatId: m.chatId ?? null, messageId: m.messageId ?? null,
      before: before ? { departmentId: before.departmentId, departmentName: before.departmentName, openId: before.openId, name: before.name } : null,
      after: { departmentId: m.departmentId, departmentName: m.departmentName, openId: m.openId, name: m.name },
    });
    return { before, changed: true };
  });
}

/** Every marked contact, by department name. */
export async function listUnitContacts(db: Db): Promise<UnitContactRow[]> {
  const rows = await db.unitContact.findMany({ select: SELECT });
  return rows.sort((a, b) => a.departmentName.localeCompare(b.departmentName, 'zh') || a.departmentId.localeCompare(b.departmentId));
}

/** Department id → the contact's open_id, as the proposal reads it. */
export async function unitContactMap(db: Db): Promise<Map<string, string>> {
  const rows = await db.unitContact.findMany({ select: { departmentId: true, openId: true } });
  return new Map(rows.map((r) => [r.departmentId, r.openId]));
}
