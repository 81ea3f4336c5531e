/**
 * Pushes events to the bot like Feishu: compact JSON, encrypted and signed, one POST per attempt.
 * Only HTTP 200 within ackTimeoutMs counts; otherwise the same envelope (same event_id) is pushed
 * again after each of redeliveryDelaysMs (real timers, unref'd; the `now` clock only stamps times).
 * UNCONFIRMED whether a re-push is signed anew: redeliveryHeaders 'fresh' (default) seals each attempt
 * with a new timestamp and nonce, 'original' sends the first attempt's exact bytes and headers again.
 * Card callbacks use `post` once: Feishu never redelivers them. Over the long connection the same
 * attempts go out as WebSocket frames, in plaintext (long-connection/gateway.ts).
 */
import { sealRequest } from './crypto.js';
import { LONG_CONNECTION } from './long-connection/gateway.js';
import type { Envelope } from './envelopes.js';
import type { DeliveryOutcome, DeliveryResult, SandboxNotice } from './types.js';

export interface DeliveryDeps {
  encryptKey: string;
  ackTimeoutMs: number;
  redeliveryDelaysMs: number[];
  redeliveryHeaders: 'fresh' | 'original';
  now: () => number;
  notify: (n: SandboxNotice) => void;
  /** Pushes a plaintext payload over the long connection (when `url` is LONG_CONNECTION). */
  pushOverLongConnection?: (payload: unknown, timeoutMs: number) => Promise<PostResult>;
}

export interface PostResult {
  status: number | null;
  outcome: DeliveryOutcome;
  ms: number;
  at: number;
  body: string;
}

export type Delivery = ReturnType<typeof createDelivery>;

type Sealed = ReturnType<typeof sealRequest>;

export function createDelivery(deps: DeliveryDeps) {
  const log: DeliveryResult[] = [];
  /** Every envelope pushed, by event_id: Feishu may push any of them again, even after an ack. */
  const sent = new Map<string, Envelope>();
  const timers = new Set<NodeJS.Timeout>();
  const inFlight = new Set<AbortController>();
  let closed = false;

  /** The first attempt's body and headers, by event_id (redeliveryHeaders 'original'). */
  const firstSealed = new Map<string, Sealed>();

  /** One POST; never rejects. `sign: false` for url_verification; `reuse`: these exact bytes and headers. */
  async function post(url: string, payload: unknown, timeoutMs: number, sign = true, reuse?: Sealed): Promise<PostResult> {
    if (url === LONG_CONNECTION && deps.pushOverLongConnection) return deps.pushOverLongConnection(payload, timeoutMs);
    const at = deps.now();
    const started = performance.now();
    const sealed = reuse ?? sealRequest(deps.encryptKey, payload, at);
    const headers = sign ? sealed.headers : {};
    const ctl = new AbortController();
    inFlight.add(ctl);
    const timer = setTimeout(() => ctl.abort(new Error('ack timeout')), timeoutMs);
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'Go-http-client/1.1 (fake-feishu)', ...headers },
        body: sealed.body,
        signal: ctl.signal,
      });
      const body = await res.text();
      const outcome: DeliveryOutcome = res.status === 200 ? 'acked' : 'rejected';
      return { status: res.status, outcome, ms: performance.now() - started, at, body };
    } catch {
      const outcome: DeliveryOutcome = ctl.signal.aborted ? 'timeout' : 'network_error';
      return { status: null, outcome, ms: performance.now() - started, at, body: '' };
    } finally {
      clearTimeout(timer);
      inFlight.delete(ctl);
    }
  }

  function record(r: DeliveryResult): DeliveryResult {
    log.push(r);
    deps.notify({ kind: 'delivery', delivery: { ...r } });
    return r;
  }

  async function attempt(url: string, env: Envelope, n: number): Promise<DeliveryResult> {
    sent.set(env.header.event_id, env);
    const first = firstSealed.get(env.header.event_id);
    const sealed = first && deps.redeliveryHeaders === 'original' ? first : sealRequest(deps.encryptKey, env, deps.now());
    if (!first) firstSealed.set(env.header.event_id, sealed);
    const r = await post(url, env, deps.ackTimeoutMs, true, sealed);
    return record({ eventId: env.header.event_id, eventType: env.header.event_type, attempt: n, ...r });
  }

  /** Redeliveries waiting or under way. */
  let pending = 0;

  function scheduleRetry(urlOf: () => string | null, env: Envelope, n: number): void {
    const delay = deps.redeliveryDelaysMs[n - 2];
    if (delay === undefined || closed) return;
    pending += 1;
    const t = setTimeout(() => {
      timers.delete(t);
      const url = urlOf();
      if (!url || closed) {
        pending -= 1;
        return;
      }
      void attempt(url, env, n).then((r) => {
        if (r.outcome !== 'acked') scheduleRetry(urlOf, env, n + 1);
        pending -= 1;
      });
    }, delay);
    t.unref();
    timers.add(t);
  }

  return {
    log,
    post,
    /** First attempt now; redeliveries in the background while the bot does not ack. */
    async deliver(urlOf: () => string | null, env: Envelope): Promise<DeliveryResult> {
      const url = urlOf();
      if (!url) throw new Error('fake Feishu: no events URL; call fake.setWebhook({ eventsUrl }) first');
      const r = await attempt(url, env, 1);
      if (r.outcome !== 'acked') scheduleRetry(urlOf, env, 2);
      return r;
    },
    /** Push an already-sent event again (same event_id; signed as redeliveryHeaders says): the at-least-once duplicate. */
    async again(urlOf: () => string | null, eventId: string): Promise<DeliveryResult> {
      const env = sent.get(eventId);
      const url = urlOf();
      if (!env) throw new Error(`fake Feishu: event ${eventId} was never sent`);
      if (!url) throw new Error('fake Feishu: no events URL; call fake.setWebhook({ eventsUrl }) first');
      const n = log.filter((d) => d.eventId === eventId).length + 1;
      return attempt(url, env, n);
    },
    /** Record a card callback in the delivery log (attempt 1, never retried). */
    record,
    pendingRedeliveries: () => (closed ? 0 : pending),
    close(): void {
      closed = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      for (const c of inFlight) c.abort(new Error('fake Feishu closed'));
    },
  };
}
