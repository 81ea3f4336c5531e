import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decrypt, Refused, sameSecret, verifySignature } from '../../../bot/feishu/verify.js';

const KEY = 'test key';
const NOW = 1_650_000_000_000;

function sign(ts: string, nonce: string, body: Buffer, key = KEY): string {
  return createHash('sha256').update(Buffer.concat([Buffer.from(ts + nonce + key), body])).digest('hex');
}

function encrypt(plain: string, key = KEY): string {
  const iv = randomBytes(16);
  const c = createCipheriv('aes-256-cbc', createHash('sha256').update(key).digest(), iv);
  return Buffer.concat([iv, c.update(plain, 'utf8'), c.final()]).toString('base64');
}

describe('decrypt', () => {
  it('reads the test vector of the Feishu docs', () => {
    expect(decrypt('test key', 'P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk=')).toBe('hello world');
  });
  it('round-trips Chinese text', () => {
    expect(decrypt(KEY, encrypt('{"text":"已完成118家"}'))).toBe('{"text":"已完成118家"}');
  });
  it.each([['not base64 at all!!'], [''], [Buffer.alloc(20).toString('base64')], [Buffer.alloc(48, 7).toString('base64')]])('refuses %s with 400', (bad) => {
    expect(() => decrypt(KEY, bad)).toThrowError(Refused);
  });
});

describe('verifySignature', () => {
  const body = Buffer.from('{"encrypt":"abc"}');
  const ts = String(NOW / 1000);
  const ok = { timestamp: ts, nonce: 'n1', signature: sign(ts, 'n1', body) };

  it('accepts a fresh, correct signature (seconds or milliseconds)', () => {
    expect(() => verifySignature(ok, KEY, body, NOW, 300)).not.toThrow();
    const ms = String(NOW);
    expect(() => verifySignature({ timestamp: ms, nonce: 'n1', signature: sign(ms, 'n1', body) }, KEY, body, NOW, 300)).not.toThrow();
  });

  const at = (secondsFromNow: number) => {
    const t = String(NOW / 1000 + secondsFromNow);
    return { timestamp: t, nonce: 'n1', signature: sign(t, 'n1', body) };
  };

  it.each([
    ['a re-push 6 h later with the first headers', at(-6 * 3600), 8 * 3600],
    ['exactly at the window', at(-8 * 3600), 8 * 3600],
    ['a clock 300 s ahead', at(300), 8 * 3600],
  ])('accepts %s', (_what, headers, windowSeconds) => {
    expect(() => verifySignature(headers, KEY, body, NOW, windowSeconds)).not.toThrow();
  });

  it.each([
    ['one second past an 8 h window', at(-8 * 3600 - 1), 8 * 3600],
    ['a clock 301 s ahead, whatever the window', at(301), 8 * 3600],
  ])('refuses %s as stale', (_what, headers, windowSeconds) => {
    expect(() => verifySignature(headers, KEY, body, NOW, windowSeconds)).toThrowError('stale timestamp');
  });

  it.each([
    ['a forged signature', { ...ok, signature: sign(ts, 'n1', body, 'wrong key') }, 'bad signature'],
    ['a signature of another body', { ...ok, signature: sign(ts, 'n1', Buffer.from('{}')) }, 'bad signature'],
    ['a truncated signature', { ...ok, signature: ok.signature.slice(0, 10) }, 'bad signature'],
    ['missing headers', { timestamp: ts }, 'missing signature headers'],
    ['a stale timestamp', { ...ok, timestamp: String(NOW / 1000 - 301), signature: sign(String(NOW / 1000 - 301), 'n1', body) }, 'stale timestamp'],
    ['a future timestamp', { ...ok, timestamp: String(NOW / 1000 + 301), signature: sign(String(NOW / 1000 + 301), 'n1', body) }, 'stale timestamp'],
    ['a non-numeric timestamp', { ...ok, timestamp: 'yesterday' }, 'bad timestamp'],
  ])('refuses %s', (_what, headers, reason) => {
    try {
      verifySignature(headers, KEY, body, NOW, 300);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(Refused);
      expect((e as Refused).status).toBe(401);
      expect((e as Refused).reason).toBe(reason);
    }
  });
});

describe('sameSecret', () => {
  it('compares exactly', () => {
    expect(sameSecret('vt', 'vt')).toBe(true);
    expect(sameSecret('vt', 'vt2')).toBe(false);
    expect(sameSecret('', 'x')).toBe(false);
  });
});
