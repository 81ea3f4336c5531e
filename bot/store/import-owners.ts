/**
 * Applies an owners file: people upserted, roles assigned, all or nothing.
 * Unknown task codes and people without an open_id are refused before any
 * change. Existing roles not in the file are kept (the file adds, it does not
 * take away; /unassign does that).
 */
import { problemsMessage, type OwnerRow, type OwnersProblem } from '../domain/owners/parse-owners.js';
import { audit } from './audit.js';
import { BULK_TRANSACTION, type Db, type Tx } from './db.js';
import { assign, upsertPerson } from './people.js';

export interface OwnersResult {
  added: number;
  unchanged: number;
  people: number;
}

export class OwnersRefused extends Error {
  override name = 'OwnersRefused';
}

/**
 * What the plan and the directory say is wrong with a file's lines: task codes the plan does not have (every
 * line with a code), and people without a Feishu account (the whole rows).
 */
export async function ownersProblems(db: Db, o: { planId: number; rows: OwnerRow[]; codes?: { line: number; taskCode: string }[] }): Promise<OwnersProblem[]> {
  const tasks = await db.task.findMany({ where: { planId: o.planId, removedAt: null }, select: { code: true } });
  const known = new Set(tasks.map((t) => t.code));
  const codes = o.codes ?? o.rows.map((r) => ({ line: r.line, taskCode: r.taskCode }));
  return [
    ...codes.filter((c) => !known.has(c.taskCode)).map((c) => ({ line: c.line, text: `计划中没有任务「${c.taskCode}」` })),
    ...o.rows.filter((r) => !r.openId).map((r) => ({ line: r.line, text: `无法确定「${r.name}」的飞书账号（请填写 open_id，或可在飞书中查到的邮箱/手机号）` })),
  ];
}

export async function importOwners(db: Db, input: { planId: number; rows: OwnerRow[]; by: string; now: Date }): Promise<OwnersResult> {
  const problems = await ownersProblems(db, input);
  if (problems.length) throw new OwnersRefused(problemsMessage(problems));
  return db.$transaction((tx) => writeOwners(tx, input), BULK_TRANSACTION);
}

/** importOwners' writes inside the caller's transaction, for rows already checked (ownersProblems). */
export async function writeOwners(tx: Tx, input: { planId: number; rows: OwnerRow[]; by: string; now: Date }): Promise<OwnersResult> {
  const tasks = await tx.task.findMany({ where: { planId: input.planId, removedAt: null }, select: { id: true, code: true } });
  const byCode = new Map(tasks.map((t) => [t.code, t.id]));
  let added = 0;
  const people = new Set<number>();
  for (const r of input.rows) {
    const taskId = byCode.get(r.taskCode);
    if (taskId === undefined) throw new OwnersRefused(problemsMessage([{ line: r.line, text: `计划中没有任务「${r.taskCode}」` }]));
    const person = await upsertPerson(tx, { openId: r.openId, name: r.name, email: r.email, mobile: r.mobile, department: r.department }, input.now);
    people.add(person.id);
    if ((await assign(tx, { taskId, personId: person.id, role: r.role, by: input.by, now: input.now })) === 'added') added++;
  }
  await audit(tx, { actor: input.by, action: 'owners.imported', now: input.now, after: { rows: input.rows.length, added } });
  return { added, unchanged: input.rows.length - added, people: people.size };
}
