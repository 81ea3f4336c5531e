/**
 * Whether /undo may put a change back: nothing newer (by anyone, and not itself
 * undone) touched the same field of the task, the task is still in the plan,
 * and the field still holds what the change wrote. Otherwise a Chinese
 * sentence saying what changed since (who, when, to what).
 */
import type { Deps } from '../../../deps.js';
import { fieldsTouched, readJson, sameField } from '../../../domain/audit-fields.js';
import { shanghaiMinute } from '../../../domain/calendar/shanghai-time.js';
import { wordTable } from '../../../domain/word-table.js';
import { cut } from '../../../feishu/safe-text.js';
import { CADENCE_WORDS } from './task-settings.js';
import { lifecycleOf, lifecycleWord } from '../../../domain/task-state/lifecycle.js';

export type UndoEntry = { id: number; action: string; actor: string; at: Date; taskId: number | null; before: string | null; after: string | null; messageId: string | null };

export const ROLE_WORDS = wordTable({ owner: '责任人', collaborator: '协办人', leader: '责任领导' });

/** Every action that changes a field /undo can put back, and 'undo' itself. */
const FIELD_ACTIONS = ['task.deadline', 'task.target', 'task.cadence', 'task.status', 'task.lifecycle', 'assignment.added', 'assignment.ended', 'task.reimported', 'task.removed', 'undo'];

/** The ids of entries an 'undo' entry put back. */
export function undoneIds(undos: { after: string | null }[]): Set<number> {
  return new Set(undos.flatMap((u) => (readJson(u.after).ids as number[] | undefined) ?? []));
}

/** A stored status (old 'done' included) in the bot's words: 「已办结」. */
export const statusWord = (stored: unknown): string => lifecycleWord(lifecycleOf(String(stored)));

export async function personName(deps: Pick<Deps, 'db'>, personId: unknown): Promise<string> {
  const p = typeof personId === 'number' ? await deps.db.person.findUnique({ where: { id: personId }, select: { name: true } }) : null;
  return cut(p?.name ?? '（未知）', 12);
}

async function actorName(deps: Pick<Deps, 'db' | 'config'>, actor: string): Promise<string> {
  const p = await deps.db.person.findUnique({ where: { openId: actor }, select: { name: true } });
  if (p) return cut(p.name, 12);
  return deps.config.ADMIN_OPEN_IDS.includes(actor) ? '管理员' : actor.startsWith('ou_') ? '（未知）' : cut(actor, 12);
}

/** 「将截止日期改为 2022-07-31」: what a newer entry did, in the bot's words. */
async function changeWords(deps: Pick<Deps, 'db'>, e: UndoEntry): Promise<string> {
  const before = readJson(e.before);
  const after = readJson(e.after);
  switch (e.action) {
    case 'task.deadline':
      return `将截止日期改为 ${String(after.deadline)}`;
    case 'task.target':
      return `将第${Number(after.position) + 1}项指标改为 ${String(after.value)}`;
    case 'task.cadence':
      return `将催办频次改为${CADENCE_WORDS[String(after.cadence)] ?? '其他'}`;
    case 'task.status':
    case 'task.lifecycle':
      return `将任务状态改为「${statusWord(after.status)}」`;
    case 'assignment.added':
      return `指派${await personName(deps, after.personId)}为${ROLE_WORDS[String(after.role)] ?? '人员'}`;
    case 'assignment.ended':
      return `取消了${await personName(deps, before.personId)}的${ROLE_WORDS[String(before.role)] ?? '职责'}`;
    case 'task.reimported':
      return `重新导入了计划（截止日期 ${String(after.deadline)}）`;
    default:
      return '将该任务移出了计划';
  }
}

/** Why the group cannot be undone, or null when it can. */
export async function undoConflict(deps: Pick<Deps, 'db' | 'config'>, group: UndoEntry[]): Promise<string | null> {
  const taskId = group[0]!.taskId;
  if (taskId === null) return null;
  const ids = new Set(group.map((e) => e.id));
  const fields = group.flatMap(fieldsTouched);
  const later = await deps.db.auditEntry.findMany({ where: { taskId, id: { gt: Math.min(...ids) }, action: { in: FIELD_ACTIONS } }, orderBy: { id: 'asc' } });
  const undone = undoneIds(later.filter((e) => e.action === 'undo'));
  const newer = later.find((e) => !ids.has(e.id) && !undone.has(e.id) && sameField(fields, fieldsTouched(e)));
  if (newer) {
    return `在您修改之后，${await actorName(deps, newer.actor)}于 ${shanghaiMinute(newer.at)} ${await changeWords(deps, newer)}。为免覆盖这次修改，未作撤销；如仍需调整，请直接用相应命令修改。`;
  }
  const task = await deps.db.task.findUnique({ where: { id: taskId }, include: { targets: { where: { removedAt: null } } } });
  if (!task || task.removedAt) return '该任务已不在计划中，未作撤销。';
  for (const e of group) {
    const after = readJson(e.after);
    const before = readJson(e.before);
    const active = async (x: Record<string, unknown>) =>
      (await deps.db.assignment.count({ where: { taskId, personId: Number(x.personId), role: String(x.role), active: true } })) > 0;
    const unchanged =
      e.action === 'task.deadline' ? task.deadline === after.deadline
      : e.action === 'task.cadence' ? task.cadence === after.cadence
      : e.action === 'task.status' || e.action === 'task.lifecycle' ? lifecycleOf(task.status) === lifecycleOf(String(after.status))
      : e.action === 'task.target' ? task.targets.some((t) => t.position === Number(after.position) && t.value === Number(after.value))
      : e.action === 'assignment.added' ? await active(after)
      : e.action === 'assignment.ended' ? !(await active(before))
      : true;
    if (!unchanged) return '该项内容在您修改之后已有变化，未作撤销；如仍需调整，请直接用相应命令修改。';
  }
  return null;
}
