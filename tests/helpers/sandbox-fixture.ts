/** A fake Feishu with a few people and a group, and a real SDK client with a fresh token cache. */
import * as lark from '@larksuiteoapi/node-sdk';
import { startFakeFeishu, type FakeFeishu, type FakeFeishuOptions } from '../../bot/sandbox/index.js';

export const APP = {
  appId: 'cli_a1b2c3d4e5f60718',
  appSecret: 's3cret',
  encryptKey: 'ek',
  verificationToken: 'vt',
} as const;

export const ALICE = 'ou_alice000000000000000000000000001';
export const BOB = 'ou_bob00000000000000000000000000002';
export const CAROL = 'ou_carol0000000000000000000000000003';
export const GROUP = 'oc_group000000000000000000000000001';

/** The SDK's cache contract (get/set with namespace); one per client so no token leaks between tests. */
export function memoryCache(): lark.Cache {
  const m = new Map<string, { value: unknown; expiresAt: number }>();
  const k = (key: unknown, o?: { namespace?: string }) => `${o?.namespace ?? ''}/${String(key)}`;
  return {
    async get(key, o) {
      const e = m.get(k(key, o));
      return e && e.expiresAt > Date.now() ? e.value : undefined;
    },
    async set(key, value, expiresAt, o) {
      m.set(k(key, o), { value, expiresAt: expiresAt ?? Infinity });
      return true;
    },
  };
}

/** The SDK logs every failed call; tests assert on errors instead. (loggerLevel fatal = 0 is falsy: it means info.) */
export const silentLogger = { error() {}, warn() {}, info() {}, debug() {}, trace() {} };

export function sdkClient(fake: FakeFeishu, appSecret: string = APP.appSecret): lark.Client {
  return new lark.Client({
    appId: APP.appId,
    appSecret,
    domain: fake.url,
    cache: memoryCache(),
    logger: silentLogger,
  });
}

export async function startSandbox(extra: Partial<FakeFeishuOptions> = {}): Promise<FakeFeishu> {
  const fake = await startFakeFeishu({ ...APP, ...extra });
  fake.addUser({ openId: ALICE, name: 'Alice', email: 'alice@example.gov.cn', mobile: '+8613800000001' });
  fake.addUser({ openId: BOB, name: 'Bob', email: 'bob@example.gov.cn', mobile: '13800000002' });
  fake.addUser({ openId: CAROL, name: 'Carol', email: 'carol@example.gov.cn' });
  fake.addChat({ chatId: GROUP, name: '办公室', members: [ALICE, BOB, CAROL] });
  return fake;
}

/** The error an SDK call threw, as AxiosError-ish fields. */
export async function sdkError(p: Promise<unknown>): Promise<{ status: number; data: any; headers: Record<string, string> }> {
  try {
    await p;
  } catch (e) {
    const r = (e as { response?: { status: number; data: unknown; headers: Record<string, string> } }).response;
    if (!r) throw e;
    return { status: r.status, data: r.data, headers: r.headers };
  }
  throw new Error('expected the SDK call to throw');
}

export const text = (t: string) => JSON.stringify({ text: t });

export function card(elements: unknown[] = [{ tag: 'markdown', content: 'hello' }], extra: Record<string, unknown> = {}) {
  return {
    schema: '2.0',
    config: { update_multi: true },
    header: { title: { tag: 'plain_text', content: 'Title' }, template: 'blue' },
    body: { elements },
    ...extra,
  };
}
