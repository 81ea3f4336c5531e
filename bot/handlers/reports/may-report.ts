/**
 * Who may report progress (进展) on a task: its current owners and
 * collaborators, and admins (their reports are audited with role 'admin').
 * The one rule for every channel — thread reply, free text naming a task,
 * status buttons, the form, the chooser and /report — and for a card's fast
 * answer as well as its queued work, so the two never disagree.
 *
 * Which lifecycles take reports: active; done_pending (more words before the
 * leader decides — they are recorded, and the request stands); paused (an
 * owner may still say how things are); not closed (办结: reopen it first) nor
 * a task removed from the plan.
 */
import { loadCodeNamer } from '../../store/plan-codes.js';
import type { Deps } from '../../deps.js';
import { lifecycleOf } from '../../domain/task-state/lifecycle.js';
import { isAdmin } from '../commands/command.js';

export type ReporterRole = 'owner' | 'collaborator' | 'admin';

/** Allowed: whose report it is. Only mayReport makes one. */
export interface Reporter {
  ok: true;
  taskId: number;
  openId: string;
  role: ReporterRole;
  /** null for a configured admin the store does not know yet (made when the report is recorded). */
  personId: number | null;
}

/** Refused: why, in the bot's own words (「您不是任务7的责任人或协办人」), without a full stop. */
export interface Refusal {
  ok: false;
  why: string;
}

export async function mayReport(deps: Pick<Deps, 'db' | 'config'>, openId: string, taskId: number): Promise<Reporter | Refusal> {
  const task = await deps.db.task.findUnique({ where: { id: taskId }, select: { code: true, planId: true, removedAt: true, status: true } });
  if (!task) return { ok: false, why: '没有找到这项任务' };
  const name = `任务${(await loadCodeNamer(deps.db))(task.planId, task.code)}`;
  if (task.removedAt) return { ok: false, why: `${name}已不在计划中，不再接收进展` };
  if (lifecycleOf(task.status) === 'closed') return { ok: false, why: `${name}已办结，不再接收进展（如需继续，请联系管理员重新打开）` };
  const person = await deps.db.person.findUnique({ where: { openId }, select: { id: true } });
  const roles = person ? await deps.db.assignment.findMany({ where: { taskId, personId: person.id }, select: { role: true, active: true } }) : [];
  const current = new Set(roles.filter((r) => r.active).map((r) => r.role));
  const allowed = (role: ReporterRole): Reporter => ({ ok: true, taskId, openId, role, personId: person?.id ?? null });
  if (current.has('owner')) return allowed('owner');
  if (current.has('collaborator')) return allowed('collaborator');
  if (await isAdmin(deps, openId)) return allowed('admin');
  if (current.has('leader')) return { ok: false, why: `您是${name}的责任领导，只有责任人或协办人的答复计为进展` };
  if (roles.some((r) => r.role !== 'leader')) return { ok: false, why: `您已不再负责${name}` };
  return { ok: false, why: `您不是${name}的责任人或协办人` };
}

/** The reporter's person row; a configured admin not yet in the store gets one (named 管理员 until a mention names them). */
export async function reporterPersonId(deps: Pick<Deps, 'db' | 'clock'>, r: Reporter): Promise<number> {
  if (r.personId !== null) return r.personId;
  const now = deps.clock.now();
  const row = await deps.db.person.upsert({ where: { openId: r.openId }, create: { openId: r.openId, name: '管理员', createdAt: now, updatedAt: now }, update: {} });
  return row.id;
}
