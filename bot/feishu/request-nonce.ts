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
 *
 * The receiver asks through createNonceBook: the reads and writes of concurrent
 * requests go to Redis together, one pipeline per turn of the event loop, in
 * the order they were asked (so a repeat asked after an answer's write sees it).
 */
import type { Deps } from '../deps.js';
import { coalesce } from './coalesce.js';
import { FUTURE_SKEW_SECONDS } from './verify.js';

export interface SignedRequest {
  timestamp: string;
  nonce: string;
}

type NonceDeps = Pick<Deps, 'redis' | 'config' | 'log'>;

const keyOf = (deps: NonceDeps, r: SignedRequest) => `${deps.config.QUEUE_PREFIX}:nonce:${r.timestamp}:${r.nonce}`;

export interface NonceBook {
  /** Whether this signed request was answered 2xx before; rejects when Redis is unreachable. */
  answeredBefore(r: SignedRequest): Promise<boolean>;
  /** Records a request answered 2xx; call it just before answering (a failure is logged, not thrown). */
  spend(r: SignedRequest): Promise<void>;
}

type NonceOp = { op: 'read' | 'spend'; r: SignedRequest };

/** Most nonce commands in one pipeline. */
const NONCE_PIPELINE = 500;

export function createNonceBook(deps: NonceDeps): NonceBook {
  const ttl = deps.config.SIGNATURE_WINDOW_SECONDS + FUTURE_SKEW_SECONDS;
  const run = coalesce(
    async (ops: NonceOp[]): Promise<PromiseSettledResult<boolean>[]> => {
      const commands = ops.map(({ op, r }) => (op === 'read' ? ['exists', keyOf(deps, r)] : ['set', keyOf(deps, r), '1', 'EX', String(ttl)]));
      let replies: [Error | null, unknown][];
      try {
        replies = (await deps.redis.pipeline(commands).exec()) ?? [];
      } catch (e) {
        replies = ops.map(() => [e as Error, null]);
      }
      return ops.map((_, i) => {
        const [err, reply] = replies[i] ?? [new Error('no reply'), null];
        return err ? { status: 'rejected', reason: err } : { status: 'fulfilled', value: reply === 1 };
      });
    },
    { maxBatch: NONCE_PIPELINE, maxInFlight: Infinity },
  );
  return {
    answeredBefore: (r) =>
      run({ op: 'read', r }).catch((e: Error) => {
        throw new Error(`redis unavailable: ${e.message}`);
      }),
    spend: (r) =>
      run({ op: 'spend', r }).then(
        () => undefined,
        (e: Error) => deps.log.warn({ err: e.message }, 'could not record a request nonce; a repeat will be de-duplicated on its event id'),
      ),
  };
}
