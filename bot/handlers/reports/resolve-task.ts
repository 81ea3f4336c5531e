/**
 * Which task a free message is about: the nudge it replies to; a task it
 * names (「#7」「任务7」「7.」 at the start); the person's only task; the only
 * task they were asked about this period. Otherwise the caller asks.
 */
import type { Deps } from '../../deps.js';
import { normaliseTaskCode } from '../../domain/owners/parse-owners.js';

export type Resolution =
  | { kind: 'task'; taskId: number; text: string }
  | { kind: 'choose'; tasks: { id: number; code: string; title: string }[] }
  | { kind: 'not-theirs'; code: string }
  | { kind: 'none' };

const NAMED = /^\s*(?:[#＃]\s*|任务\s*|第)?([0-9０-９]{1,3}(?:\.[0-9]{1,3})*|[一二三四五六七八九十]{1,3})(?:\s*项)?\s*(?:[.．、:：，,]|\s)\s*/;

export async function resolveTask(
  deps: Pick<Deps, 'db'>,
  m: { personId: number; parentId: string | null; rootId: string | null; text: string },
): Promise<Resolution> {
  const threadIds = [m.parentId, m.rootId].filter((x): x is string => !!x);
  if (threadIds.length) {
    const nudge = await deps.db.nudge.findFirst({ where: { messageId: { in: threadIds } }, select: { taskId: true } });
    if (nudge) return { kind: 'task', taskId: nudge.taskId, text: m.text };
  }
  const mine = await deps.db.assignment.findMany({
    where: { personId: m.personId, active: true, role: { in: ['owner', 'collaborator'] }, task: { removedAt: null } },
    include: { task: { select: { id: true, code: true, title: true, position: true } } },
    orderBy: { task: { position: 'asc' } },
  });
  const tasks = [...new Map(mine.map((a) => [a.task.id, a.task])).values()];
  const named = m.text.match(NAMED);
  const hasMarker = named && /^\s*([#＃]|任务|第)/.test(m.text);
  if (named && (hasMarker || tasks.some((t) => t.code === normaliseTaskCode(named[1]!)))) {
    const code = normaliseTaskCode(named[1]!);
    const t = tasks.find((x) => x.code === code);
    if (t) return { kind: 'task', taskId: t.id, text: m.text.slice(named[0].length).trim() || m.text };
    if (hasMarker) return { kind: 'not-theirs', code };
  }
  if (tasks.length === 1) return { kind: 'task', taskId: tasks[0]!.id, text: m.text };
  if (!tasks.length) return { kind: 'none' };
  // The only task this person was asked about and has not answered yet.
  const pending = await deps.db.nudge.findMany({
    where: { personId: m.personId, state: 'sent', kind: { in: ['checkin', 'followup1', 'followup2'] }, taskId: { in: tasks.map((t) => t.id) } },
    select: { taskId: true, period: true },
  });
  const open: number[] = [];
  for (const p of pending) {
    const answered = await deps.db.report.count({ where: { taskId: p.taskId, period: p.period, revokedAt: null } });
    if (!answered && !open.includes(p.taskId)) open.push(p.taskId);
  }
  if (open.length === 1) return { kind: 'task', taskId: open[0]!, text: m.text };
  return { kind: 'choose', tasks: tasks.map((t) => ({ id: t.id, code: t.code, title: t.title })) };
}
