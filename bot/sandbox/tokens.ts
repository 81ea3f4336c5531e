/**
 * Tenant access tokens and card-update tokens.
 * Tenant token: lives tokenTtlSeconds; a request with < 30 min left gets a new token and the old one
 * stays valid until its own expiry. Card token (c-...): from a click, valid 30 min, usable twice.
 */
import { ids } from './ids.js';

const REFRESH_WINDOW_MS = 30 * 60 * 1000;
const CARD_TOKEN_TTL_MS = 30 * 60 * 1000;
const CARD_TOKEN_USES = 2;

export type TokenCheck = { ok: true } | { ok: false; code: 99991661 | 99991663 | 99991671; msg: string };

export type TokenStore = ReturnType<typeof createTokenStore>;

interface CardToken {
  messageId: string;
  openId: string;
  expiresAt: number;
  uses: number;
}

export function createTokenStore(now: () => number, ttlSeconds: number) {
  const tenant = new Map<string, number>(); // token → expiresAt
  let current: string | null = null;
  const cards = new Map<string, CardToken>();

  return {
    /** The token /auth/v3/tenant_access_token/internal hands out, and its remaining seconds. */
    issue(): { token: string; expire: number } {
      const t = now();
      const exp = current ? tenant.get(current) : undefined;
      if (!current || exp === undefined || exp - t < REFRESH_WINDOW_MS) {
        current = ids.tenantToken();
        tenant.set(current, t + ttlSeconds * 1000);
      }
      return { token: current, expire: Math.floor(((tenant.get(current) ?? t) - t) / 1000) };
    },

    check(authorization: string | undefined): TokenCheck {
      if (!authorization || !/^Bearer\s+\S/i.test(authorization)) {
        return { ok: false, code: 99991661, msg: 'Missing access token for authorization. Please make a request with token attached.' };
      }
      const token = authorization.replace(/^Bearer\s+/i, '').trim();
      if (!/^[tu]-/.test(token)) {
        return { ok: false, code: 99991671, msg: 'Invalid access token format. Token should start with "t-" or "u-".' };
      }
      const exp = tenant.get(token);
      if (exp === undefined || exp <= now()) {
        return { ok: false, code: 99991663, msg: 'Invalid access token for authorization. Please make a request with token attached.' };
      }
      return { ok: true };
    },

    /** Fault: every tenant token issued so far becomes invalid. */
    expireAll(): void {
      tenant.clear();
      current = null;
    },

    issueCardToken(messageId: string, openId: string): string {
      const token = ids.cardToken();
      cards.set(token, { messageId, openId, expiresAt: now() + CARD_TOKEN_TTL_MS, uses: 0 });
      return token;
    },

    /** Consume one use of a card token; null when unknown, expired or used up. */
    useCardToken(token: string): { messageId: string; openId: string } | null {
      const c = cards.get(token);
      if (!c || c.expiresAt <= now() || c.uses >= CARD_TOKEN_USES) return null;
      c.uses += 1;
      return { messageId: c.messageId, openId: c.openId };
    },
  };
}
