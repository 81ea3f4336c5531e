/**
 * Accepting inbound events: record each — its id (and a message's
 * message_id) under a unique constraint, the verified envelope, how it came,
 * state 'queued' — then enqueue it. The record, not Redis, is the truth about
 * accepted work: the inbound worker marks it done or failed, and the minute
 * sweep re-enqueues (same job id) what Redis lost. A duplicate is dropped;
 * when the queue cannot take an event its record is undone and the caller
 * answers non-2xx, so Feishu delivers it again later. Shared by the webhook
 * and the long connection.
 *
 * The webhook accepts through createEventAcceptor: deliveries that arrive
 * while a batch is being accepted go together in the next one (one INSERT,
 * one addBulk), each answered only with its own outcome, once its event is
 * recorded and queued.
 */
import { enqueueEvents, type InboundJob } from '../../jobs/queues.js';
import type { Deps } from '../deps.js';
import { forgetEvents, recordEvents, type EventRecord } from '../store/accepted-events.js';
import { coalesce } from './coalesce.js';
import type { Envelope } from './envelope.js';
import { isStaleEvent } from './event-age.js';

/** 'stale': created longer ago than the de-duplication memory reaches (event-age.ts); dropped unhandled. */
export type Acceptance = 'accepted' | 'duplicate' | 'stale';

type AcceptDeps = Pick<Deps, 'db' | 'queues' | 'clock' | 'log' | 'metrics'>;

export interface Delivery {
  envelope: Envelope;
  via: InboundJob['via'];
}

const ENQUEUE_TIMEOUT_MS = 2000;
/** Most deliveries accepted in one batch (7 bound values each: far below SQLite's and PostgreSQL's limits). */
export const ACCEPT_BATCH = 100;

function messageIdOf(envelope: Envelope): string | null {
  if (envelope.header.event_type !== 'im.message.receive_v1') return null;
  const id = (envelope.event.message as { message_id?: unknown } | undefined)?.message_id;
  return typeof id === 'string' && id ? id : null;
}

/** Accepts one event on its own. */
export async function acceptEvent(deps: AcceptDeps, envelope: Envelope, via: InboundJob['via']): Promise<Acceptance> {
  const [outcome] = await acceptEvents(deps, [{ envelope, via }]);
  if (outcome!.status === 'rejected') throw outcome!.reason;
  return outcome!.value;
}

/**
 * Accepts deliveries as they come, in batches: one batch at a time, so a delivery
 * never races another's record and enqueue (a repeat waits for the first's outcome).
 */
export function createEventAcceptor(deps: AcceptDeps): (delivery: Delivery) => Promise<Acceptance> {
  return coalesce((batch: Delivery[]) => acceptEvents(deps, batch), { maxBatch: ACCEPT_BATCH, maxInFlight: 1 });
}

/**
 * Accepts a batch: one INSERT for all their records, one enqueue for those recorded now. An
 * outcome per delivery, in order. A delivery that repeats an earlier one of the batch (same
 * event id or message id) shares that one's fate: 'duplicate' once it is recorded (or was
 * already), rejected with it. When the store fails, the whole batch is rejected; when Redis
 * does, every event recorded by this batch is forgotten again and rejected. An event older than
 * the store's memory of events is 'stale': neither recorded nor queued.
 */
export async function acceptEvents(deps: AcceptDeps, deliveries: Delivery[]): Promise<PromiseSettledResult<Acceptance>[]> {
  const now = deps.clock.now();
  // The verification token has done its work; it is a secret, so neither the store nor Redis keeps it.
  const work = deliveries.map(({ envelope }): Envelope => {
    const { token: _token, ...header } = envelope.header;
    return { ...envelope, header };
  });
  const stale = deliveries.map(({ envelope }) => isStaleEvent(envelope.header.create_time, now.getTime()));
  if (stale.some(Boolean)) {
    const old = deliveries.filter((_, i) => stale[i]).map(({ envelope: { header } }) => ({ eventId: header.event_id, type: header.event_type, createTime: header.create_time }));
    deps.log.warn({ events: old.slice(0, 20), count: old.length }, 'events older than the de-duplication memory dropped unhandled (a replay?)');
  }
  const repeats = repeatsWithin(deliveries);
  const rows: EventRecord[] = [];
  deliveries.forEach(({ envelope, via }, i) => {
    if (repeats[i] !== null || stale[i]) return;
    const header = work[i]!.header;
    rows.push({ eventId: header.event_id, messageId: messageIdOf(envelope), eventType: header.event_type, via, payload: JSON.stringify(work[i]), receivedAt: now });
  });
  const recorded = await recordEvents(deps.db, rows);

  const fresh = deliveries.flatMap((_, i) => (repeats[i] === null && !stale[i] && recorded.has(work[i]!.header.event_id) ? [i] : []));
  let failure: Error | null = null;
  if (fresh.length) {
    try {
      await withTimeout(
        enqueueEvents(deps.queues, fresh.map((i) => ({ envelope: work[i]!, receivedAt: now.toISOString(), via: deliveries[i]!.via }))),
        ENQUEUE_TIMEOUT_MS,
      );
    } catch (e) {
      failure = e as Error;
      await forgetEvents(deps.db, fresh.map((i) => work[i]!.header.event_id)).catch((err: Error) =>
        deps.log.error({ err: err.message }, 'could not undo the records of events not queued'),
      );
    }
  }
  const isFresh = new Set(fresh);
  return deliveries.map(({ envelope, via }, i): PromiseSettledResult<Acceptance> => {
    const first = repeats[i] ?? i;
    if (isFresh.has(first) && failure) return { status: 'rejected', reason: failure };
    const outcome: Acceptance = stale[first] ? 'stale' : i === first && isFresh.has(i) ? 'accepted' : 'duplicate';
    deps.metrics.eventsReceived.inc({ type: envelope.header.event_type, via, outcome });
    return { status: 'fulfilled', value: outcome };
  });
}

/** For each delivery, the index of an earlier one of the batch with its event id or message id, else null. */
function repeatsWithin(deliveries: Delivery[]): (number | null)[] {
  const firstWith = new Map<string, number>();
  return deliveries.map(({ envelope }, i) => {
    const messageId = messageIdOf(envelope);
    const keys = [`event:${envelope.header.event_id}`, ...(messageId ? [`message:${messageId}`] : [])];
    for (const k of keys) {
      const first = firstWith.get(k);
      if (first !== undefined) return first;
    }
    for (const k of keys) firstWith.set(k, i);
    return null;
  });
}

export class TimeoutError extends Error {
  override name = 'TimeoutError';
}

export function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
