/**
 * The webhook: POST /feishu/events and POST /feishu/cards.
 * verify → de-duplicate → enqueue → answer, well within Feishu's 3 seconds;
 * forged, stale, malformed or oversized requests are refused with a 4xx and
 * never reach a handler. Redelivery: a signature is good for
 * SIGNATURE_WINDOW_SECONDS (8 h: Feishu re-pushes after about 15 s, 5 min,
 * 1 h and 6 h, perhaps with the first attempt's headers), and the
 * event_id/message_id de-duplication is the replay guard: an exact repeat of a
 * request answered 2xx meets its own record and is answered 2xx with no second
 * effect; one answered 503 left no record and is accepted anew.
 */
import express, { type Request, type Response } from 'express';
import type { Deps } from '../deps.js';
import { createEventAcceptor, TimeoutError, withTimeout, type Acceptance, type Delivery } from './accept-event.js';
import { ACCEPT_BUDGET_MS, answerCardClick, budgetTimer, CARD_ANSWER_BUDGET_MS, type CardResponder } from './card-answer.js';
import { createOriginCheck, type OriginCheck } from './check-origin.js';
import { challengeSchema, envelopeSchema, type Envelope } from './envelope.js';
import { decrypt, Refused, sameSecret, verifySignature } from './verify.js';

export type { CardResponder };

export function createReceiver(deps: Deps, respondToCard: CardResponder): express.Router {
  const router = express.Router();
  const raw = express.raw({ type: () => true, limit: deps.config.MAX_BODY_BYTES });
  const origin = createOriginCheck(deps);
  // Concurrent deliveries go together: recorded and queued in batches (bot/feishu/accept-event.ts).
  const accept = createEventAcceptor(deps);
  router.post('/feishu/events', raw, (req, res) => void handle(deps, origin, accept, req, res, 'event', respondToCard));
  router.post('/feishu/cards', raw, (req, res) => void handle(deps, origin, accept, req, res, 'card', respondToCard));
  router.use((err: { status?: number; type?: string }, _req: Request, res: Response, _next: unknown) => {
    const status = err.type === 'entity.too.large' ? 413 : err.status && err.status < 500 ? err.status : 400;
    deps.metrics.eventsRefused.inc({ reason: err.type ?? 'bad request' });
    deps.log.warn({ status, reason: err.type ?? 'bad request' }, 'feishu request refused');
    res.status(status).json({ msg: err.type ?? 'bad request' });
  });
  return router;
}

type Accept = (delivery: Delivery) => Promise<Acceptance>;

async function handle(deps: Deps, origin: OriginCheck, accept: Accept, req: Request, res: Response, kind: 'event' | 'card', respondToCard: CardResponder): Promise<void> {
  // A card's whole answer, acceptance included, must be out within the budget: a timer, not a clock reading.
  // An event needs none: its acceptance has its own (ACCEPT_BUDGET_MS).
  const budget = kind === 'card' ? budgetTimer(CARD_ANSWER_BUDGET_MS) : null;
  try {
    const outcome = await open(deps, origin, req);
    if ('challenge' in outcome) {
      res.json({ challenge: outcome.challenge });
      return;
    }
    const { envelope } = outcome;
    if (kind === 'card') {
      res.json(await answerCardClick(deps, envelope, respondToCard, budget!));
      return;
    }
    // A slow store or Redis must not hold the answer past Feishu's 3 s: the acceptance goes on in the
    // background and the event is answered 503 (Feishu redelivers; a late success makes that a duplicate).
    const accepting = accept({ envelope, via: 'webhook' });
    try {
      await withTimeout(accepting, ACCEPT_BUDGET_MS);
    } catch (e) {
      if (e instanceof TimeoutError) accepting.catch((err: Error) => deps.log.error({ err: err.message, eventId: envelope.header.event_id }, 'late acceptance failed'));
      deps.log.error({ err: (e as Error).message, eventId: envelope.header.event_id }, 'could not enqueue event; asking Feishu to redeliver');
      deps.metrics.eventsRefused.inc({ reason: 'temporarily unavailable' });
      res.status(503).json({ msg: 'temporarily unavailable' });
      return;
    }
    res.json({});
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
    budget?.cancel();
  }
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
  if (config.FEISHU_ENCRYPT_KEY && typeof outer.encrypt !== 'string') throw new Refused(401, 'unencrypted body refused');
  const encrypted = config.FEISHU_ENCRYPT_KEY ? (outer.encrypt as string) : null;

  // Everything but the URL check must be signed when there is a key; the signature is checked before decrypting.
  let signed = false;
  let refusal: Refused | null = null;
  if (encrypted !== null) {
    try {
      verifySignature(headers, config.FEISHU_ENCRYPT_KEY, rawBody, deps.clock.now().getTime(), config.SIGNATURE_WINDOW_SECONDS);
      signed = true;
    } catch (e) {
      if (!(e instanceof Refused)) throw e;
      refusal = e;
    }
  }
  const inner = encrypted === null ? outer : signed ? parseJson(decrypt(config.FEISHU_ENCRYPT_KEY, encrypted)) : tryDecrypt(config.FEISHU_ENCRYPT_KEY, encrypted);

  // The URL check is exempt from signature checking ("不包括请求网址校验"):
  // https://open.feishu.cn/document/ukTMukTMukTM/uYDNxYjL2QTM24iN0EjN/event-subscription-configure-/encrypt-key-encryption-configuration-case
  // so it is answered whatever signature headers it carries (none, stale, forged), once decrypted
  // with the Encrypt Key and its verification token checked.
  const challenge = challengeSchema.safeParse(inner);
  if (challenge.success) {
    checkToken(config.FEISHU_VERIFICATION_TOKEN, challenge.data.token);
    return { challenge: challenge.data.challenge };
  }
  if (refusal) throw refusal;
  const parsed = envelopeSchema.safeParse(inner);
  if (!parsed.success) throw new Refused(400, 'not a v2 event envelope');
  const envelope = parsed.data;
  checkToken(config.FEISHU_VERIFICATION_TOKEN, envelope.header.token);
  await origin(envelope.header);
  return { envelope };
}

/** The decrypted JSON body, or null: a body whose signature failed is only decrypted to look for the URL check. */
function tryDecrypt(encryptKey: string, encrypted: string): unknown {
  try {
    return JSON.parse(decrypt(encryptKey, encrypted));
  } catch {
    return null;
  }
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
