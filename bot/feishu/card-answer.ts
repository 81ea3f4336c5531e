/**
 * Answering a card click, the same way on the webhook and the long connection:
 * within Feishu's 3 s, whatever the store or the answer does. Acceptance
 * (record + enqueue) gets 2 s; past that, or when it fails, the click is
 * answered with the fallback toast and its acceptance retried in the
 * background — Feishu never redelivers a callback, so a click not accepted
 * now is lost. The answer itself (a toast or a new card) must be out by 2.5 s.
 */
import type { Deps } from '../deps.js';
import { acceptEvent, withTimeout } from './accept-event.js';
import type { Envelope } from './envelope.js';

/** Answers a card click at once (a toast or a new card); the slow work is queued. */
export type CardResponder = (envelope: Envelope) => Promise<Record<string, unknown>>;

export const CARD_ANSWER_BUDGET_MS = 2500;
/** How long recording and enqueueing may take before the answer goes out anyway. */
export const ACCEPT_BUDGET_MS = 2000;
const CARD_RETRY_MS = [0, 1000, 2000, 4000, 8000, 16_000];
export const FALLBACK_CARD_ANSWER = { toast: { type: 'info', content: '已收到，正在处理' } };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Budget {
  /** Resolves when the budget is spent. */
  over: Promise<void>;
  cancel(): void;
}

/** Resolves `over` after `ms` unless cancelled first: a timer, not a clock reading. */
export function budgetTimer(ms: number): Budget {
  let timer: NodeJS.Timeout | undefined;
  const over = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  return { over, cancel: () => clearTimeout(timer) };
}

type CardDeps = Pick<Deps, 'db' | 'queues' | 'clock' | 'log' | 'metrics'>;

/**
 * Accepts a verified click and answers it within `budget` (started by the caller, when the
 * request arrived). A duplicate or stale click is answered `{}`.
 */
export async function answerCardClick(deps: CardDeps, envelope: Envelope, respond: CardResponder, budget: Budget): Promise<Record<string, unknown>> {
  const accepting = acceptEvent(deps, envelope, 'card');
  let acceptance;
  try {
    acceptance = await withTimeout(accepting, ACCEPT_BUDGET_MS);
  } catch {
    void keepAccepting(deps, envelope, accepting);
    return FALLBACK_CARD_ANSWER;
  }
  if (acceptance !== 'accepted') return {};
  return Promise.race([
    respond(envelope).catch((e: Error) => {
      deps.log.warn({ err: e.message }, 'card answer failed; answering with a toast');
      return FALLBACK_CARD_ANSWER;
    }),
    budget.over.then(() => {
      deps.log.warn('card answer fell back to a toast (too slow)');
      return FALLBACK_CARD_ANSWER;
    }),
  ]);
}

/** After answering, keep trying to record and enqueue the click for a while (the first try may still succeed). */
async function keepAccepting(deps: CardDeps, envelope: Envelope, first: Promise<unknown>): Promise<void> {
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
