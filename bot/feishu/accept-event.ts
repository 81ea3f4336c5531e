/**
 * Accepting an inbound event: record it — its id (and a message's
 * message_id) under a unique constraint, the verified envelope, how it came,
 * state 'queued' — in one insert, then enqueue it. The record, not Redis, is
 * the truth about accepted work: the inbound worker marks it done or failed,
 * and the minute sweep re-enqueues (same job id) what Redis lost. A duplicate
 * is dropped; when the queue cannot take it the record is undone and the
 * caller answers non-2xx, so Feishu delivers it again later. Shared by the
 * webhook and the long connection.
 */
import { enqueueEvent, type InboundJob } from '../../jobs/queues.js';
import type { Deps } from '../deps.js';
import type { Envelope } from './envelope.js';

export type Acceptance = 'accepted' | 'duplicate';

const ENQUEUE_TIMEOUT_MS = 2000;

function messageIdOf(envelope: Envelope): string | null {
  if (envelope.header.event_type !== 'im.message.receive_v1') return null;
  const id = (envelope.event.message as { message_id?: unknown } | undefined)?.message_id;
  return typeof id === 'string' && id ? id : null;
}

function isUniqueViolation(e: unknown): boolean {
  return (e as { code?: string })?.code === 'P2002';
}

export async function acceptEvent(
  deps: Pick<Deps, 'db' | 'queues' | 'clock' | 'log' | 'metrics'>,
  envelope: Envelope,
  via: InboundJob['via'],
): Promise<Acceptance> {
  const eventId = envelope.header.event_id;
  const messageId = messageIdOf(envelope);
  const now = deps.clock.now();
  // The verification token has done its work; it is a secret, so neither the store nor Redis keeps it.
  const { token: _token, ...header } = envelope.header;
  const work: Envelope = { ...envelope, header };
  try {
    await deps.db.processedEvent.create({
      data: { eventId, messageId, eventType: header.event_type, via, payload: JSON.stringify(work), state: 'queued', receivedAt: now },
      // Nothing is read back: not the payload just written.
      select: { eventId: true },
    });
  } catch (e) {
    if (isUniqueViolation(e)) {
      deps.metrics.eventsReceived.inc({ type: envelope.header.event_type, via, outcome: 'duplicate' });
      return 'duplicate';
    }
    throw e;
  }
  try {
    await withTimeout(
      enqueueEvent(deps.queues, { envelope: work, receivedAt: now.toISOString(), via }),
      ENQUEUE_TIMEOUT_MS,
    );
  } catch (e) {
    await deps.db.processedEvent.delete({ where: { eventId } }).catch(() => undefined);
    throw e;
  }
  deps.metrics.eventsReceived.inc({ type: envelope.header.event_type, via, outcome: 'accepted' });
  return 'accepted';
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
