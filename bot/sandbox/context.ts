/** The fake platform's parts, handed to every route and user action as one plain object. */
import type { BuzzStore } from './buzzes.js';
import type { CardRules } from './card-validator.js';
import type { Delivery } from './delivery.js';
import type { Directory } from './directory.js';
import type { AppIdentity } from './envelopes.js';
import type { FaultState } from './faults.js';
import type { FileStore } from './file-store.js';
import type { Gateway } from './long-connection/gateway.js';
import type { Limits } from './limits.js';
import type { MessageStore } from './message-store.js';
import type { TokenStore } from './tokens.js';
import type { ApiCall } from './types.js';

export interface SandboxContext {
  app: AppIdentity & { appSecret: string; appName: string; encryptKey: string };
  settings: {
    duplicateUuid: 'return-original' | 'error';
    /** null: off. */
    sendInFlightMs: number | null;
    batchGetIdMisses: 'omit' | 'without-id';
    batchGetIdEcho: 'as-sent' | 'normalized';
    cardCallbackIds: 'context' | 'root';
    emptyMentions: 'omit' | 'null';
    tokenErrorStatus: number;
    ackTimeoutMs: number;
    /** What send, reply and patch apply to cards (content-check.ts). */
    cards: { bodyLimitBytes: number; rules: CardRules };
  };
  now: () => number;
  directory: Directory;
  messages: MessageStore;
  files: FileStore;
  /** Buzzes (加急) accepted, unread counts, the SMS/phone quota. */
  buzzes: BuzzStore;
  tokens: TokenStore;
  limits: Limits;
  faults: FaultState;
  delivery: Delivery;
  /** uuids of sends whose answer is not written yet (sendInFlightMs). */
  sendingUuids: Set<string>;
  /** Cards with a callback in flight: a PATCH meanwhile fails with "card action is lock". */
  cardLocks: Set<string>;
  /** Where the bot listens: URLs, or LONG_CONNECTION (long-connection/gateway.ts). */
  webhook: { eventsUrl: string | null; cardsUrl: string | null };
  /** The WebSocket side of the long connection. */
  longConnection: Gateway;
  calls: ApiCall[];
}
