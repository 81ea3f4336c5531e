/**
 * The webhook: POST /feishu/events and POST /feishu/cards.
 * verify → de-duplicate → enqueue → answer, well within Feishu's 3 seconds;
 * forged, stale, malformed or oversized requests are refused with a 4xx and
 * never reach a handler.
 */
import express, { type Request, type Response } from 'express';
import type { Deps } from '../deps.js';
import { acceptEvent, TimeoutError, withTimeout } from './accept-event.js';
import { createOriginCheck, type OriginCheck } from './check-origin.js';
import { challengeSchema, envelopeSchema, type Envelope } from './envelope.js';
import { decrypt, Refused, sameSecret, verifySignature } from './verify.js';

/** Answers a card click at once (a toast or a new card); the slow work is queued. */
export type CardResponder = (envelope: Envelope) => Promise<Record<string, unknown>>;

const CARD_ANSWER_BUDGET_MS = 2500;
/** How long recording and enqueueing may take before the answer goes out anyway. */
const ACCEPT_BUDGET_MS = 2000;
const CARD_RETRY_MS = [0, 1000, 2000, 4000, 8000, 16_000];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const FALLBACK_CARD_ANSWER = { toast: { type: 'info', content: '已收到，正在处理' } };

export function createReceiver(deps: Deps, respondToCard: CardResponder): express.Router {
  const router = express.Router();
  const raw = express.raw({ type: () => true, limit: deps.config.MAX_BODY_BYTES });
  const origin = createOriginCheck(deps);
  router.post('/feishu/events', raw, (req, res) => void handle(deps, origin, req, res, 'event', respondToCard));
  router.post('/feishu/cards', raw, (req, res) => void handle(deps, origin, req, res, 'card', respondToCard));
  router.use((err: { status?: number; type?: string }, _req: Request, res: Response, _next: unknown) => {
    const status = err.type === 'entity.too.large' ? 413 : err.status && err.status < 500 ? err.status : 400;
    deps.metrics.eventsRefused.inc({ reason: err.type ?? 'bad request' });
    deps.log.warn({ status, reason: err.type ?? 'bad request' }, 'feishu request refused');
    res.status(status).json({ msg: err.type ?? 'bad request' });
  });
  return router;
}

async function handle(deps: Deps, origin: OriginCheck, req: Request, res: Response, kind: 'event' | 'card', respondToCard: CardResponder): Promise<void> {
  // A card's whole answer, acceptance included, must be out within the budget: a timer, not a clock reading.
  const budget = budgetTimer(CARD_ANSWER_BUDGET_MS);
  try {
    const outcome = await open(deps, origin, req);
    if ('challenge' in outcome) {
      res.json({ challenge: outcome.challenge });
      return;
    }
    const envelope = outcome.envelope;
    // A slow store or Redis must not hold the answer past Feishu's 3 s: the acceptance goes on in the
    // background; an event is answered 503 (Feishu redelivers; a late success makes that a duplicate),
    // a card click (never redelivered) gets the fallback toast.
    const accepting = acceptEvent(deps, envelope, kind === 'card' ? 'card' : 'webhook');
    let acceptance;
    try {
      acceptance = await withTimeout(accepting, ACCEPT_BUDGET_MS);
    } catch (e) {
      if (kind === 'card') {
        void keepAccepting(deps, envelope, accepting);
        res.json(FALLBACK_CARD_ANSWER);
        return;
      }
      if (e instanceof TimeoutError) accepting.catch((err: Error) => deps.log.error({ err: err.message, eventId: envelope.header.event_id }, 'late acceptance failed'));
      deps.log.error({ err: (e as Error).message, eventId: envelope.header.event_id }, 'could not enqueue event; asking Feishu to redeliver');
      deps.metrics.eventsRefused.inc({ reason: 'temporarily unavailable' });
      res.status(503).json({ msg: 'temporarily unavailable' });
      return;
    }
    if (kind === 'event') {
      res.json({});
      return;
    }
    if (acceptance === 'duplicate') {
      res.json({});
      return;
    }
    const answer = await Promise.race([
      respondToCard(envelope).catch((e: Error) => {
        deps.log.warn({ err: e.message }, 'card answer failed; answering with a toast');
        return FALLBACK_CARD_ANSWER;
      }),
      budget.over.then(() => {
        deps.log.warn('card answer fell back to a toast (too slow)');
        return FALLBACK_CARD_ANSWER;
      }),
    ]);
    res.json(answer);
  } catch (e) {
    if (e instanceof Refused) {
      deps.metrics.eventsRefused.inc({ reason: e.reason });
      deps.log.warn({ status: e.status, reason: e.reason, path: req.path }, 'feishu request refused');
      res.status(e.status).json({ msg: e.reason });
      return;
    }
    deps.log.error({ err: (e as Error).message }, 'receiver failed');
    if (!res.headersSent) res.status(503).json({ msg: 'temporarily unavailable' });
  } finally {
    budget.cancel();
  }
}

/** Resolves `over` after `ms` unless cancelled first. */
function budgetTimer(ms: number): { over: Promise<void>; cancel(): void } {
  let timer: NodeJS.Timeout | undefined;
  const over = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  return { over, cancel: () => clearTimeout(timer) };
}

/** A card click is never redelivered: after answering, keep trying to record and enqueue it for a while. */
async function keepAccepting(deps: Deps, envelope: Envelope, first: Promise<unknown>): Promise<void> {
  const eventId = envelope.header.event_id;
  for (const wait of CARD_RETRY_MS) {
    try {
      await (wait === 0 ? first : sleep(wait).then(() => acceptEvent(deps, envelope, 'card')));
      return;
    } catch (e) {
      deps.log.warn({ err: (e as Error).message, eventId }, 'card click not accepted yet; retrying');
    }
  }
  deps.log.error({ eventId }, 'card click could not be queued; it is lost');
}

type Opened = { challenge: string } | { envelope: Envelope };

/** Authenticates and decodes one request, or throws Refused. */
async function open(deps: Deps, origin: OriginCheck, req: Request): Promise<Opened> {
  const { config } = deps;
  const rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  const outer = parseJson(rawBody.toString('utf8'));
  const headers = {
    timestamp: req.header('x-lark-request-timestamp'),
    nonce: req.header('x-lark-request-nonce'),
    signature: req.header('x-lark-signature'),
  };
  let inner: unknown = outer;
  let signed = false;
  if (config.FEISHU_ENCRYPT_KEY) {
    if (typeof outer.encrypt !== 'string') throw new Refused(401, 'unencrypted body refused');
    if (headers.signature || headers.timestamp || headers.nonce) {
      verifySignature(headers, config.FEISHU_ENCRYPT_KEY, rawBody, deps.clock.now().getTime(), config.SIGNATURE_WINDOW_SECONDS);
      signed = true;
    }
    inner = parseJson(decrypt(config.FEISHU_ENCRYPT_KEY, outer.encrypt));
  }

  const challenge = challengeSchema.safeParse(inner);
  if (challenge.success) {
    checkToken(config.FEISHU_VERIFICATION_TOKEN, challenge.data.token);
    return { challenge: challenge.data.challenge };
  }
  // Everything but the URL check must be signed when there is a key.
  if (config.FEISHU_ENCRYPT_KEY && !signed) throw new Refused(401, 'missing signature headers');
  const parsed = envelopeSchema.safeParse(inner);
  if (!parsed.success) throw new Refused(400, 'not a v2 event envelope');
  const envelope = parsed.data;
  checkToken(config.FEISHU_VERIFICATION_TOKEN, envelope.header.token);
  await origin(envelope.header);
  if (signed) await rememberNonce(deps, headers.nonce!, headers.timestamp!);
  return { envelope };
}

function parseJson(text: string): Record<string, unknown> {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw new Refused(400, 'invalid JSON');
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Refused(400, 'body is not a JSON object');
  return v as Record<string, unknown>;
}

function checkToken(expected: string, given: string | undefined): void {
  if (!expected) return;
  if (!given || !sameSecret(expected, given)) throw new Refused(401, 'wrong verification token');
}

/** A signed request is accepted once: replaying its nonce within the window is refused. */
async function rememberNonce(deps: Deps, nonce: string, timestamp: string): Promise<void> {
  const key = `${deps.config.QUEUE_PREFIX}:nonce:${timestamp}:${nonce}`;
  const ttl = deps.config.SIGNATURE_WINDOW_SECONDS * 2;
  let fresh: string | null;
  try {
    fresh = await deps.redis.set(key, '1', 'EX', ttl, 'NX');
  } catch {
    // Redis is down: the event could not be queued either; let Feishu retry.
    throw Object.assign(new Error('redis unavailable'), { redis: true });
  }
  if (fresh !== 'OK') throw new Refused(401, 'replayed request');
}
