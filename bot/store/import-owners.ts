/**
 * Applies an owners file: people upserted, roles assigned, all or nothing.
 * Unknown task codes and people without an open_id are refused before any
 * change. Existing roles not in the file are kept (the file adds, it does not
 * take away; /unassign does that).
 */
import type { OwnerRow } from '../domain/owners/parse-owners.js';
import { audit } from './audit.js';
import { BULK_TRANSACTION, type Db } from './db.js';
import { assign, upsertPerson } from './people.js';

export interface OwnersResult {
  added: number;
  unchanged: number;
  people: number;
}

export class OwnersRefused extends Error {
  override name = 'OwnersRefused';
}

export async function importOwners(db: Db, input: { planId: number; rows: OwnerRow[]; by: string; now: Date }): Promise<OwnersResult> {
  const tasks = await db.task.findMany({ where: { planId: input.planId, removedAt: null }, select: { id: true, code: true } });
  const byCode = new Map(tasks.map((t) => [t.code, t.id]));
  const problems = input.rows.flatMap((r) => [
    ...(byCode.has(r.taskCode) ? [] : [`第 ${r.line} 行：计划中没有任务「${r.taskCode}」`]),
    ...(r.openId ? [] : [`第 ${r.line} 行：无法确定「${r.name}」的飞书账号（请填写 open_id，或可在飞书中查到的邮箱/手机号）`]),
  ]);
  if (problems.length) throw new OwnersRefused(`责任分工表有 ${problems.length} 处问题，未做任何修改：\n${problems.slice(0, 20).join('\n')}`);

  return db.$transaction(async (tx) => {
    let added = 0;
    const people = new Set<number>();
    for (const r of input.rows) {
      const person = await upsertPerson(tx, { openId: r.openId, name: r.name, email: r.email, mobile: r.mobile, department: r.department }, input.now);
      people.add(person.id);
      if ((await assign(tx, { taskId: byCode.get(r.taskCode)!, personId: person.id, role: r.role, by: input.by, now: input.now })) === 'added') added++;
    }
    await audit(tx, { actor: input.by, action: 'owners.imported', now: input.now, after: { rows: input.rows.length, added } });
    return { added, unchanged: input.rows.length - added, people: people.size };
  }, BULK_TRANSACTION);
}
