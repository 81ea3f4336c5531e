/**
 * What the sweep and the sender need from the store: tasks with their
 * people, leave and answered periods; nudge rows keyed by their stable key
 * and claimed with a conditional update before a send.
 */
import { shanghaiDate } from '../domain/calendar/shanghai-time.js';
import { periodOf } from '../domain/schedule/periods.js';
import type { Cadence, PeriodCadence } from '../domain/schedule/settings.js';
import type { DueNudge, TaskForSchedule, TaskStatus } from '../domain/schedule/types.js';
import { inChunks } from './chunks.js';
import type { Db } from './db.js';

/** Reports count as answers for the periods they fall in; look back this far. */
const LOOKBACK_DAYS = 70;

export async function loadScheduleInputs(db: Db, now: Date): Promise<TaskForSchedule[]> {
  const since = new Date(now.getTime() - LOOKBACK_DAYS * 86_400_000);
  const ids = (await db.task.findMany({ where: { removedAt: null, status: 'active' }, select: { id: true }, orderBy: { id: 'asc' } })).map((t) => t.id);
  const tasks = await inChunks(ids, (slice) => db.task.findMany({
    where: { id: { in: slice } },
    include: {
      assignments: { where: { active: true, role: { in: ['owner', 'leader'] } }, include: { person: { include: { leaves: true } } } },
      reports: { where: { revokedAt: null, createdAt: { gte: since } }, select: { createdAt: true } },
    },
  }));
  return tasks.map((t) => {
    const cadence = (['weekly', 'biweekly', 'monthly', 'off'].includes(t.cadence) ? t.cadence : 'weekly') as Cadence;
    // A report on the task answers its period for every owner.
    const answered = cadence === 'off' ? [] : [...new Set(t.reports.map((r) => periodOf(cadence as PeriodCadence, shanghaiDate(r.createdAt)).id))];
    const person = (a: (typeof t.assignments)[number]) => ({
      personId: a.personId,
      leave: a.person.leaves.map((l) => ({ from: l.fromDate, to: l.toDate })),
      answeredPeriods: answered,
    });
    return {
      taskId: t.id,
      status: t.status as TaskStatus,
      cadence,
      deadline: t.deadline,
      owners: t.assignments.filter((a) => a.role === 'owner').map(person),
      leaders: t.assignments.filter((a) => a.role === 'leader').map(person),
    };
  });
}

/** Creates the rows of nudges not seen before; returns the keys still waiting to be sent. */
export async function recordNudges(db: Db, due: DueNudge[], skipped: DueNudge[], now: Date): Promise<string[]> {
  const write = async (n: DueNudge, state: 'pending' | 'skipped') => {
    try {
      await db.nudge.create({
        data: { key: n.key, taskId: n.taskId, personId: n.personId, period: n.period, kind: n.kind, dueAt: n.dueAt, state, createdAt: now },
      });
    } catch (e) {
      if ((e as { code?: string }).code !== 'P2002') throw e;
    }
  };
  for (const n of skipped) await write(n, 'skipped');
  for (const n of due) await write(n, 'pending');
  if (!due.length) return [];
  const keys = due.map((n) => n.key);
  const waiting: string[] = [];
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await db.nudge.findMany({ where: { key: { in: keys.slice(i, i + 500) }, state: { in: ['pending', 'sending'] } }, select: { key: true } });
    waiting.push(...rows.map((w) => w.key));
  }
  return waiting;
}

/**
 * Claims a nudge for sending: pending → sending, or a 'sending' claim older
 * than the lease (its sender died). Only one caller wins.
 */
export async function claimNudge(db: Db, key: string, now: Date, leaseMs: number): Promise<boolean> {
  const r = await db.nudge.updateMany({
    where: { key, OR: [{ state: 'pending' }, { state: 'sending', claimedAt: { lt: new Date(now.getTime() - leaseMs) } }] },
    data: { state: 'sending', claimedAt: now, attempts: { increment: 1 } },
  });
  return r.count === 1;
}

export async function finishNudge(db: Db, key: string, outcome: { state: 'sent'; messageId: string; now: Date } | { state: 'pending' | 'failed' | 'cancelled'; error?: string }) {
  await db.nudge.update({
    where: { key },
    data:
      outcome.state === 'sent'
        ? { state: 'sent', sentAt: outcome.now, messageId: outcome.messageId, error: null }
        : { state: outcome.state, error: outcome.error ?? null, ...(outcome.state === 'pending' ? { claimedAt: null } : {}) },
  });
}
