/**
 * Whether a 督办 may go ahead, and what it will do: the one check behind the card's fast toast, the
 * queued work and the /urge command. Only the task's leaders (active 'leader' assignment) and the
 * admins may urge; the task must be active; at most one urge per task per Shanghai day (a retry of
 * the same click or command finds its own urge and goes on); someone must have a nudge to buzz.
 */
import { loadCodeNamer, namedTask } from '../../store/plan-codes.js';
import type { Deps } from '../../deps.js';
import { lifecycleOf, lifecycleWord } from '../../domain/task-state/lifecycle.js';
import type { UrgentVia } from '../../feishu/messenger.js';
import { cut } from '../../feishu/safe-text.js';
import { todaysUrge, urgeTargets, type UrgeTarget } from '../../store/urges.js';
import { isAdmin } from '../commands/command.js';
import { alreadyUrged, plannedToast } from './urge-words.js';

export interface UrgeRequest {
  taskId: number;
  /** Who asks (open_id). */
  openId: string;
  /** The click's card token or the command's message id. */
  click: string;
  chatId: string | null;
  messageId: string | null;
}

export interface UrgePlan extends UrgeRequest {
  task: { id: number; code: string; title: string; shownCode: string };
  targets: UrgeTarget[];
  without: { name: string }[];
  vias: UrgentVia[];
}

export type UrgeVerdict = { ok: true; plan: UrgePlan; toast: string } | { ok: false; why: string };

export const NOT_ALLOWED = '只有该任务的责任领导或管理员可以督办';
export const NOTHING_TO_BUZZ = '还没有发给责任人的催办消息，无法加急';

async function isLeader(deps: Pick<Deps, 'db'>, taskId: number, openId: string): Promise<boolean> {
  return (await deps.db.assignment.count({ where: { taskId, role: 'leader', active: true, person: { openId } } })) > 0;
}

/** Who urged, by name (an admin without a Person row: 管理员). */
export async function urgerName(deps: Pick<Deps, 'db'>, openId: string): Promise<string> {
  return (await deps.db.person.findUnique({ where: { openId }, select: { name: true } }))?.name ?? '管理员';
}

/** The ways configured: always in the client; SMS and phone only when an admin turned them on. */
export function urgentVias(config: Deps['config']): UrgentVia[] {
  return ['app', ...(config.URGENT_SMS ? (['sms'] as const) : []), ...(config.URGENT_PHONE ? (['phone'] as const) : [])];
}

export async function planUrge(deps: Deps, r: UrgeRequest): Promise<UrgeVerdict> {
  const task = await deps.db.task.findUnique({ where: { id: r.taskId }, select: { id: true, code: true, planId: true, title: true, status: true, removedAt: true } });
  if (!task || task.removedAt) return { ok: false, why: '该任务已不在计划中' };
  if (!(await isLeader(deps, task.id, r.openId)) && !(await isAdmin(deps, r.openId))) return { ok: false, why: NOT_ALLOWED };
  const lifecycle = lifecycleOf(task.status);
  if (lifecycle !== 'active') return { ok: false, why: `任务${cut((await loadCodeNamer(deps.db))(task.planId, task.code), 16)}${lifecycleWord(lifecycle)}，无需督办` };
  const earlier = await todaysUrge(deps.db, task.id, deps.clock.now());
  if (earlier && earlier.click !== r.click) return { ok: false, why: alreadyUrged(await urgerName(deps, earlier.actor), earlier.at) };
  const { targets, without } = await urgeTargets(deps.db, task.id);
  if (targets.length === 0) return { ok: false, why: NOTHING_TO_BUZZ };
  const vias = urgentVias(deps.config);
  const plan: UrgePlan = { ...r, task: await namedTask(deps.db, task.id), targets, without, vias };
  return { ok: true, plan, toast: plannedToast(targets, without, vias) };
}
