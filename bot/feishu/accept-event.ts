/**
 * Accepting an inbound event: record its id (and a message's message_id)
 * under a unique constraint, then enqueue it. A duplicate is dropped; when the
 * queue cannot take it the record is undone and the caller answers non-2xx,
 * so Feishu delivers it again later. Shared by the webhook and the long
 * connection.
 */
import { jobIdFor, type InboundJob } from '../../jobs/queues.js';
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
  deps: Pick<Deps, 'db' | 'queues' | 'clock' | 'log'>,
  envelope: Envelope,
  via: InboundJob['via'],
): Promise<Acceptance> {
  const eventId = envelope.header.event_id;
  const messageId = messageIdOf(envelope);
  const now = deps.clock.now();
  try {
    await deps.db.processedEvent.create({ data: { eventId, messageId, eventType: envelope.header.event_type, receivedAt: now } });
  } catch (e) {
    if (isUniqueViolation(e)) return 'duplicate';
    throw e;
  }
  try {
    await withTimeout(
      deps.queues.inbound.add(envelope.header.event_type, { envelope, receivedAt: now.toISOString(), via }, { jobId: jobIdFor('evt', eventId) }),
      ENQUEUE_TIMEOUT_MS,
    );
  } catch (e) {
    await deps.db.processedEvent.delete({ where: { eventId } }).catch(() => undefined);
    throw e;
  }
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
