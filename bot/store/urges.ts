/**
 * 督办（加急） in the store: whom a leader's buzz reaches (each owner's latest nudge), and the day's
 * urge of a task. An urge is one 'task.urged' audit entry (who, when, whom, how; `after.click` names
 * the click or command that made it) and, once Feishu has answered, one 'task.urge-result' entry
 * (what was buzzed, who could not be). At most one urge per task per Shanghai calendar day counts;
 * one that buzzed nobody (every call refused) does not, so the leader may try again.
 * recordUrge() checks and writes in one transaction that first locks the task's row, so of two
 * clicks at once only one records an urge (PostgreSQL: row lock; SQLite: the write lock).
 */
import { atShanghai, shanghaiDate } from '../domain/calendar/shanghai-time.js';
import { readJson } from '../domain/audit-fields.js';
import { audit } from './audit.js';
import type { Db, Tx } from './db.js';

export const URGED = 'task.urged';
export const URGE_RESULT = 'task.urge-result';
const DAY_MS = 86_400_000;

/** An owner and the message to buzz: their latest nudge that Feishu holds. */
export interface UrgeTarget {
  personId: number;
  openId: string;
  name: string;
  messageId: string;
}

export interface TodaysUrge {
  id: number;
  actor: string;
  at: Date;
  click: string | null;
}

/**
 * Each active owner's newest sent owner nudge (not a leader-* copy) with a message id; owners
 * without one (none sent yet, sent with an unknown id, or no Feishu account) are `without`.
 */
export async function urgeTargets(db: Db, taskId: number): Promise<{ targets: UrgeTarget[]; without: { name: string }[] }> {
  const owners = await db.assignment.findMany({ where: { taskId, role: 'owner', active: true }, include: { person: true }, orderBy: { id: 'asc' } });
  const targets: UrgeTarget[] = [];
  const without: { name: string }[] = [];
  const seen = new Set<number>();
  for (const { person } of owners) {
    if (seen.has(person.id)) continue;
    seen.add(person.id);
    const nudge = person.openId
      ? await db.nudge.findFirst({
          where: { taskId, personId: person.id, state: 'sent', messageId: { not: null }, NOT: { kind: { startsWith: 'leader-' } } },
          orderBy: [{ sentAt: 'desc' }, { id: 'desc' }],
          select: { messageId: true },
        })
      : null;
    if (person.openId && nudge?.messageId) targets.push({ personId: person.id, openId: person.openId, name: person.name, messageId: nudge.messageId });
    else without.push({ name: person.name });
  }
  return { targets, without };
}

/** The urge of the task that counts for the Shanghai day of `now`, if any. */
export async function todaysUrge(db: Pick<Tx, 'auditEntry'>, taskId: number, now: Date): Promise<TodaysUrge | null> {
  const start = atShanghai(shanghaiDate(now), '00:00');
  const day = { gte: start, lt: new Date(start.getTime() + DAY_MS) };
  const urges = await db.auditEntry.findMany({ where: { taskId, action: URGED, at: day }, orderBy: { id: 'asc' } });
  if (urges.length === 0) return null;
  const results = await db.auditEntry.findMany({ where: { taskId, action: URGE_RESULT, at: { gte: start } }, select: { after: true } });
  const buzzedNobody = new Set(results.map((r) => readJson(r.after)).filter((a) => a.buzzed === 0).map((a) => a.urgeId));
  const counts = urges.find((u) => !buzzedNobody.has(u.id));
  if (!counts) return null;
  const click = readJson(counts.after).click;
  return { id: counts.id, actor: counts.actor, at: counts.at, click: typeof click === 'string' ? click : null };
}

export interface UrgeInput {
  taskId: number;
  actor: string;
  now: Date;
  /** What asked for it (a card click's token, a command's message id): a retry of the same job finds its own urge. */
  click: string;
  chatId: string | null;
  messageId: string | null;
  /** Whom and how, for /history: display strings plus the targets. */
  after: Record<string, unknown>;
}

export type UrgeRecord = { ok: true; id: number } | { ok: false; earlier: TodaysUrge };

/** Records the day's urge, unless another click has taken the day already (checked under the task's row lock). */
export async function recordUrge(db: Db, u: UrgeInput): Promise<UrgeRecord> {
  return db.$transaction(async (tx) => {
    // A write first: it serialises concurrent urges of this task before anything is read.
    await tx.$executeRaw`UPDATE "Task" SET "updatedAt" = "updatedAt" WHERE "id" = ${u.taskId}`;
    const earlier = await todaysUrge(tx, u.taskId, u.now);
    if (earlier) return earlier.click === u.click ? { ok: true, id: earlier.id } : { ok: false, earlier };
    const id = await audit(tx, {
      actor: u.actor, action: URGED, now: u.now, taskId: u.taskId, chatId: u.chatId, messageId: u.messageId, after: { ...u.after, click: u.click },
    });
    return { ok: true, id };
  });
}

/** What Feishu did with an urge: `buzzed` people reached (0: the urge does not count for the day). */
export async function recordUrgeResult(db: Db, r: { urgeId: number; taskId: number; actor: string; now: Date; buzzed: number; after: Record<string, unknown> }) {
  await db.$transaction((tx) => audit(tx, { actor: r.actor, action: URGE_RESULT, now: r.now, taskId: r.taskId, after: { ...r.after, urgeId: r.urgeId, buzzed: r.buzzed } }));
}

/** The result an urge already has (a retried job reports it again instead of buzzing twice). */
export async function urgeResult(db: Db, taskId: number, urgeId: number): Promise<Record<string, unknown> | null> {
  const rows = await db.auditEntry.findMany({ where: { taskId, action: URGE_RESULT }, orderBy: { id: 'desc' }, select: { after: true } });
  return rows.map((r) => readJson(r.after)).find((a) => a.urgeId === urgeId) ?? null;
}
