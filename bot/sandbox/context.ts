/** The fake platform's parts, handed to every route and user action as one plain object. */
import type { Delivery } from './delivery.js';
import type { Directory } from './directory.js';
import type { AppIdentity } from './envelopes.js';
import type { FaultState } from './faults.js';
import type { FileStore } from './file-store.js';
import type { Limits } from './limits.js';
import type { MessageStore } from './message-store.js';
import type { TokenStore } from './tokens.js';
import type { ApiCall } from './types.js';

export interface SandboxContext {
  app: AppIdentity & { appSecret: string; appName: string; encryptKey: string };
  settings: {
    duplicateUuid: 'return-original' | 'error';
    batchGetIdMisses: 'omit' | 'without-id';
    batchGetIdEcho: 'as-sent' | 'normalized';
    cardCallbackIds: 'context' | 'root';
    emptyMentions: 'omit' | 'null';
    tokenErrorStatus: number;
    ackTimeoutMs: number;
  };
  now: () => number;
  directory: Directory;
  messages: MessageStore;
  files: FileStore;
  tokens: TokenStore;
  limits: Limits;
  faults: FaultState;
  delivery: Delivery;
  /** Cards with a callback in flight: a PATCH meanwhile fails with "card action is lock". */
  cardLocks: Set<string>;
  /** Where the bot listens. */
  webhook: { eventsUrl: string | null; cardsUrl: string | null };
  calls: ApiCall[];
}
