/** The SDK's HTTP client (bot/feishu/http-client.ts) against a real local HTTP server. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { classifyFeishuError } from '../../bot/feishu/errors.js';
import { createHttpClient, HttpStatusError, type HttpConfig, type SdkHttp } from '../../bot/feishu/http-client.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

let server: Server;
let base: string;
let seen: Seen[];
let connections: number;
let answer: (req: Seen, res: ServerResponse) => void;
let fallbackCalls: HttpConfig[];
const unused = () => Promise.reject(new Error('the fallback is asked through request() only'));
const fallback: SdkHttp = {
  request: (c) => (fallbackCalls.push(c), Promise.resolve('from the fallback')),
  get: unused, delete: unused, head: unused, options: unused, post: unused, put: unused, patch: unused,
};

beforeEach(async () => {
  seen = [];
  connections = 0;
  fallbackCalls = [];
  answer = (_req, res) => res.setHeader('Content-Type', 'application/json').end('{"code":0,"data":{"ok":true}}');
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const s = { method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      seen.push(s);
      answer(s, res);
    });
  });
  server.on('connection', () => connections++);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const client = (o: { timeoutMs?: number; maxBodyBytes?: number } = {}) => createHttpClient({ timeoutMs: o.timeoutMs ?? 15_000, fallback, ...o });
const qs = (p: Record<string, unknown>) => new URLSearchParams(p as Record<string, string>).toString();

describe('the SDK HTTP client', () => {
  it('sends a JSON call as axios does and resolves to the parsed body', async () => {
    const body = await client().request({
      url: `${base}/open-apis/im/v1/messages`,
      method: 'POST',
      params: { receive_id_type: 'open_id' },
      paramsSerializer: qs,
      headers: { 'User-Agent': 'oapi-node-sdk/1.74.0', Authorization: 'Bearer t-1' },
      data: { receive_id: 'ou_1', content: '{"text":"您好"}' },
    });
    expect(body).toEqual({ code: 0, data: { ok: true } });
    const [s] = seen;
    expect(s).toMatchObject({ method: 'POST', url: '/open-apis/im/v1/messages?receive_id_type=open_id', body: '{"receive_id":"ou_1","content":"{\\"text\\":\\"您好\\"}"}' });
    expect(s!.headers).toMatchObject({ 'user-agent': 'oapi-node-sdk/1.74.0', authorization: 'Bearer t-1', 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(s!.body)) });
    expect(fallbackCalls).toEqual([]);
  });

  it('keeps one connection for calls in turn, a GET with a body included', async () => {
    const c = client();
    await c.request({ url: `${base}/a`, method: 'GET', data: {} });
    await c.post(`${base}/b`, { app_id: 'x' });
    await c.request({ url: `${base}/c`, method: 'GET' });
    expect(seen.map((s) => [s.method, s.url, s.body])).toEqual([['GET', '/a', '{}'], ['POST', '/b', '{"app_id":"x"}'], ['GET', '/c', '']]);
    expect(connections).toBe(1);
  });

  it('rejects a non-2xx answer with its status, body and headers, classified as before', async () => {
    answer = (_req, res) => res.writeHead(429, { 'Content-Type': 'application/json', 'x-ogw-ratelimit-reset': '2' }).end('{"code":99991400,"msg":"too many"}');
    const e = await client().post(`${base}/x`, {}).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(HttpStatusError);
    expect((e as HttpStatusError).response).toMatchObject({ status: 429, data: { code: 99991400, msg: 'too many' } });
    expect(classifyFeishuError(e)).toMatchObject({ kind: 'rate_limit', code: 99991400, httpStatus: 429, retryAfterMs: 2000 });
    answer = (_req, res) => res.writeHead(400, { 'Content-Type': 'application/json' }).end('{"code":230013,"msg":"out of scope"}');
    expect(classifyFeishuError(await client().post(`${base}/x`, {}).catch((x: unknown) => x))).toMatchObject({ kind: 'permanent', code: 230013, httpStatus: 400 });
    answer = (_req, res) => res.writeHead(404).end('404 page not found');
    const notFound = (await client().post(`${base}/x`, {}).catch((x: unknown) => x)) as HttpStatusError;
    expect(notFound.response).toMatchObject({ status: 404, data: '404 page not found' });
  });

  it('reads a compressed answer, and refuses one larger than its bound', async () => {
    answer = (_req, res) => res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' }).end(gzipSync('{"code":0,"data":{"n":1}}'));
    expect(await client().post(`${base}/x`, {})).toEqual({ code: 0, data: { n: 1 } });
    answer = (_req, res) => res.end('x'.repeat(5000));
    const e = await client({ maxBodyBytes: 1000 }).post(`${base}/x`, {}).catch((x: unknown) => x);
    expect(classifyFeishuError(e).kind).toBe('network');
  });

  it('gives up on a call not answered in time, as a network error', async () => {
    answer = () => {}; // never answers
    const e = await client({ timeoutMs: 200 }).post(`${base}/x`, {}).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'ECONNABORTED', message: 'timeout of 200ms exceeded' });
    expect(classifyFeishuError(e)).toMatchObject({ kind: 'network', httpStatus: null });
    answer = (_req, res) => void res.writeHead(200).write('{"code":'); // begins, never ends
    const stalled = await client({ timeoutMs: 200 }).post(`${base}/x`, {}).catch((x: unknown) => x);
    expect(classifyFeishuError(stalled)).toMatchObject({ kind: 'network', message: 'network: timeout of 200ms exceeded' });
  });

  it('leaves downloads, uploads, other bodies and redirects to the fallback', async () => {
    const c = client();
    const cases: HttpConfig[] = [
      { url: `${base}/d`, method: 'GET', responseType: 'stream', $return_headers: true },
      { url: `${base}/u`, method: 'POST', data: { file: Buffer.from('x') }, headers: { 'Content-Type': 'multipart/form-data' } },
      { url: `${base}/b`, method: 'POST', data: Buffer.from('x') },
      { url: `${base}/p`, method: 'GET', params: { a: 1 } },
      { url: '/relative', method: 'GET' },
    ];
    for (const config of cases) expect(await c.request(config)).toBe('from the fallback');
    expect(seen).toEqual([]);
    answer = (_req, res) => res.writeHead(307, { Location: `${base}/elsewhere` }).end();
    expect(await c.post(`${base}/r`, { a: 1 })).toBe('from the fallback');
    expect(fallbackCalls.map((f) => f.url)).toEqual([...cases.map((f) => f.url), `${base}/r`]);
  });
});
