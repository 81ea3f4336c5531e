/**
 * The bot's only door to Feishu: a small interface over the official SDK.
 * Every send carries Feishu's `uuid` idempotency key, derived from a stable
 * key that says what the message is (so a retry never shows it twice), and
 * every failure is a classified FeishuError.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import type * as Lark from '@larksuiteoapi/node-sdk';
import { emailKey, mobileKey } from '../domain/contact-key.js';
import type { OrgChart } from '../domain/owners/org-chart.js';
import type { Card } from './cards/card.js';
import { classifyFeishuError, DownloadTooLarge, errorFromBody, FeishuError } from './errors.js';
import { createHttpClient, type SdkHttp } from './http-client.js';
import { readOrgChart, type OrgChartBounds } from './org-chart.js';
import type { BotText } from './safe-text.js';
import { TokenCache } from './token-cache.js';

export type Recipient = { openId: string } | { chatId: string };
export type { Card };
/**
 * What can be sent: a text made by the `botText` tag, a card made by the card builders, a file.
 * Plain strings and hand-made card objects do not compile (bot/feishu/safe-text.ts).
 */
export type Content = { text: BotText } | { card: Card } | { fileKey: string };

/** How a buzz (加急) reaches people: in the client only, or also by SMS or a phone call (those spend the tenant's quota). */
export type UrgentVia = 'app' | 'sms' | 'phone';

export interface SentMessage {
  messageId: string;
  chatId: string | null;
}

export interface Messenger {
  /** `key` names what is sent (e.g. `nudge:…`, `reply:<message_id>`); it becomes the uuid. */
  send(to: Recipient, content: Content, key: string): Promise<SentMessage>;
  reply(messageId: string, content: Content, key: string, opts?: { inThread?: boolean }): Promise<SentMessage>;
  updateCard(messageId: string, card: Card): Promise<void>;
  /**
   * Buzzes (加急) a message the bot sent to these people (open_ids, at most 200); resolves to the ids Feishu
   * found invalid (not receivers of the message), the others being buzzed. None valid: a FeishuError 230001.
   */
  urgent(messageId: string, openIds: string[], via: UrgentVia): Promise<string[]>;
  /** The bytes of a message's file; past `maxBytes` the download stops and DownloadTooLarge is thrown. */
  downloadFile(messageId: string, fileKey: string, type: 'file' | 'image', opts?: { maxBytes?: number }): Promise<Buffer>;
  uploadFile(fileName: string, bytes: Buffer): Promise<string>;
  /** email or mobile, as asked → open_id (matched however Feishu writes it back); misses are absent. */
  lookupUsers(query: { emails?: string[]; mobiles?: string[] }): Promise<Map<string, string>>;
  chatMembers(chatId: string): Promise<{ openId: string; name: string }[]>;
  botInfo(): Promise<{ openId: string; name: string }>;
  /**
   * The departments and people the app may see (its contact data scope), paced and bounded
   * (bot/feishu/org-chart.ts); too large a chart is an OrgChartTooLarge.
   */
  readOrgChart(bounds?: OrgChartBounds): Promise<OrgChart>;
  /** Resolves once a tenant access token is at hand (cached, or fetched now): /readyz. */
  tokenReady(): Promise<void>;
}

/** One finished API call, for metrics: its duration and its error, if any. */
export type CallObserver = (op: string, seconds: number, error: FeishuError | null) => void;

export interface MessengerOptions {
  appId: string;
  appSecret: string;
  /** 'feishu', 'lark' or a base URL (the sandbox). */
  domain: string;
  nowMs?: () => number;
  /** Told about every API call (bot/metrics.ts: latency and errors by code). */
  onCall?: CallObserver;
  /** Waits between paced calls and before retries (default: a timer); tests pass one that moves their clock. */
  sleep?: (ms: number) => Promise<void>;
  /**
   * A proxy is configured for outgoing HTTP (HTTPS_PROXY and its kin, bot/config.ts): every call then goes
   * through the SDK's own axios, which honours it; otherwise JSON calls take bot/feishu/http-client.ts.
   */
  proxied?: boolean;
}

/** Feishu's uuid is at most 50 characters; a hash keeps it short and opaque. */
export function uuidFor(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 40);
}

let sdk: Promise<typeof Lark> | null = null;

/** The SDK's bundle as `npm run build` rewrites it: no comments, one-byte source (bot/cli/build-dist.js). */
const VENDORED = new URL('../../vendor/lark-sdk.cjs', import.meta.url);

/**
 * The SDK, loaded on the first call to Feishu and once per process: it is one 6 MB bundle (some 50 MiB
 * resident as published, about 30 MiB as the build rewrites it), and a receiver that only acknowledges
 * webhooks never needs it. Every user of the SDK's values goes through here, so a process holds one copy.
 */
export function loadSdk(): Promise<typeof Lark> {
  return (sdk ??= (existsSync(VENDORED) ? import(VENDORED.href) : import('@larksuiteoapi/node-sdk')).then(
    (m: { default?: typeof Lark } & typeof Lark) => m.default ?? m,
  ));
}

export function larkDomain(lark: typeof Lark, domain: string): Lark.Domain | string {
  if (domain === 'feishu') return lark.Domain.Feishu;
  if (domain === 'lark') return lark.Domain.Lark;
  return domain.replace(/\/+$/, '');
}

function encode(content: Content): { msg_type: string; content: string } {
  if ('text' in content) return { msg_type: 'text', content: JSON.stringify({ text: content.text.toString() }) };
  if ('card' in content) return { msg_type: 'interactive', content: JSON.stringify(content.card) };
  return { msg_type: 'file', content: JSON.stringify({ file_key: content.fileKey }) };
}

type Body = { code?: number; msg?: string; data?: any };

/** A Feishu call not answered within this fails as a network error and is retried (same uuid). */
const REQUEST_TIMEOUT_MS = 15_000;

export function createMessenger(opts: MessengerOptions): Messenger {
  const nowMs = opts.nowMs ?? (() => Date.now());
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const cache = new TokenCache(nowMs);
  let client: Lark.Client | null = null;

  /** The SDK's client, made on the first call. */
  async function ready(): Promise<Lark.Client> {
    if (client) return client;
    const lark = await loadSdk();
    // The SDK's shared axios instance has no timeout: a call Feishu never answers would hold its job
    // (and the job's lock, renewed forever) for good.
    lark.defaultHttpInstance.defaults.timeout = REQUEST_TIMEOUT_MS;
    const fallback = lark.defaultHttpInstance as unknown as SdkHttp;
    const httpInstance = opts.proxied ? undefined : createHttpClient({ timeoutMs: REQUEST_TIMEOUT_MS, fallback });
    client ??= new lark.Client({
      appId: opts.appId,
      appSecret: opts.appSecret,
      domain: larkDomain(lark, opts.domain),
      appType: lark.AppType.SelfBuild,
      cache,
      ...(httpInstance ? { httpInstance: httpInstance as unknown as Lark.HttpInstance } : {}),
      // The SDK's own logger cannot be silenced by level (fatal = 0 reads as 'default');
      // errors reach our log through the classified FeishuError instead.
      logger: { error: () => {}, warn: () => {}, info: () => {}, debug: () => {}, trace: () => {} },
    });
    return client;
  }

  /** Runs `fn` and tells opts.onCall how long it took and how it failed. */
  async function timed<T>(op: string, fn: () => Promise<T>): Promise<T> {
    const started = performance.now();
    const done = (error: FeishuError | null) => opts.onCall?.(op, (performance.now() - started) / 1000, error);
    try {
      const result = await fn();
      done(null);
      return result;
    } catch (e) {
      done(classifyFeishuError(e));
      throw e;
    }
  }

  /** Runs one API call; a rejected token is dropped and the call retried once. */
  function call<T extends Body>(op: string, fn: (client: Lark.Client) => Promise<T>): Promise<NonNullable<T['data']>> {
    return timed(op, () => callOnce(fn));
  }

  async function callOnce<T extends Body>(fn: (client: Lark.Client) => Promise<T>): Promise<NonNullable<T['data']>> {
    for (let attempt = 0; ; attempt++) {
      let err: FeishuError;
      const version = cache.version;
      try {
        const body = await fn(await ready());
        if (!body || body.code === undefined || body.code === 0) return (body?.data ?? {}) as NonNullable<T['data']>;
        err = errorFromBody(body, 200);
      } catch (e) {
        err = classifyFeishuError(e);
      }
      if (err.kind === 'token' && attempt === 0) {
        cache.dropUnlessRenewed(version);
        continue;
      }
      throw err;
    }
  }

  /** A file or image of a message; a rejected token is dropped and the download retried once. */
  async function download(messageId: string, fileKey: string, type: 'file' | 'image', maxBytes: number): Promise<Buffer> {
    let attempt = 0;
    for (;;) {
      try {
        const client = await ready();
        const res = await client.im.v1.messageResource.get({ path: { message_id: messageId, file_key: fileKey }, params: { type } });
        const chunks: Buffer[] = [];
        let size = 0;
        const stream = res.getReadableStream();
        // A size Feishu states up front is refused before a byte is read.
        const stated = Number((res.headers as Record<string, unknown> | undefined)?.['content-length']);
        if (Number.isFinite(stated) && stated > maxBytes) {
          stream.destroy();
          throw new DownloadTooLarge(maxBytes, stated);
        }
        for await (const chunk of stream) {
          size += (chunk as Buffer).length;
          if (size > maxBytes) {
            stream.destroy();
            throw new DownloadTooLarge(maxBytes);
          }
          chunks.push(Buffer.from(chunk as Buffer));
        }
        return Buffer.concat(chunks);
      } catch (e) {
        if (e instanceof DownloadTooLarge) throw e;
        const err = await streamError(e);
        if (err.kind === 'token' && attempt++ === 0) {
          cache.clear();
          continue;
        }
        throw err;
      }
    }
  }

  const sent = (d: { message_id?: string; chat_id?: string }): SentMessage => ({
    messageId: d.message_id ?? '',
    chatId: d.chat_id ?? null,
  });

  return {
    async send(to, content, key) {
      const receive_id_type = 'openId' in to ? 'open_id' : 'chat_id';
      const receive_id = 'openId' in to ? to.openId : to.chatId;
      const data = await call('send', (client) =>
        client.im.v1.message.create({
          params: { receive_id_type },
          data: { receive_id, ...encode(content), uuid: uuidFor(key) },
        }),
      );
      return sent(data);
    },
    async reply(messageId, content, key, o) {
      const data = await call('reply', (client) =>
        client.im.v1.message.reply({
          path: { message_id: messageId },
          data: { ...encode(content), uuid: uuidFor(key), reply_in_thread: o?.inThread ?? false },
        }),
      );
      return sent(data);
    },
    async updateCard(messageId, card) {
      await call('updateCard', (client) => client.im.v1.message.patch({ path: { message_id: messageId }, data: { content: JSON.stringify(card) } }));
    },
    async urgent(messageId, openIds, via) {
      const payload = { path: { message_id: messageId }, params: { user_id_type: 'open_id' as const }, data: { user_id_list: openIds } };
      const data = await call(`urgent_${via}`, (client) => {
        const m = client.im.v1.message;
        return via === 'sms' ? m.urgentSms(payload) : via === 'phone' ? m.urgentPhone(payload) : m.urgentApp(payload);
      });
      return data.invalid_user_id_list ?? [];
    },
    downloadFile(messageId, fileKey, type, o) {
      return timed('downloadFile', () => download(messageId, fileKey, type, o?.maxBytes ?? Infinity));
    },
    async uploadFile(fileName, bytes) {
      const data = await call('uploadFile', async (client) => {
        const res = await client.im.v1.file.create({ data: { file_type: 'stream', file_name: fileName, file: bytes } });
        // The SDK returns the data object itself for uploads.
        return (res && 'file_key' in (res as object) ? { code: 0, data: res } : res) as Body;
      });
      return (data as { file_key: string }).file_key;
    },
    async lookupUsers(q) {
      const out = new Map<string, string>();
      const emails = q.emails ?? [];
      const mobiles = q.mobiles ?? [];
      const asked = new Map<string, string[]>();
      const ask = (key: string, value: string) => asked.set(key, [...(asked.get(key) ?? []), value]);
      for (const e of emails) ask(`e:${emailKey(e)}`, e);
      for (const m of mobiles) ask(`m:${mobileKey(m)}`, m);
      for (let i = 0; i < Math.max(emails.length, mobiles.length); i += 50) {
        const data = await call('lookupUsers', (client) =>
          client.contact.v3.user.batchGetId({
            params: { user_id_type: 'open_id' },
            data: { emails: emails.slice(i, i + 50), mobiles: mobiles.slice(i, i + 50), include_resigned: false },
          }),
        );
        // The echo may be normalised (+86, letter case): match it to the value asked, by key.
        for (const u of data.user_list ?? []) {
          if (!u.user_id) continue;
          const email = u.email ? asked.get(`e:${emailKey(u.email)}`) : undefined;
          const mobile = u.mobile ? asked.get(`m:${mobileKey(u.mobile)}`) : undefined;
          for (const q of [...(email ?? []), ...(mobile ?? [])]) out.set(q, u.user_id);
        }
      }
      return out;
    },
    async chatMembers(chatId) {
      const out: { openId: string; name: string }[] = [];
      let page_token: string | undefined;
      do {
        const data = await call('chatMembers', (client) =>
          client.im.v1.chatMembers.get({
            path: { chat_id: chatId },
            params: { member_id_type: 'open_id', page_size: 100, ...(page_token ? { page_token } : {}) },
          }),
        );
        for (const m of data.items ?? []) if (m.member_id) out.push({ openId: m.member_id, name: m.name ?? '' });
        page_token = data.has_more ? data.page_token : undefined;
      } while (page_token);
      return out;
    },
    botInfo() {
      return timed('botInfo', botInfo);
    },
    readOrgChart(bounds) {
      return readOrgChart({ call, nowMs, sleep }, bounds);
    },
    async tokenReady() {
      // The SDK's own token path (cached until 3 minutes before expiry).
      await timed('token', async () => void (await ((await ready()).tokenManager as { getTenantAccessToken(): Promise<string> }).getTenantAccessToken()));
    },
  };

  /** The bot's own open_id and name; a rejected token is dropped and the call retried once. */
  async function botInfo(): Promise<{ openId: string; name: string }> {
    let attempt = 0;
    for (;;) {
      try {
        const body = (await (await ready()).request({ method: 'GET', url: '/open-apis/bot/v3/info' })) as Body & { bot?: { open_id: string; app_name: string } };
        if (body.code !== 0 || !body.bot) throw errorFromBody(body, 200);
        return { openId: body.bot.open_id, name: body.bot.app_name };
      } catch (e) {
        const err = classifyFeishuError(e);
        if (err.kind === 'token' && attempt++ === 0) {
          cache.clear();
          continue;
        }
        throw err;
      }
    }
  }
}

/** A failed download's body is a stream; read it to classify the error. */
async function streamError(e: unknown): Promise<FeishuError> {
  const ax = e as { response?: { data?: unknown; status?: number; headers?: Record<string, unknown> } };
  const data = ax?.response?.data as AsyncIterable<Buffer> | undefined;
  if (data && typeof (data as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function') {
    const chunks: Buffer[] = [];
    try {
      for await (const c of data) chunks.push(Buffer.from(c));
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      return errorFromBody(body, ax.response!.status ?? null, ax.response!.headers);
    } catch {
      // fall through
    }
  }
  return classifyFeishuError(e);
}
