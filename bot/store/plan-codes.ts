/**
 * The plans as the code rule needs them (bot/domain/plan/plan-code.ts), read once per input load: every
 * reader that names tasks to a person takes its namer from here and computes no prefix of its own.
 */
import { codeNamer, type PlanForCode } from '../domain/plan/plan-code.js';
import type { Db } from './db.js';

export async function plansForCodes(db: Db): Promise<PlanForCode[]> {
  return (await db.plan.findMany({ orderBy: { id: 'asc' }, select: { id: true, year: true, shortName: true, archivedAt: true } })).map(planForCode);
}

/** A plan row (read with more fields by a caller that needs them too) as the code rule takes it. */
export function planForCode(p: { id: number; year: number; shortName: string | null; archivedAt: Date | null }): PlanForCode {
  return { id: p.id, year: p.year, shortName: p.shortName, archived: p.archivedAt !== null };
}

/** (planId, code) → the code as shown: 「7」 with one plan in force, 「2023-7」 with several. */
export async function loadCodeNamer(db: Db): Promise<(planId: number, code: string) => string> {
  return codeNamer(await plansForCodes(db));
}

/** One task as messages name it: its code, title and shown code. */
export async function namedTask(db: Db, taskId: number): Promise<{ id: number; code: string; title: string; planId: number; shownCode: string }> {
  const t = await db.task.findUniqueOrThrow({ where: { id: taskId }, select: { id: true, code: true, title: true, planId: true } });
  return { ...t, shownCode: (await loadCodeNamer(db))(t.planId, t.code) };
}
