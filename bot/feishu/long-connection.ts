/**
 * Long-connection mode (FEISHU_MODE=websocket): the SDK's WSClient dials out
 * to Feishu, so no public URL is needed (usual on government intranets). Events
 * arrive authenticated and in plaintext and go through the same
 * origin check (app and tenant) and de-duplicate → enqueue path as the
 * webhook; a throw makes Feishu re-push, so a refused event is dropped
 * (logged, counted) without one. A card click is answered as on the webhook
 * (bot/feishu/card-answer.ts): within 2.5 s, with the fallback toast when the
 * store is slow, and its acceptance retried — callbacks are never re-pushed.
 * main.ts loads this file (and with it the SDK) only in this mode.
 */
import type * as Lark from '@larksuiteoapi/node-sdk';
import type { Deps } from '../deps.js';
import { acceptEvent } from './accept-event.js';
import { answerCardClick, budgetTimer, CARD_ANSWER_BUDGET_MS, type CardResponder } from './card-answer.js';
import { createOriginCheck } from './check-origin.js';
import { envelopeSchema, type Envelope } from './envelope.js';
import { larkDomain, loadSdk } from './messenger.js';
import { Refused } from './verify.js';

// Through loadSdk, so this mode shares the messenger's one copy of the SDK.
const lark = await loadSdk();

const HEADER_KEYS = ['event_id', 'event_type', 'create_time', 'app_id', 'tenant_key'] as const;

/** The SDK hands handlers `{schema, ...header, ...event}`; rebuild the envelope from it. */
export function envelopeFromFlat(data: Record<string, unknown>): Envelope {
  const header: Record<string, unknown> = {};
  const event: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) {
    if (k === 'schema') continue;
    if ((HEADER_KEYS as readonly string[]).includes(k)) header[k] = v;
    else event[k] = v;
  }
  return envelopeSchema.parse({ schema: '2.0', header, event });
}

export function createWsDispatcher(deps: Deps, respondToCard: CardResponder): Lark.EventDispatcher {
  const origin = createOriginCheck(deps);
  /** The envelope of a pushed event, or null when it is not this app's and tenant's (logged, counted, dropped). */
  const admit = async (data: Record<string, unknown>, via: 'websocket' | 'card'): Promise<Envelope | null> => {
    const envelope = envelopeFromFlat(data);
    try {
      await origin(envelope.header);
      return envelope;
    } catch (e) {
      if (!(e instanceof Refused)) throw e;
      deps.metrics.eventsRefused.inc({ reason: e.reason });
      deps.log.warn({ reason: e.reason, via, eventId: envelope.header.event_id }, 'feishu event refused');
      return null;
    }
  };
  const acceptMessage = async (d: Record<string, unknown>) => {
    const envelope = await admit(d, 'websocket');
    if (envelope) await acceptEvent(deps, envelope, 'websocket');
  };
  type Flat = Record<string, unknown>;
  const handles: Record<string, (d: Flat) => Promise<unknown>> = {
    'im.message.receive_v1': acceptMessage,
    'im.chat.member.bot.added_v1': acceptMessage,
    'card.action.trigger': async (d) => {
      const budget = budgetTimer(CARD_ANSWER_BUDGET_MS);
      try {
        const envelope = await admit(d, 'card');
        return envelope ? await answerCardClick(deps, envelope, respondToCard, budget) : {};
      } finally {
        budget.cancel();
      }
    },
  };
  // The SDK's handler map is typed per event; ours takes the flat object as a record.
  return new lark.EventDispatcher({ logger: { error: () => {}, warn: () => {}, info: () => {}, debug: () => {}, trace: () => {} } }).register(handles as never);
}

/**
 * Dials out and keeps the connection (the SDK reconnects on its own). start() does not wait for the
 * connection: readiness is logged when it opens, and a refusal Feishu will not take back (wrong App
 * ID or Secret, too many connections) is logged as an error naming what to fix.
 */
export function startLongConnection(deps: Deps, respondToCard: CardResponder): { close(): void } {
  if (!/^cli_[0-9a-fA-F]{16}$/.test(deps.config.FEISHU_APP_ID)) {
    // The SDK's own check: it would log "invalid appId" and never connect.
    deps.log.error('FEISHU_APP_ID 不是飞书应用的 App ID（cli_ 加 16 位十六进制），长连接未启动。 FEISHU_APP_ID is not an App ID (cli_ + 16 hex digits): the long connection is not started.');
  }
  const sdkLine = (...args: unknown[]) => args.map(String).join(' ');
  const client = new lark.WSClient({
    appId: deps.config.FEISHU_APP_ID,
    appSecret: deps.config.FEISHU_APP_SECRET,
    domain: larkDomain(lark, deps.config.FEISHU_DOMAIN),
    loggerLevel: lark.LoggerLevel.warn,
    // The SDK's lines go to our log (its own default is the console).
    logger: {
      error: (...a: unknown[]) => deps.log.error({ sdk: sdkLine(...a) }, 'feishu long connection'),
      warn: (...a: unknown[]) => deps.log.warn({ sdk: sdkLine(...a) }, 'feishu long connection'),
      info: () => {},
      debug: () => {},
      trace: () => {},
    },
    onReady: () => deps.log.info('feishu long connection open'),
    onError: (e: Error) =>
      deps.log.error(
        { err: e.message },
        '飞书长连接无法建立，请检查 FEISHU_APP_ID 与 FEISHU_APP_SECRET，并确认应用为企业自建应用。 The Feishu long connection was refused: check FEISHU_APP_ID and FEISHU_APP_SECRET (self-built apps only).',
      ),
  });
  void client.start({ eventDispatcher: createWsDispatcher(deps, respondToCard) });
  return { close: () => client.close({ force: true }) };
}
