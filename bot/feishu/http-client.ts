/**
 * The SDK's HTTP client (its `httpInstance` option) for the calls a message costs: a JSON request and its
 * JSON answer over Node's own http/https with keep-alive, in place of axios and follow-redirects (about a
 * sixth of a worker's CPU per nudge, docs/performance.md). What the SDK asks of an `httpInstance`:
 * `request(config)` and `post(url, data)`, resolving to the response body (what the SDK's own axios
 * instance's interceptor returns) and rejecting on a non-2xx status with an error shaped as axios's
 * (`response.status`, `response.data`, `response.headers`), which bot/feishu/errors.ts classifies.
 *
 * Anything else goes to `fallback` (the SDK's axios instance) unchanged: downloads (`responseType`,
 * `$return_headers`), uploads (multipart), a body that is not a plain object, query parameters without the
 * SDK's serializer, a URL that is not http(s), options this client does not know, and a redirect (the
 * request is made again through axios, which follows it). A process with a proxy configured uses axios
 * for everything (bot/messenger.ts), since axios is what honours HTTPS_PROXY and its kin.
 */
import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';

export interface HttpConfig {
  url?: string;
  method?: string;
  data?: unknown;
  params?: Record<string, unknown>;
  headers?: Record<string, unknown>;
  /** The SDK's: a function (qs.stringify); axios's options form goes to the fallback. */
  paramsSerializer?: unknown;
  [option: string]: unknown;
}

/** What the SDK declares of an `httpInstance` (it calls `request` and `post`). */
export interface SdkHttp {
  request(config: HttpConfig): Promise<unknown>;
  get(url: string, config?: HttpConfig): Promise<unknown>;
  delete(url: string, config?: HttpConfig): Promise<unknown>;
  head(url: string, config?: HttpConfig): Promise<unknown>;
  options(url: string, config?: HttpConfig): Promise<unknown>;
  post(url: string, data?: unknown, config?: HttpConfig): Promise<unknown>;
  put(url: string, data?: unknown, config?: HttpConfig): Promise<unknown>;
  patch(url: string, data?: unknown, config?: HttpConfig): Promise<unknown>;
}

/** A non-2xx answer, shaped as axios's error so the classifier reads it the same way. */
export class HttpStatusError extends Error {
  override name = 'HttpStatusError';
  readonly isAxiosError = true;
  readonly code: string;
  constructor(readonly response: { status: number; data: unknown; headers: Record<string, unknown> }) {
    super(`Request failed with status code ${response.status}`);
    this.code = response.status >= 500 ? 'ERR_BAD_RESPONSE' : 'ERR_BAD_REQUEST';
  }
}

export interface HttpClientOptions {
  /** A call not answered in full within this fails (as axios's timeout: code ECONNABORTED, no response). */
  timeoutMs: number;
  /** Handles what this client does not (the SDK's axios instance). */
  fallback: SdkHttp;
  /** Largest answer read, bytes (after decompression); past it the call fails as a network error. */
  maxBodyBytes?: number;
}

const KNOWN = new Set(['url', 'method', 'data', 'params', 'headers', 'paramsSerializer']);
const MAX_BODY_BYTES = 10 * 1024 * 1024;
const kept = Symbol('keep-alive set');

/** Node's keep-alive agent, but the socket's TCP keep-alive is set once, not each time it goes back to the pool. */
function agentOf<A extends typeof http.Agent>(Base: A): InstanceType<A> {
  const agent = new Base({ keepAlive: true, scheduling: 'lifo', timeout: 5000 }) as InstanceType<A> & { keepSocketAlive(s: Socket): boolean };
  const keepSocketAlive = agent.keepSocketAlive.bind(agent);
  agent.keepSocketAlive = (socket: Socket & { [kept]?: true }) => {
    if (!socket[kept]) {
      socket[kept] = true;
      return keepSocketAlive(socket);
    }
    const setKeepAlive = socket.setKeepAlive;
    socket.setKeepAlive = () => socket;
    try {
      return keepSocketAlive(socket);
    } finally {
      socket.setKeepAlive = setKeepAlive;
    }
  };
  return agent;
}

const isPlain = (v: unknown) => v === undefined || v === null || Array.isArray(v) || (typeof v === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(v)));

/** The request as this client sends it, or null when it is one for the fallback. */
function direct(config: HttpConfig): { url: string; method: string; headers: Record<string, string>; body: string | undefined } | null {
  for (const k of Object.keys(config)) if (!KNOWN.has(k) && config[k] !== undefined) return null;
  let url = config.url;
  if (!url || !/^https?:\/\//.test(url) || !isPlain(config.data)) return null;
  const headers: Record<string, string> = { Accept: 'application/json, text/plain, */*', 'Accept-Encoding': 'gzip, deflate, br' };
  for (const [name, value] of Object.entries(config.headers ?? {})) {
    if (value === undefined || value === null) continue;
    if (name.toLowerCase() === 'content-type' && !/^application\/json\b/i.test(String(value))) return null;
    headers[name] = String(value);
  }
  const params = config.params;
  if (params && Object.keys(params).length) {
    if (typeof config.paramsSerializer !== 'function') return null;
    const query = String(config.paramsSerializer(params));
    if (query) url = `${url.split('#')[0]}${url.includes('?') ? '&' : '?'}${query}`;
  }
  let body: string | undefined;
  if (config.data !== undefined && config.data !== null) {
    body = JSON.stringify(config.data);
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/json';
    // Stated, as axios does: Node leaves it out of a GET with a body (the SDK sends `{}` on some), and the
    // server would read that body as the next request on the connection.
    headers['Content-Length'] = String(Buffer.byteLength(body));
  }
  return { url, method: (config.method ?? 'get').toUpperCase(), headers, body };
}

function decode(raw: Buffer, encoding: string | undefined, max: number): string {
  const opts = { maxOutputLength: max };
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'gzip': case 'x-gzip': return gunzipSync(raw, opts).toString('utf8');
    case 'deflate': return inflateSync(raw, opts).toString('utf8');
    case 'br': return brotliDecompressSync(raw, opts).toString('utf8');
    default: return raw.toString('utf8');
  }
}

/** As axios parses an answer: JSON when it is, else the text itself ('' for none). */
function parse(text: string): unknown {
  if (!text) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function createHttpClient(o: HttpClientOptions): SdkHttp {
  const agents = { 'http:': agentOf(http.Agent), 'https:': agentOf(https.Agent) };
  const max = o.maxBodyBytes ?? MAX_BODY_BYTES;

  function send(r: NonNullable<ReturnType<typeof direct>>): Promise<{ status: number; data: unknown; headers: Record<string, unknown> }> {
    const https_ = r.url.startsWith('https:');
    return new Promise((resolve, reject) => {
      const req = (https_ ? https : http).request(r.url, { method: r.method, headers: r.headers, agent: agents[https_ ? 'https:' : 'http:'] }, (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size <= max) return void chunks.push(c);
          // Settled here: an error passed to destroy() after the answer began would reach no listener.
          fail(Object.assign(new Error(`maxContentLength size of ${max} exceeded`), { code: 'ERR_BAD_RESPONSE' }));
          res.destroy();
          req.destroy();
        });
        res.on('error', fail);
        res.on('end', () => {
          clearTimeout(timer);
          try {
            const text = decode(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks), res.headers['content-encoding'], max);
            resolve({ status: res.statusCode ?? 0, data: parse(text), headers: res.headers });
          } catch (e) {
            reject(e);
          }
        });
      });
      const timer = setTimeout(() => {
        fail(Object.assign(new Error(`timeout of ${o.timeoutMs}ms exceeded`), { code: 'ECONNABORTED' }));
        req.destroy();
      }, o.timeoutMs);
      function fail(e: Error) {
        clearTimeout(timer);
        reject(e);
      }
      req.on('error', fail);
      req.end(r.body);
    });
  }

  async function request(config: HttpConfig): Promise<unknown> {
    const r = direct(config);
    if (!r) return o.fallback.request(config);
    const res = await send(r);
    if (res.status >= 200 && res.status < 300) return res.data;
    // A redirect: axios follows it (Feishu's API is not known to send one).
    if (res.status >= 300 && res.status < 400 && res.headers.location) return o.fallback.request(config);
    throw new HttpStatusError(res);
  }

  const bare = (method: string) => (url: string, config?: HttpConfig) => request({ ...config, url, method });
  const withData = (method: string) => (url: string, data?: unknown, config?: HttpConfig) => request({ ...config, url, data, method });
  return {
    request,
    get: bare('get'),
    delete: bare('delete'),
    head: bare('head'),
    options: bare('options'),
    post: withData('post'),
    put: withData('put'),
    patch: withData('patch'),
  };
}
