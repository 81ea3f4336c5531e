/** Structured logs (pino). Secrets and message texts are redacted by default. */
import { pino, type Logger } from 'pino';

export type Log = Logger;

export const REDACT_PATHS = [
  'appSecret', '*.appSecret', 'encryptKey', '*.encryptKey', 'token', '*.token', 'authorization', '*.authorization',
  'text', '*.text', 'content', '*.content', 'rawText', '*.rawText',
];

export function createLog(level: string, destination?: { write(s: string): void }): Log {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: { app: 'workplan-bot' } }, destination as never);
}
