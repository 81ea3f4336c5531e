/**
 * Who may give a 批示 (instruction) on a task: its current leaders (an active assignment with role
 * 'leader') and the admins. The one rule for every channel — the card's form, /批示, a reply in an
 * escalation's or a digest's thread — and for a card's fast answer as well as its queued work.
 */
import { loadCodeNamer } from '../../store/plan-codes.js';
import type { Deps } from '../../deps.js';
import { isAdmin } from '../commands/command.js';

/** Allowed: who gives it. Only mayInstruct makes one. */
export interface Giver {
  ok: true;
  taskId: number;
  openId: string;
  role: 'leader' | 'admin';
  /** null for a configured admin the store does not know yet (made when the 批示 is recorded). */
  personId: number | null;
  name: string;
}

export interface Refusal {
  ok: false;
  /** In the bot's words, without a full stop: 「只有任务7的责任领导或管理员可以批示」. */
  why: string;
}

export async function mayInstruct(deps: Pick<Deps, 'db' | 'config'>, openId: string, taskId: number): Promise<Giver | Refusal> {
  const task = await deps.db.task.findUnique({ where: { id: taskId }, select: { code: true, planId: true, removedAt: true } });
  if (!task) return { ok: false, why: '没有找到这项任务' };
  const code = (await loadCodeNamer(deps.db))(task.planId, task.code);
  if (task.removedAt) return { ok: false, why: `任务${code}已不在计划中` };
  const person = await deps.db.person.findUnique({ where: { openId }, select: { id: true, name: true } });
  const leads = person ? await deps.db.assignment.count({ where: { taskId, personId: person.id, role: 'leader', active: true } }) : 0;
  const allowed = (role: Giver['role']): Giver => ({ ok: true, taskId, openId, role, personId: person?.id ?? null, name: person?.name ?? '管理员' });
  if (leads > 0) return allowed('leader');
  if (await isAdmin(deps, openId)) return allowed('admin');
  return { ok: false, why: `只有任务${code}的责任领导或管理员可以批示` };
}

/** Is this person a leader of any task of the plan (or an admin)? Who a digest's thread reply may come from as a 批示. */
export async function leadsInPlan(deps: Pick<Deps, 'db' | 'config'>, openId: string, planId: number): Promise<boolean> {
  const n = await deps.db.assignment.count({ where: { role: 'leader', active: true, person: { openId }, task: { planId, removedAt: null } } });
  return n > 0 || isAdmin(deps, openId);
}
