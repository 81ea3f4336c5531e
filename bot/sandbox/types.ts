/** Public types of the fake Feishu Open Platform. */

export interface FakeFeishuOptions {
  appId: string;
  appSecret: string;
  /** Empty string = no Encrypt Key: events go out in plaintext, unsigned (as Feishu does). */
  encryptKey: string;
  verificationToken: string;
  /** 0 (default) = a free port. */
  port?: number;
  /** Lifetime of a tenant token; Feishu: 7200. */
  tokenTtlSeconds?: number;
  /** Waits before each redelivery of an unacknowledged event; Feishu: 15 s, 5 min, 1 h, 6 h. */
  redeliveryDelaysMs?: number[];
  /** A delivery (or card callback) not answered HTTP 200 within this is a failure; Feishu: 3000. */
  ackTimeoutMs?: number;
  /** ms clock for token expiry, create_time, the uuid window, the 14-day rule and rate windows. */
  now?: () => number;
  /**
   * UNCONFIRMED in the contract: what a send with a uuid already used within the hour returns.
   * 'return-original' (default): HTTP 200 with the first message; 'error': HTTP 400 code 230049.
   */
  duplicateUuid?: 'return-original' | 'error';
  /**
   * UNCONFIRMED: Feishu documents 230049 "the message is being sent" for a send. When set, a send with a
   * uuid stays in flight until its answer is written (slowAnswers holds that back) and until this many
   * ms after its request (on the `now` clock); a repeat of its uuid meanwhile is answered HTTP 400
   * code 230049, after it as `duplicateUuid` says. Default: off (repeats always get `duplicateUuid`).
   */
  sendInFlightMs?: number;
  /**
   * UNCONFIRMED whether a re-push is signed anew: 'fresh' (default) signs each redelivery with a new
   * timestamp and nonce; 'original' sends the first attempt's exact body and headers again (also for redeliver()).
   */
  redeliveryHeaders?: 'fresh' | 'original';
  /** UNCONFIRMED: batch_get_id misses are 'omit'ted (default) or listed 'without-id'. */
  batchGetIdMisses?: 'omit' | 'without-id';
  /**
   * UNCONFIRMED: whether batch_get_id echoes each email and mobile 'as-sent' (default) or
   * 'normalized' as the directory holds it (email in lower case, mobile as +86…).
   */
  batchGetIdEcho?: 'as-sent' | 'normalized';
  /**
   * Card callbacks carry open_message_id / open_chat_id in event.context ('context', default, as
   * documented) or at the event root ('root', which the SDK's own normaliser also accepts).
   */
  cardCallbackIds?: 'context' | 'root';
  /** A user message without @s: `mentions` left out ('omit', default) or sent as null ('null'). */
  emptyMentions?: 'omit' | 'null';
  /** UNCONFIRMED: HTTP status of token errors (99991661/99991663/99991671); default 400. */
  tokenErrorStatus?: number;
  /** UNCONFIRMED: "30 KB" of request body for a card or post, as 30,720 (default) or 30,000 bytes. */
  cardBodyLimitBytes?: number;
  /** UNCONFIRMED: a button's `name` outside a form is refused ('reject', default: 230099/200861) or 'accept'ed. */
  buttonNameOutsideForm?: 'reject' | 'accept';
  appName?: string;
  tenantKey?: string;
  /** Long connection: an event payload longer than this goes out in several frames (sum > 1); default: one frame. */
  longConnectionFragmentBytes?: number;
}

export interface UserInput {
  openId: string;
  name: string;
  email?: string;
  mobile?: string;
  userId?: string;
  unionId?: string;
  /** Outside the app's availability scope: sends to them fail with 230013. */
  outsideScope?: boolean;
  /** Resigned: sends fail with 230013, batch_get_id omits them unless include_resigned. */
  resigned?: boolean;
}

export interface SandboxUser extends Required<Pick<UserInput, 'openId' | 'name' | 'userId' | 'unionId'>> {
  email: string | null;
  mobile: string | null;
  outsideScope: boolean;
  resigned: boolean;
  p2pChatId: string;
}

/** A department of the tenant's org chart (contact v3). */
export interface DepartmentInput {
  name: string;
  /** The custom department_id (default: D001, D002, … in order of creation); open_department_id is derived from it. */
  departmentId?: string;
  /** The parent's open_department_id; absent or '0' = directly under the root. */
  parentId?: string;
  /** The head (部门负责人), an open_id; added to the members when not among them. */
  leaderOpenId?: string;
  /** Direct members (open_ids, known users). */
  members?: string[];
  /** Outside the app's contact data scope (通讯录权限范围): invisible to every contact API. */
  outsideScope?: boolean;
}

export interface SandboxDepartment {
  openDepartmentId: string;
  departmentId: string;
  name: string;
  /** The parent's open_department_id, '0' for the root. */
  parentId: string;
  leaderOpenId: string | null;
  members: string[];
  outsideScope: boolean;
}

export interface ChatInput {
  chatId: string;
  name: string;
  /** User open_ids (the bot is not listed here; see botIsMember). */
  members: string[];
  botIsMember?: boolean;
  /** Whether @all is allowed for the bot in this chat (default false: an @all send fails). */
  allowAtAll?: boolean;
  external?: boolean;
}

export interface SandboxChat {
  chatId: string;
  name: string;
  chatType: 'p2p' | 'group';
  members: string[];
  botIsMember: boolean;
  allowAtAll: boolean;
  external: boolean;
  ownerId: string | null;
}

export interface StoredMention {
  key: string;
  openId: string;
  name: string;
}

export interface MessageVersion {
  at: number;
  via: 'create' | 'patch' | 'callback' | 'delayed_update';
  content: unknown;
}

export interface StoredMessage {
  messageId: string;
  chatId: string;
  chatType: 'p2p' | 'group';
  /** 'bot' or the sender's open_id. */
  sender: string;
  msgType: string;
  /** Current content, parsed (after any patch or callback update). */
  content: any;
  /** Current content as the JSON string Feishu holds. */
  rawContent: string;
  uuid: string | null;
  rootId: string | null;
  parentId: string | null;
  threadId: string | null;
  createTime: number;
  updateTime: number;
  updated: boolean;
  mentions: StoredMention[];
  /** Every version, the first being the create. */
  history: MessageVersion[];
}

export type MessageFilter =
  | ((m: StoredMessage) => boolean)
  | { chatId?: string; sender?: string; msgType?: string; uuid?: string };

export type DeliveryOutcome = 'acked' | 'rejected' | 'timeout' | 'network_error';

export interface DeliveryResult {
  eventId: string;
  eventType: string;
  /** 1 for the first try, 2.. for redeliveries. */
  attempt: number;
  /** HTTP status, or null on timeout / network error. */
  status: number | null;
  outcome: DeliveryOutcome;
  ms: number;
  /** now() when the attempt started. */
  at: number;
  body: string;
}

export interface ClickResult {
  eventId: string;
  token: string;
  status: number | null;
  outcome: DeliveryOutcome;
  ms: number;
  /** The parsed JSON answer (or raw text when not JSON; null on timeout). */
  body: unknown;
  /** True when the answer carried a valid raw 2.0 card that replaced the stored one. */
  cardReplaced: boolean;
  /** Why a returned card was not applied (invalid 2.0 card), as the client would show an error. */
  cardError: string | null;
}

export interface ApiCall {
  method: string;
  path: string;
  status: number;
  code: number | null;
  at: number;
}

/** How a message was buzzed (加急): in the client, by SMS, by a phone call. */
export type BuzzVia = 'app' | 'sms' | 'phone';

/** One person buzzed about one message (or an unread urgent message from elsewhere, addUnreadUrgent). */
export interface Buzz {
  /** null: an urgent message the user got from someone else (only counts towards the 200 unread). */
  messageId: string | null;
  chatId: string | null;
  openId: string;
  via: BuzzVia;
  /** now() when Feishu accepted it. */
  at: number;
  /** now() when the user read it (wrote or clicked in the message's chat, or readUrgent()); null while unread. */
  readAt: number | null;
}

export type BuzzFilter = { messageId?: string; openId?: string; via?: BuzzVia; unread?: boolean };

export type SandboxNotice =
  | { kind: 'message'; message: StoredMessage }
  | { kind: 'message_updated'; message: StoredMessage }
  /** The message was buzzed, or a buzz of it was read: `buzzes` are all of its buzzes now. */
  | { kind: 'message_urgent'; message: StoredMessage; buzzes: Buzz[] }
  | { kind: 'delivery'; delivery: DeliveryResult };

export interface SandboxFaults {
  /**
   * The next `times` (default 1) IM calls (or contact/v3 calls, `api: 'contact'`) answer HTTP 429 code 99991400
   * with ratelimit headers.
   */
  rateLimit(opts?: { times?: number; resetSeconds?: number; api?: 'im' | 'contact' }): void;
  /**
   * 50/s + 1000/min per app on send/reply/patch (429), 5/s per chat (400 230020), 5/s per message patch;
   * 50/s + 1000/min per app on contact reads (429).
   */
  enforceRealLimits(on: boolean): void;
  /** The next `times` API calls (auth excluded) answer 5xx. */
  serverError(opts: { times: number; status?: number }): void;
  /** The next `times` sends or replies (of `msgType` only, when given) are refused: HTTP 400 with `code`, e.g. 230099. */
  refuse(opts: { times: number; code: number; msgType?: string }): void;
  /** Delay every API answer by ms (0 = off). */
  latency(ms: number): void;
  /** IM calls do their work at once but answer ms later (0 = off): a late or lost answer. */
  slowAnswers(ms: number): void;
  /** Every tenant token issued so far becomes invalid (→ 99991663). */
  expireTokens(): void;
  /** Clear every fault (tokens are left as they are). */
  reset(): void;
}
