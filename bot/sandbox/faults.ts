/** On-demand faults: the next N calls fail, or every answer is slow. */
import { gatewayLimited, type Limits } from './limits.js';
import { PlatformError } from './platform-error.js';
import type { TokenStore } from './tokens.js';
import type { SandboxFaults } from './types.js';

export interface FaultState {
  /** The public control surface (fake.faults). */
  controls: SandboxFaults;
  latencyMs(): number;
  answerDelayMs(): number;
  /** Consumes one injected 5xx, if any is pending. */
  takeServerError(): PlatformError | null;
  /** Consumes one injected 429 for an IM (or contact) call, if any is pending. */
  takeRateLimit(api?: RateLimitedApi): PlatformError | null;
  /** Consumes one injected refusal of a send or reply of this msg_type, if any is pending. */
  takeRefusal(msgType: unknown): PlatformError | null;
}

export type RateLimitedApi = 'im' | 'contact';

export function createFaults(tokens: TokenStore, limits: Limits): FaultState {
  const rate: Record<RateLimitedApi, { times: number; resetSeconds: number }> = {
    im: { times: 0, resetSeconds: 1 },
    contact: { times: 0, resetSeconds: 1 },
  };
  let server = { times: 0, status: 500 };
  let delay = 0;
  let answerDelay = 0;
  let refusal = { times: 0, code: 230099, msgType: undefined as string | undefined };

  const controls: SandboxFaults = {
    rateLimit: (opts = {}) => {
      rate[opts.api ?? 'im'] = { times: opts.times ?? 1, resetSeconds: opts.resetSeconds ?? 1 };
    },
    enforceRealLimits: (on) => limits.setEnforced(on),
    serverError: ({ times, status = 500 }) => {
      if (status < 500 || status > 599) throw new Error(`serverError: status must be 5xx (got ${status})`);
      server = { times, status };
    },
    latency: (ms) => {
      delay = Math.max(0, ms);
    },
    slowAnswers: (ms) => {
      answerDelay = Math.max(0, ms);
    },
    refuse: ({ times, code, msgType }) => {
      refusal = { times, code, msgType };
    },
    expireTokens: () => tokens.expireAll(),
    reset: () => {
      rate.im = { times: 0, resetSeconds: 1 };
      rate.contact = { times: 0, resetSeconds: 1 };
      server = { times: 0, status: 500 };
      delay = 0;
      answerDelay = 0;
      refusal = { times: 0, code: 230099, msgType: undefined };
      limits.setEnforced(false);
    },
  };

  return {
    controls,
    latencyMs: () => delay,
    answerDelayMs: () => answerDelay,
    takeServerError() {
      if (server.times <= 0) return null;
      server.times -= 1;
      return new PlatformError(server.status, 5000, 'Internal Server Error');
    },
    takeRefusal(msgType) {
      if (refusal.times <= 0 || (refusal.msgType !== undefined && refusal.msgType !== msgType)) return null;
      refusal.times -= 1;
      return new PlatformError(400, refusal.code, `refused on demand (fake Feishu fault, code ${refusal.code})`);
    },
    takeRateLimit(api = 'im') {
      const r = rate[api];
      if (r.times <= 0) return null;
      r.times -= 1;
      return gatewayLimited(50, r.resetSeconds);
    },
  };
}
