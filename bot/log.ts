/**
 * Structured logs (pino). Secrets and message texts are redacted by default:
 * - fields named like secrets (appSecret, encryptKey, token, password,
 *   authorization, cookie) and like message texts (text, content, rawText,
 *   rawContent, body, card) become "[redacted]", up to three levels deep;
 * - error messages (`err`, a string or an Error) lose the credentials of any
 *   URL in them and the argument dump of a Prisma "Invalid … invocation",
 *   which can quote what a user wrote.
 * Log what happened by ids (event, message, task, nudge key), never by text.
 */
import { pino, type Logger } from 'pino';

export type Log = Logger;

const SECRET_FIELDS = ['appSecret', 'app_secret', 'encryptKey', 'encrypt_key', 'token', 'password', 'authorization', 'cookie', 'secret'];
const TEXT_FIELDS = ['text', 'content', 'rawText', 'rawContent', 'body', 'card'];

/** Each field at the top level and one or two levels down (pino's wildcards match one level each). */
export const REDACT_PATHS = [...SECRET_FIELDS, ...TEXT_FIELDS].flatMap((f) => [f, `*.${f}`, `*.*.${f}`]);

/** The parts of an error message that may carry secrets or user text, removed. */
export function scrubErrorText(message: string): string {
  return (
    message
      // postgresql://user:password@host → postgresql://***@host (also redis://:password@…)
      .replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/gi, '$1***@')
      // Prisma prints the call with its arguments between the invocation line and the reason.
      .replace(/(Invalid `[^`]+` invocation[^\n]*\n)[\s\S]*\n(?=[^\n]*$)/, '$1[arguments redacted]\n')
  );
}

function scrubErr(err: unknown): unknown {
  if (typeof err === 'string') return scrubErrorText(err);
  if (err instanceof Error) {
    const out = pino.stdSerializers.err(err);
    return { ...out, message: scrubErrorText(out.message), stack: out.stack ? scrubErrorText(out.stack) : out.stack };
  }
  return err;
}

export function createLog(level: string, destination?: { write(s: string): void }): Log {
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      serializers: { err: scrubErr },
      base: { app: 'workplan-bot' },
    },
    destination as never,
  );
}
