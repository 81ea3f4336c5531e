/**
 * The soak's `state-shown` invariant: what the bot last sent about a task agrees with the state engine.
 * Every card line that names a task with its light (「🟡 **任务7 …**」: the digest's, and any other card
 * drawn with the digest's task item) is compared with the engine's answer for that task at the moment the
 * card was sent, read from the store as it is now. A task the store changed around that moment (a report
 * made within the hour before, a report withdrawn, its lifecycle, deadline, steps or audit trail touched
 * since) is skipped: the store no longer holds what the engine saw then.
 */
import type { WorkCalendar } from '../../bot/domain/calendar/work-calendar.js';
import type { Light } from '../../bot/domain/task-state/types.js';
import { LIGHT_EMOJI } from '../../bot/domain/task-state/words.js';
import type { StoredMessage } from '../../bot/sandbox/index.js';
import type { Db } from '../../bot/store/db.js';
import { loadTaskStates } from '../../bot/store/task-states.js';
import type { Violation } from './invariants.js';

const LIGHT_OF = new Map(Object.entries(LIGHT_EMOJI).map(([light, emoji]) => [emoji, light as Light]));
const TASK_LINE = new RegExp(`^(${[...LIGHT_OF.keys()].join('|')}) \\*\\*任务(\\S+?) `, 'u');
/** A report made this long before a card was sent may have raced its computation. */
const RACE_MS = 3600_000;

/** The lights a card's markdown states, by the task code as shown. */
export function lightsShown(card: unknown): Map<string, Light> {
  const out = new Map<string, Light>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node)) {
      if (k === 'content' && typeof v === 'string') {
        for (const line of v.split('\n')) {
          const m = TASK_LINE.exec(line);
          if (m) out.set(m[2]!.replace(/\\(.)/g, '$1'), LIGHT_OF.get(m[1]!)!);
        }
      } else walk(v);
    }
  };
  walk(card);
  return out;
}

export async function checkStatesShown(o: { db: Db; calendar: WorkCalendar; messages: StoredMessage[] }): Promise<Violation[]> {
  const out: Violation[] = [];
  const shown = o.messages
    .filter((m) => m.sender === 'bot' && m.msgType === 'interactive')
    .map((m) => ({ m, lights: lightsShown(m.content) }))
    .filter((x) => x.lights.size > 0);
  if (!shown.length) return out;
  const plans = await o.db.plan.findMany({ select: { id: true } });
  const [reports, tasks, milestones, audits] = await Promise.all([
    o.db.report.findMany({ select: { taskId: true, createdAt: true, revokedAt: true } }),
    o.db.task.findMany({ select: { id: true, updatedAt: true, statusSince: true } }),
    o.db.milestone.findMany({ where: { doneAt: { not: null } }, select: { taskId: true, doneAt: true } }),
    o.db.auditEntry.findMany({ where: { taskId: { not: null } }, select: { taskId: true, at: true } }),
  ]);
  // Per task, once: the latest change the engine reads as it is now (a withdrawal, its status, a step done, an
  // audit entry), and when its reports were made (those the engine reads as of the moment asked).
  const lastChange = new Map<number, number>();
  const changed = (taskId: number, at: Date | null | undefined) => {
    if (at) lastChange.set(taskId, Math.max(lastChange.get(taskId) ?? -Infinity, at.getTime()));
  };
  const made = new Map<number, number[]>();
  for (const r of reports) {
    made.set(r.taskId, [...(made.get(r.taskId) ?? []), r.createdAt.getTime()]);
    changed(r.taskId, r.revokedAt);
  }
  for (const x of tasks) [x.updatedAt, x.statusSince].forEach((at) => changed(x.id, at));
  for (const x of milestones) changed(x.taskId, x.doneAt);
  for (const a of audits) changed(a.taskId!, a.at);
  /** Whether the store still holds what the engine saw for this task at `t`. */
  const unchangedSince = (taskId: number, t: number): boolean =>
    (lastChange.get(taskId) ?? -Infinity) <= t - RACE_MS && !(made.get(taskId) ?? []).some((c) => c > t - RACE_MS && c <= t + RACE_MS);
  // A digest's pages are sent together: the engine is asked once per plan and moment.
  const statesAt = new Map<string, ReturnType<typeof loadTaskStates>>();
  for (const { m, lights } of shown) {
    const at = new Date(m.createTime);
    for (const plan of plans) {
      const key = `${plan.id}:${m.createTime}`;
      if (!statesAt.has(key)) statesAt.set(key, loadTaskStates(o.db, { planId: plan.id, now: at, calendar: o.calendar }));
      const { tasks: views } = await statesAt.get(key)!;
      for (const t of views) {
        const said = lights.get(t.shownCode);
        if (said === undefined || said === t.state.light || !unchangedSince(t.id, at.getTime())) continue;
        out.push({ invariant: 'state-shown', detail: `${m.messageId} (${at.toISOString()}, ${m.chatId}) shows task ${t.shownCode} ${LIGHT_EMOJI[said]}, the engine says ${LIGHT_EMOJI[t.state.light]} at that moment` });
      }
    }
  }
  return out;
}
