/**
 * Fake Feishu Open Platform: an HTTP server the real @larksuiteoapi/node-sdk talks to through its
 * `domain` option, plus "user" actions that push signed, encrypted events to the bot.
 * Contract: /work/shared/feishu-contract.md. A factory, no globals: start as many as you like.
 *
 * Faithful:
 * - tenant token endpoint (no data wrapper, <30 min left → new token, both valid), Bearer check
 *   (99991661 missing / 99991663 unknown or expired / 99991671 bad format); the SDK never refreshes on 99991663.
 * - statuses: non-2xx for errors (SDK throws AxiosError), 429 + x-ogw-ratelimit-* for the gateway limit.
 * - send/reply validation: receive_id_type vs id prefix (230034), availability (230013), bot in chat
 *   (230002), content must be a JSON string (230001), size limits on the request body (230025), card JSON 2.0 (230099 + sub-code),
 *   uuid de-dup for 1 h; reply threading (root_id / parent_id / thread_id); patch rules (sender, 14 days, lock).
 * - batch_get_id (id always in `user_id`), users/:id, chats and members (paged, bots excluded, short pages),
 *   bot/v3/info (top-level `bot`), card/update tokens (30 min, two uses, then 300030), uploads and downloads.
 * - the org chart (http/org-routes.ts): departments (addDepartment: name, parent, head, members), children with
 *   fetch_child, department get, find_by_department, scopes; pages of 10 (≤ 50); the contact data scope
 *   (outsideScope departments and users invisible, 40004) and the contact rate limit (50/s, 1000/min).
 * - events: v2 envelope, compact JSON, AES-256-CBC `{encrypt}`, X-Lark-Signature; ack = HTTP 200 within
 *   ackTimeoutMs, else redelivery of the same event_id per redeliveryDelaysMs; group messages pushed only
 *   when the bot is @-mentioned; card callbacks never redelivered.
 * - real limits on demand: 50/s, 1000/min per app; 5/s per chat and per patched message (230020).
 * - buzz (加急: urgent_app / urgent_sms / urgent_phone, http/urgent-routes.ts): the message must be the
 *   bot's, receivers must have received it (else invalid_user_id_list; all invalid 230001), at most 200
 *   unread urgent messages per person (230023), SMS/phone quota (230024); every buzz is recorded
 *   (buzzes()), read when the person writes or clicks in that chat, and shown by the console as 加急.
 * - users write text or rich text (`post`, user-post.ts: at nodes keyed @_user_N, flat or under a locale).
 * Simplified:
 * - one app, one tenant; no scopes (99991672), no monthly quota, no recall/PUT edit, no url_verification
 *   on setWebhook (call verifyUrl()).
 * - long connection (useLongConnection): the endpoint, tickets, pbbp2 frames, ping/pong and acks the
 *   SDK's WSClient speaks (long-connection/gateway.ts); no reconnect pushes from the server side.
 * - card checks cover structure (keys of card/config/header/body, tags, counts, forms, tables, charts),
 *   not every component property; no rendering. Text/post formatting is stored, not interpreted, except
 *   the mentions in it (sent-mentions.ts): @all is recorded where the chat allows it, refused (230035) elsewhere.
 * - redelivery uses real timers; the `now` clock only stamps times (tokens, create_time, windows).
 * - events are not ordered: a failing event does not hold back later ones.
 * - before setWebhook, user messages are stored but not pushed (as with no subscription).
 * UNCONFIRMED points are decided where they are implemented (see the comment atop each file) and
 * listed in types.ts options where configurable.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SandboxContext } from './context.js';
import { createDelivery } from './delivery.js';
import { createDirectory } from './directory.js';
import { envelope } from './envelopes.js';
import { createFaults } from './faults.js';
import { createFileStore } from './file-store.js';
import { createApp } from './http/server.js';
import { ids } from './ids.js';
import { createLimits } from './limits.js';
import { createGateway, LONG_CONNECTION } from './long-connection/gateway.js';
import { createBuzzStore } from './buzzes.js';
import { createMessageStore } from './message-store.js';
import { createTokenStore } from './tokens.js';
import { clickCard, type ClickCardInput } from './click-card.js';
import { userSays, type UserSaysInput, type UserSaysResult } from './user-says.js';
import type * as T from './types.js';

export type * from './types.js';
export type { ClickCardInput, UserSaysInput, UserSaysResult };
/** The fake's tenant unless `tenantKey` is given. */
export const SANDBOX_TENANT_KEY = '736588c9260f175e';
export { decryptEvent, decryptString, encryptEvent, larkSignature, signRequest } from './crypto.js';

export interface FakeFeishu {
  /** 'http://127.0.0.1:PORT', no trailing slash: pass as the SDK's `domain`. */
  readonly url: string;
  readonly botOpenId: string;
  /** The app's name (the bot's display name, as @-mentions of it show). */
  readonly appName: string;
  /** The tenant every event's header.tenant_key names (FEISHU_TENANT_KEY of a bot talking to this fake). */
  readonly tenantKey: string;
  readonly faults: T.SandboxFaults;
  /** Every delivery attempt (events and card callbacks), in order. */
  readonly deliveries: T.DeliveryResult[];
  /** Every API call answered: method, path, HTTP status, Feishu code. */
  readonly calls: T.ApiCall[];
  setWebhook(w: { eventsUrl?: string; cardsUrl?: string }): void;
  /**
   * Subscribe events and card callbacks through the long connection (事件与回调 → 使用长连接接收)
   * instead of URLs: each goes to one connected WSClient of the app (none connected: a failed
   * attempt, redelivered like a webhook's).
   */
  useLongConnection(): void;
  /** Long-connection clients open now, and the pings they have sent. */
  longConnectionStats(): { clients: number; pings: number };
  addUser(u: T.UserInput): T.SandboxUser;
  addChat(c: T.ChatInput): T.SandboxChat;
  /** A department of the org chart (parent first); its leader and members must be users already. */
  addDepartment(d: T.DepartmentInput): T.SandboxDepartment;
  departments(): T.SandboxDepartment[];
  p2pChatOf(openId: string): string;
  users(): T.SandboxUser[];
  chats(): T.SandboxChat[];
  userSays(input: UserSaysInput): Promise<UserSaysResult>;
  clickCard(input: ClickCardInput): Promise<T.ClickResult>;
  /** Push any v2 event; resolves to the first attempt; redelivers in the background when not acked. */
  deliverEvent(eventType: string, event: unknown, opts?: { eventId?: string }): Promise<T.DeliveryResult>;
  /** Push an already-sent event again, same event_id (Feishu's duplicate delivery, even after success). */
  redeliver(eventId: string): Promise<T.DeliveryResult>;
  /**
   * Send url_verification (encrypted) to the events URL; ok when the challenge comes back within 1 s.
   * UNCONFIRMED whether Feishu signs it: unsigned by default, `signed: true` adds the X-Lark-* headers.
   */
  verifyUrl(opts?: { signed?: boolean }): Promise<{ ok: boolean; status: number | null; body: string }>;
  pendingRedeliveries(): number;
  messages(filter?: T.MessageFilter): T.StoredMessage[];
  /** Messages the bot sent to this user's p2p chat. */
  messagesTo(openId: string): T.StoredMessage[];
  messagesIn(chatId: string): T.StoredMessage[];
  message(messageId: string): T.StoredMessage | undefined;
  /** Every buzz (加急) Feishu accepted, in order (and unread ones from elsewhere, addUnreadUrgent). */
  buzzes(filter?: T.BuzzFilter): T.Buzz[];
  /** The person has `count` more unread urgent messages from elsewhere (towards Feishu's limit of 200). */
  addUnreadUrgent(openId: string, count: number): void;
  /** The person reads their urgent messages: in one chat, or all. */
  readUrgent(openId: string, chatId?: string): void;
  /** What is left of the tenant's SMS / phone buzz quota (default: unlimited); past it Feishu answers 230024. */
  setUrgentQuota(q: { sms?: number; phone?: number }): void;
  /** Bytes behind a file_key / image_key (uploads by the bot and user attachments). */
  fileBytes(fileKey: string): Buffer | undefined;
  /** Live notices (new message, updated message, delivery) for consoles; returns unsubscribe. */
  subscribe(listener: (n: T.SandboxNotice) => void): () => void;
  close(): Promise<void>;
}

export async function startFakeFeishu(opts: T.FakeFeishuOptions): Promise<FakeFeishu> {
  const now = opts.now ?? Date.now;
  const listeners = new Set<(n: T.SandboxNotice) => void>();
  const notify = (n: T.SandboxNotice) => listeners.forEach((l) => l(n));
  const tokens = createTokenStore(now, opts.tokenTtlSeconds ?? 7200);
  const limits = createLimits(now);
  const ackTimeoutMs = opts.ackTimeoutMs ?? 3000;
  const longConnection = createGateway({ now, fragmentBytes: opts.longConnectionFragmentBytes ?? Infinity });
  const messageStore = createMessageStore(now, notify, () => listeners.size > 0);
  const ctx: SandboxContext = {
    app: {
      appId: opts.appId, appSecret: opts.appSecret, encryptKey: opts.encryptKey, verificationToken: opts.verificationToken,
      appName: opts.appName ?? 'Workplan Bot', tenantKey: opts.tenantKey ?? SANDBOX_TENANT_KEY,
    },
    settings: {
      duplicateUuid: opts.duplicateUuid ?? 'return-original',
      sendInFlightMs: opts.sendInFlightMs ?? null,
      batchGetIdMisses: opts.batchGetIdMisses ?? 'omit',
      batchGetIdEcho: opts.batchGetIdEcho ?? 'as-sent',
      cardCallbackIds: opts.cardCallbackIds ?? 'context',
      emptyMentions: opts.emptyMentions ?? 'omit',
      tokenErrorStatus: opts.tokenErrorStatus ?? 400,
      ackTimeoutMs,
      cards: { bodyLimitBytes: opts.cardBodyLimitBytes ?? 30 * 1024, rules: { buttonNameOutsideForm: opts.buttonNameOutsideForm ?? 'reject' } },
    },
    now,
    directory: createDirectory(opts.appId),
    messages: messageStore,
    files: createFileStore(),
    buzzes: createBuzzStore(now, notify, messageStore),
    tokens,
    limits,
    faults: createFaults(tokens, limits),
    delivery: createDelivery({
      encryptKey: opts.encryptKey, ackTimeoutMs, now, notify,
      redeliveryDelaysMs: opts.redeliveryDelaysMs ?? [15_000, 300_000, 3_600_000, 21_600_000],
      redeliveryHeaders: opts.redeliveryHeaders ?? 'fresh',
      pushOverLongConnection: longConnection.push,
    }),
    sendingUuids: new Set(),
    cardLocks: new Set(),
    webhook: { eventsUrl: null, cardsUrl: null },
    longConnection,
    calls: [],
  };

  const server = createServer(createApp(ctx));
  server.on('upgrade', (req, socket, head) => {
    if (!longConnection.upgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { directory, messages } = ctx;

  return {
    url,
    botOpenId: directory.botOpenId,
    appName: ctx.app.appName,
    tenantKey: ctx.app.tenantKey,
    faults: ctx.faults.controls,
    get deliveries() {
      return ctx.delivery.log.map((d) => ({ ...d }));
    },
    get calls() {
      return ctx.calls.map((c) => ({ ...c }));
    },
    setWebhook(w) {
      if (w.eventsUrl !== undefined) ctx.webhook.eventsUrl = w.eventsUrl;
      if (w.cardsUrl !== undefined) ctx.webhook.cardsUrl = w.cardsUrl;
    },
    useLongConnection() {
      ctx.webhook.eventsUrl = LONG_CONNECTION;
      ctx.webhook.cardsUrl = LONG_CONNECTION;
    },
    longConnectionStats: () => ({ clients: longConnection.clients(), pings: longConnection.pings() }),
    addUser: (u) => directory.addUser(u),
    addChat: (c) => directory.addChat(c),
    addDepartment: (d) => directory.departments.add(d),
    departments: () => directory.departments.all().map((d) => ({ ...d, members: [...d.members] })),
    p2pChatOf: (openId) => directory.p2pChatOf(openId),
    users: () => directory.users().map((u) => ({ ...u })),
    chats: () => [...directory.users().map((u) => directory.chat(u.p2pChatId)!), ...directory.groups()].map((c) => structuredClone(c)),
    userSays: (input) => userSays(ctx, input),
    clickCard: (input) => clickCard(ctx, input),
    deliverEvent(eventType, event, o = {}) {
      const env = envelope(ctx.app, eventType, o.eventId ?? ids.event(), now(), event);
      return ctx.delivery.deliver(() => ctx.webhook.eventsUrl, env);
    },
    redeliver: (eventId) => ctx.delivery.again(() => ctx.webhook.eventsUrl, eventId),
    async verifyUrl(o = {}) {
      if (!ctx.webhook.eventsUrl) throw new Error('fake Feishu: no events URL; call fake.setWebhook({ eventsUrl }) first');
      const challenge = ids.event();
      const r = await ctx.delivery.post(ctx.webhook.eventsUrl, { challenge, token: opts.verificationToken, type: 'url_verification' }, 1000, o.signed === true);
      let echoed: unknown = null;
      try {
        echoed = (JSON.parse(r.body) as { challenge?: unknown }).challenge;
      } catch {
        /* not JSON: not ok */
      }
      return { ok: r.status === 200 && echoed === challenge, status: r.status, body: r.body };
    },
    pendingRedeliveries: () => ctx.delivery.pendingRedeliveries(),
    messages: (filter) => messages.list(filter),
    messagesTo: (openId) => messages.list({ chatId: directory.p2pChatOf(openId), sender: 'bot' }),
    messagesIn: (chatId) => messages.list({ chatId }),
    message: (id) => messages.one(id),
    buzzes: (filter) => ctx.buzzes.list(filter),
    addUnreadUrgent: (openId, count) => ctx.buzzes.addUnread(openId, count),
    readUrgent: (openId, chatId) => ctx.buzzes.read(openId, chatId),
    setUrgentQuota: (q) => ctx.buzzes.setQuota(q),
    fileBytes: (key) => {
      const f = ctx.files.get(key);
      return f ? Buffer.from(f.bytes) : undefined;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      ctx.delivery.close();
      longConnection.close();
      listeners.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
