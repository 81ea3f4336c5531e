/**
 * The soak's comparison with the run of the same stretch without faults (tests/soak/run.ts runs it first):
 * what that run sent, the run with faults must send too, or end with a reason.
 */
import { shanghaiDate } from '../../bot/domain/calendar/shanghai-time.js';
import { periodOf } from '../../bot/domain/schedule/periods.js';
import type { Db } from '../../bot/store/db.js';
import { cadenceOfPeriod, type Violation } from './invariants.js';

/** The keys of the check-ins and digests a run sent. */
export interface SoakRecord {
  checkins: string[];
  /** When each of `checkins` was sent (ISO time), by key. */
  checkinSentAt: Record<string, string>;
  digests: string[];
}

export async function recordOf(db: Db): Promise<SoakRecord> {
  const checkins = await db.nudge.findMany({ where: { kind: 'checkin', state: 'sent' }, select: { key: true, sentAt: true } });
  const digests = await db.digestPost.findMany({ where: { state: 'sent' }, select: { key: true } });
  return {
    checkins: checkins.map((n) => n.key).sort(),
    checkinSentAt: Object.fromEntries(checkins.map((n) => [n.key, (n.sentAt ?? new Date(0)).toISOString()])),
    digests: digests.map((p) => p.key).sort(),
  };
}

/**
 * A check-in or digest the run without faults sent must not be missing here: a sweep lost with Redis, say,
 * leaves no pending row for the other checks to find. One exception, the bot's rule and not a loss: a check-in
 * is not asked for a period its owner has already answered. A fault can add an answer the run without faults
 * never had (click-race clicks 「按计划推进」 on an old card at a random moment: seed 21 clicked a W17 card on
 * 2 May, which answered W18 before its check-in on 5 May), so a check-in is excused where this run holds a
 * report on the task, made in the check-in's period and before the moment the run without faults sent it.
 */
export async function compareWithReference(db: Db, ref: SoakRecord): Promise<Violation[]> {
  const out: Violation[] = [];
  const ended = (rows: { key: string; state: string; error: string | null }[]) =>
    new Set(rows.filter((r) => r.state === 'sent' || ((r.state === 'failed' || r.state === 'cancelled') && r.error)).map((r) => r.key));
  const nudges = ended(await db.nudge.findMany({ where: { kind: 'checkin' }, select: { key: true, state: true, error: true } }));
  const posts = ended(await db.digestPost.findMany({ select: { key: true, state: true, error: true } }));
  for (const key of ref.checkins) {
    if (nudges.has(key) || (await answeredBefore(db, key, new Date(ref.checkinSentAt[key] ?? 0)))) continue;
    out.push({ invariant: 'as-without-faults', detail: `check-in ${key}, sent without faults, was never sent nor ended with a reason (${await whatTheStoreHolds(db, key)})` });
  }
  for (const key of ref.digests) if (!posts.has(key)) out.push({ invariant: 'as-without-faults', detail: `digest ${key}, posted without faults, was never posted nor ended with a reason` });
  return out;
}

/** Whether the task of check-in `key` has a report made in the check-in's period, at or before `at`. */
async function answeredBefore(db: Db, key: string, at: Date): Promise<boolean> {
  const [taskId, , period] = key.split(':');
  const cadence = period ? cadenceOfPeriod(period) : null;
  if (!cadence) return false;
  const reports = await db.report.findMany({ where: { taskId: Number(taskId), revokedAt: null, createdAt: { lte: at } }, select: { createdAt: true } });
  return reports.some((r) => periodOf(cadence, shanghaiDate(r.createdAt)).id === period);
}

/** What the store holds about a check-in's task, person and period: the facts a missing check-in is judged on. */
async function whatTheStoreHolds(db: Db, key: string): Promise<string> {
  const [taskId, personId, period] = key.split(':');
  const task = await db.task.findUnique({ where: { id: Number(taskId) }, select: { status: true, statusSince: true } });
  const reports = await db.report.findMany({ where: { taskId: Number(taskId) }, select: { period: true, createdAt: true, source: true, personId: true, revokedAt: true }, orderBy: { createdAt: 'asc' } });
  const cadence = period ? cadenceOfPeriod(period) : null;
  const inPeriod = reports.filter((r) => r.period === period || (cadence && periodOf(cadence, shanghaiDate(r.createdAt)).id === period));
  const nudges = await db.nudge.findMany({ where: { taskId: Number(taskId), personId: Number(personId), period }, select: { kind: true, state: true, dueAt: true } });
  const leaves = await db.leave.findMany({ where: { personId: Number(personId) }, select: { fromDate: true, toDate: true } });
  const snoozes = await db.snooze.findMany({ where: { taskId: Number(taskId), personId: Number(personId), period }, select: { until: true } });
  const at = (d: Date | null) => (d ? d.toISOString() : '-');
  return [
    `task ${task ? `${task.status} since ${at(task.statusSince)}` : 'gone'}`,
    `reports in ${period}: ${inPeriod.map((r) => `${r.source} by ${r.personId} for ${r.period} at ${at(r.createdAt)}${r.revokedAt ? ' revoked' : ''}`).join('; ') || 'none'}`,
    `nudges: ${nudges.map((n) => `${n.kind} ${n.state} due ${at(n.dueAt)}`).join('; ') || 'none'}`,
    `leave: ${leaves.map((l) => `${l.fromDate}–${l.toDate}`).join(', ') || 'none'}`,
    `snoozes: ${snoozes.map((z) => at(z.until)).join(', ') || 'none'}`,
  ].join('; ');
}
