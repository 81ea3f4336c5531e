/**
 * Feishu request authenticity: signature over the raw body with a
 * constant-time compare and a timestamp window, AES-256-CBC decryption, and
 * the verification token. Pure functions; `nowMs` is an argument.
 */
import { createDecipheriv, createHash, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';

export class Refused extends Error {
  override name = 'Refused';
  constructor(readonly status: 400 | 401 | 403 | 413 | 415, readonly reason: string) {
    super(reason);
  }
}

export interface SignedHeaders {
  timestamp?: string;
  nonce?: string;
  signature?: string;
}

/** How far ahead of our clock a timestamp may be (clock skew); the window only reaches back. */
export const FUTURE_SKEW_SECONDS = 300;

/**
 * hex(sha256(timestamp + nonce + encryptKey + rawBody)), compared in constant time. A timestamp
 * up to `windowSeconds` old is accepted: whether Feishu's re-pushes (about 15 s, 5 min, 1 h and
 * 6 h after the first) are signed anew is not documented, so a re-push may carry the first
 * attempt's headers hours later (bot/feishu/receiver.ts).
 */
export function verifySignature(h: SignedHeaders, encryptKey: string, rawBody: Buffer, nowMs: number, windowSeconds: number): void {
  if (!h.timestamp || !h.nonce || !h.signature) throw new Refused(401, 'missing signature headers');
  if (!/^\d{1,16}$/.test(h.timestamp)) throw new Refused(401, 'bad timestamp');
  // Feishu sends seconds; accept milliseconds too (the unit is not documented).
  const raw = Number(h.timestamp);
  const tsMs = raw > 1e11 ? raw : raw * 1000;
  if (nowMs - tsMs > windowSeconds * 1000 || tsMs - nowMs > FUTURE_SKEW_SECONDS * 1000) throw new Refused(401, 'stale timestamp');
  // Hashed in two updates: the body is not copied behind the headers.
  const expected = createHash('sha256').update(h.timestamp + h.nonce + encryptKey, 'utf8').update(rawBody).digest();
  let given: Buffer;
  try {
    given = Buffer.from(h.signature, 'hex');
  } catch {
    throw new Refused(401, 'bad signature');
  }
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new Refused(401, 'bad signature');
}

/** base64(iv ‖ AES-256-CBC(sha256(key), plaintext)) → plaintext. */
export function decrypt(encryptKey: string, encrypted: string): string {
  try {
    const buf = Buffer.from(encrypted, 'base64');
    if (buf.length < 32 || buf.length % 16 !== 0) throw new Error('length');
    const decipher = createDecipheriv('aes-256-cbc', aesKey(encryptKey), buf.subarray(0, 16));
    return Buffer.concat([decipher.update(buf.subarray(16)), decipher.final()]).toString('utf8');
  } catch {
    throw new Refused(400, 'cannot decrypt body');
  }
}

/** The AES key of an Encrypt Key (its SHA-256), derived once: a process has one Encrypt Key. */
let derived: { encryptKey: string; key: KeyObject } | null = null;
function aesKey(encryptKey: string): KeyObject {
  if (derived?.encryptKey !== encryptKey) derived = { encryptKey, key: createSecretKey(createHash('sha256').update(encryptKey).digest()) };
  return derived.key;
}

/** Constant-time string equality for the verification token. */
export function sameSecret(a: string, b: string): boolean {
  const x = createHash('sha256').update(a).digest();
  const y = createHash('sha256').update(b).digest();
  return timingSafeEqual(x, y) && a.length === b.length;
}
