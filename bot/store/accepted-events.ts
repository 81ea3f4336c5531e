/**
 * The store's record of accepted Feishu events (model ProcessedEvent), the
 * truth about acknowledged work: 'queued' from the receiver's insert until
 * the inbound worker marks it 'done' (its handler returned) or 'failed' (its
 * job failed for good). The receiver records through recordEvents (called by
 * bot/feishu/accept-event.ts).
 */
import { Prisma } from './generated/client.js';
import type { Db } from './db.js';
import { queryRows } from './raw-sql.js';

export type EventOutcome = { state: 'done' } | { state: 'failed'; error: string };

export interface QueuedEvent {
  eventId: string;
  eventType: string;
  via: string;
  payload: string | null;
  receivedAt: Date;
}

/** An accepted event as the receiver records it (state 'queued'). */
export interface EventRecord {
  eventId: string;
  messageId: string | null;
  eventType: string;
  via: string;
  payload: string;
  receivedAt: Date;
}

/**
 * Records events as 'queued' in one statement, skipping each whose event id or message id is
 * already recorded (the unique constraints decide, so concurrent writers from other processes
 * too), and returns the event ids written. The rows must not repeat an event id or message id
 * among themselves (the caller settles those). Raw SQL, the same on SQLite and PostgreSQL: one
 * multi-row INSERT … ON CONFLICT DO NOTHING for a batch of webhook deliveries, where Prisma's
 * create costs a statement and its mapping per event, and a failed one per duplicate.
 */
export async function recordEvents(db: Db, rows: EventRecord[]): Promise<Set<string>> {
  if (!rows.length) return new Set();
  const values = rows.map((r) => Prisma.sql`(${r.eventId}, ${r.messageId}, ${r.eventType}, ${r.via}, ${r.payload}, 'queued', ${r.receivedAt})`);
  const written = await queryRows<{ eventId: string }>(db, Prisma.sql`
    INSERT INTO "ProcessedEvent" ("eventId", "messageId", "eventType", "via", "payload", "state", "receivedAt")
    VALUES ${Prisma.join(values)}
    ON CONFLICT DO NOTHING
    RETURNING "eventId"`);
  return new Set(written.map((w) => w.eventId));
}

/** Undoes the records of events that could not be queued, so that Feishu's redelivery is accepted anew. */
export async function forgetEvents(db: Db, eventIds: string[]): Promise<void> {
  if (eventIds.length) await db.processedEvent.deleteMany({ where: { eventId: { in: eventIds }, state: 'queued' } });
}

/** Records how the event's job ended; `ifQueued` leaves a record already finished as it is. */
export async function finishEvent(db: Db, eventId: string, outcome: EventOutcome, now: Date, opts: { ifQueued?: boolean } = {}): Promise<void> {
  const error = outcome.state === 'failed' ? outcome.error.slice(0, 500) : null;
  const where = opts.ifQueued ? { eventId, state: 'queued' } : { eventId };
  await db.processedEvent.updateMany({ where, data: { state: outcome.state, error, finishedAt: now } });
}

/** Events still queued that were accepted before `before`, oldest first. */
export async function queuedEvents(db: Db, before: Date, limit: number): Promise<QueuedEvent[]> {
  return db.processedEvent.findMany({
    where: { state: 'queued', receivedAt: { lt: before } },
    select: { eventId: true, eventType: true, via: true, payload: true, receivedAt: true },
    orderBy: { receivedAt: 'asc' },
    take: limit,
  });
}

/** Gives up on events queued since before `before`: marks them failed and returns them. */
export async function abandonEvents(db: Db, before: Date, now: Date, reason: string): Promise<{ eventId: string; eventType: string }[]> {
  const stale = await db.processedEvent.findMany({ where: { state: 'queued', receivedAt: { lt: before } }, select: { eventId: true, eventType: true }, take: 1000 });
  if (stale.length) {
    await db.processedEvent.updateMany({
      where: { eventId: { in: stale.map((e) => e.eventId) }, state: 'queued' },
      data: { state: 'failed', error: reason, finishedAt: now },
    });
  }
  return stale;
}

/** Forgets events finished (done or failed) before `before`; queued ones are never purged here. */
export async function purgeFinishedEvents(db: Db, before: Date): Promise<number> {
  return (await db.processedEvent.deleteMany({ where: { state: { in: ['done', 'failed'] }, finishedAt: { lt: before } } })).count;
}
