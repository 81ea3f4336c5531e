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
  /** Consumes one injected 429 for an IM call, if any is pending. */
  takeRateLimit(): PlatformError | null;
}

export function createFaults(tokens: TokenStore, limits: Limits): FaultState {
  let rate = { times: 0, resetSeconds: 1 };
  let server = { times: 0, status: 500 };
  let delay = 0;
  let answerDelay = 0;

  const controls: SandboxFaults = {
    rateLimit: (opts = {}) => {
      rate = { times: opts.times ?? 1, resetSeconds: opts.resetSeconds ?? 1 };
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
    expireTokens: () => tokens.expireAll(),
    reset: () => {
      rate = { times: 0, resetSeconds: 1 };
      server = { times: 0, status: 500 };
      delay = 0;
      answerDelay = 0;
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
    takeRateLimit() {
      if (rate.times <= 0) return null;
      rate.times -= 1;
      return gatewayLimited(50, rate.resetSeconds);
    },
  };
}
