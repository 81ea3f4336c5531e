/**
 * Feishu's webhook encryption and signature (contract §4), exported so tests can forge or replay requests.
 * Encrypt: AES-256-CBC, key = sha256(encryptKey), PKCS7, random 16-byte IV, base64(iv ‖ ciphertext).
 * Sign: hex(sha256(timestamp + nonce + encryptKey + body)), body = the exact bytes sent.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { ids } from './ids.js';

const keyOf = (encryptKey: string) => createHash('sha256').update(encryptKey, 'utf8').digest();

export function encryptEvent(encryptKey: string, obj: unknown): { encrypt: string } {
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-cbc', keyOf(encryptKey), iv);
  const plain = typeof obj === 'string' ? obj : JSON.stringify(obj);
  const enc = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return { encrypt: Buffer.concat([iv, enc]).toString('base64') };
}

export function decryptString(encryptKey: string, encrypt: string): string {
  const buf = Buffer.from(encrypt, 'base64');
  const decipher = createDecipheriv('aes-256-cbc', keyOf(encryptKey), buf.subarray(0, 16));
  return Buffer.concat([decipher.update(buf.subarray(16)), decipher.final()]).toString('utf8');
}

/** Decrypt an `encrypt` field to the JSON it holds. */
export function decryptEvent<T = unknown>(encryptKey: string, encrypt: string): T {
  return JSON.parse(decryptString(encryptKey, encrypt)) as T;
}

export function larkSignature(timestamp: string, nonce: string, encryptKey: string, body: string): string {
  return createHash('sha256').update(timestamp + nonce + encryptKey + body, 'utf8').digest('hex');
}

export interface SignedHeaders {
  'X-Lark-Request-Timestamp': string;
  'X-Lark-Request-Nonce': string;
  'X-Lark-Signature': string;
}

/** Headers Feishu puts on an event or card callback POST whose body is `body`. */
export function signRequest(args: {
  encryptKey: string;
  body: string;
  /** Seconds since the epoch, as a string (UNCONFIRMED unit; the SDK does not check it). Default: now. */
  timestamp?: string;
  nonce?: string;
}): SignedHeaders {
  const timestamp = args.timestamp ?? String(Math.floor(Date.now() / 1000));
  const nonce = args.nonce ?? ids.nonce();
  return {
    'X-Lark-Request-Timestamp': timestamp,
    'X-Lark-Request-Nonce': nonce,
    'X-Lark-Signature': larkSignature(timestamp, nonce, args.encryptKey, args.body),
  };
}

/** The compact body + headers Feishu sends for `payload` (plaintext and unsigned when encryptKey is ''). */
export function sealRequest(encryptKey: string, payload: unknown, nowMs: number): { body: string; headers: Record<string, string> } {
  if (!encryptKey) return { body: JSON.stringify(payload), headers: {} };
  const body = JSON.stringify(encryptEvent(encryptKey, payload));
  const headers = signRequest({ encryptKey, body, timestamp: String(Math.floor(nowMs / 1000)) });
  return { body, headers: { ...headers } };
}
