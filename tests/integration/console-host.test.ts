/**
 * #14 item 13 — the demo console against DNS rebinding: it listens on
 * loopback only, answers only requests whose Host is its own loopback
 * host:port, and refuses state-changing requests from a foreign Origin.
 * Raw HTTP requests, so the Host header is exactly what a rebinding page sends.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsole } from '../../bot/sandbox/console/index.js';
import { startSandbox, ALICE } from '../helpers/sandbox-fixture.js';

type Fake = Awaited<ReturnType<typeof startSandbox>>;
let fake: Fake;
let console_: Awaited<ReturnType<typeof startConsole>>;
let port: number;

beforeAll(async () => {
  fake = await startSandbox();
  console_ = await startConsole({ fake, people: [{ openId: ALICE, name: 'Alice', role: '科员' }] });
  port = Number(new URL(console_.url).port);
});
afterAll(async () => {
  await console_?.close();
  await fake?.close();
});

function raw(method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers, setHost: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const say = JSON.stringify({ from: ALICE, text: '你好' });
const json = { 'content-type': 'application/json' };

describe('the console refuses other hosts (DNS rebinding)', () => {
  it('listens on 127.0.0.1 and refuses to listen elsewhere', async () => {
    expect(new URL(console_.url).hostname).toBe('127.0.0.1');
    await expect(startConsole({ fake, host: '0.0.0.0' as never })).rejects.toThrow(/loopback only/);
  });

  it.each(['evil.example', `evil.example:${0}`, 'rebind.attacker.test:80', '127.0.0.1', '127.0.0.2:PORT', 'localhost:1', ''])(
    'Host %j → 403 for the page, the API and the event stream',
    async (host) => {
      const h = host.replace('PORT', String(port)).replace(':0', `:${port}`);
      for (const path of ['/', '/api/state', '/api/events', '/api/chats/x/messages']) {
        const r = await raw('GET', path, h ? { host: h } : {});
        // Node itself answers 400 to a request with no Host at all.
        expect(r.status, `${path} with Host ${h}`).toBe(h ? 403 : 400);
        if (h) expect(r.body).toContain('只接受本机访问');
      }
      expect((await raw('POST', '/api/say', h ? { host: h, ...json } : json, say)).status).toBe(h ? 403 : 400);
      expect(fake.messages({ sender: ALICE })).toHaveLength(0);
    },
  );

  it.each(['127.0.0.1', 'localhost', '[::1]'])('Host %s:<its port> is served', async (name) => {
    const r = await raw('GET', '/api/state', { host: `${name}:${port}` });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toHaveProperty('chats');
  });

  it('a POST from a foreign Origin is refused even with the right Host; its own origin and no Origin (curl) pass', async () => {
    const host = `127.0.0.1:${port}`;
    for (const origin of ['http://evil.example', `http://evil.example:${port}`, 'null', `https://127.0.0.1:${port}`]) {
      expect((await raw('POST', '/api/say', { host, origin, ...json }, say)).status, origin).toBe(403);
    }
    expect(fake.messages({ sender: ALICE })).toHaveLength(0);
    expect((await raw('POST', '/api/say', { host, origin: `http://localhost:${port}`, ...json }, say)).status).toBe(200);
    expect((await raw('POST', '/api/say', { host, ...json }, say)).status).toBe(200);
    expect(fake.messages({ sender: ALICE })).toHaveLength(2);
  });
});
