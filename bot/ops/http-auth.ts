/**
 * Access to the operator endpoints: HTTP basic auth for the dashboard (a
 * browser asks for the password), a bearer token for /metrics (what
 * Prometheus sends). Secrets are compared in constant time.
 */
import type { RequestHandler } from 'express';
import { sameSecret } from '../feishu/verify.js';

export interface Credentials {
  user: string;
  password: string;
}

/** The user and password of an `Authorization: Basic …` header, or null. */
function basicCredentials(header: string | undefined): Credentials | null {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header ?? '');
  if (!m) return null;
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function basicMatches(header: string | undefined, expected: Credentials): boolean {
  const given = basicCredentials(header);
  // Both compared every time, so timing does not tell which one was wrong.
  return !!given && [sameSecret(given.user, expected.user), sameSecret(given.password, expected.password)].every(Boolean);
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return !!m && sameSecret(m[1]!, token);
}

/** Lets a request through with the right basic credentials, or with the bearer token when one is given. */
export function requireAuth(opts: { basic?: Credentials; token?: string; realm: string }): RequestHandler {
  return (req, res, next) => {
    const header = req.header('authorization');
    if ((opts.basic && basicMatches(header, opts.basic)) || (opts.token && bearerMatches(header, opts.token))) {
      next();
      return;
    }
    if (opts.basic) res.setHeader('WWW-Authenticate', `Basic realm="${opts.realm}", charset="UTF-8"`);
    res.status(401).json({ msg: 'authentication required' });
  };
}
