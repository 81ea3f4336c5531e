/**
 * Signed requests already answered 2xx, by timestamp and nonce (Redis, kept as
 * long as the signature window). An exact repeat of one is answered 2xx at
 * once with no second effect; a request answered otherwise (a 503 while the
 * store was down) leaves no trace, so Feishu's re-push — which may carry the
 * first attempt's headers, hours later — is handled normally. The replay guard
 * proper is the event_id/message_id de-duplication (bot/feishu/accept-event.ts):
 * this only spares a repeat the store round trip. Redis unreachable on the read:
 * the request is answered 503 at once (the event could not be queued either, and
 * Feishu re-pushes it); on the write after a 2xx: logged, and a repeat then
 * reaches the de-duplication.
 */
import type { Deps } from '../deps.js';
import { FUTURE_SKEW_SECONDS } from './verify.js';

export interface SignedRequest {
  timestamp: string;
  nonce: string;
}

type NonceDeps = Pick<Deps, 'redis' | 'config' | 'log'>;

const keyOf = (deps: NonceDeps, r: SignedRequest) => `${deps.config.QUEUE_PREFIX}:nonce:${r.timestamp}:${r.nonce}`;

/** Whether this signed request was answered 2xx before; throws when Redis is unreachable. */
export async function answeredBefore(deps: NonceDeps, r: SignedRequest): Promise<boolean> {
  try {
    return (await deps.redis.exists(keyOf(deps, r))) === 1;
  } catch (e) {
    throw new Error(`redis unavailable: ${(e as Error).message}`);
  }
}

/** Records a request answered 2xx; call it just before answering. */
export async function spendNonce(deps: NonceDeps, r: SignedRequest): Promise<void> {
  const ttl = deps.config.SIGNATURE_WINDOW_SECONDS + FUTURE_SKEW_SECONDS;
  try {
    await deps.redis.set(keyOf(deps, r), '1', 'EX', ttl);
  } catch (e) {
    deps.log.warn({ err: (e as Error).message }, 'could not record a request nonce; a repeat will be de-duplicated on its event id');
  }
}
