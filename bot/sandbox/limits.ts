/**
 * Feishu's real IM send limits (contract §5), applied only when enforceRealLimits(true):
 * - per app: 50/s and 1000/min over send + reply + patch → HTTP 429, code 99991400, headers
 *   x-ogw-ratelimit-limit and x-ogw-ratelimit-reset (seconds to wait);
 * - per receiving chat (a user's p2p chat or a group): 5/s → HTTP 400, code 230020
 *   (that 230020 is this limit is UNCONFIRMED in the contract; most plausible reading);
 * - per message for patch: 5/s → HTTP 400, code 230020.
 * - contact reads (contact/v3: departments, users, scopes): 50/s and 1000/min per app (each endpoint's
 *   page says 接口频率限制 1000 次/分钟、50 次/秒) → HTTP 429, code 99991400. Whether each endpoint has its own
 *   budget or they share one is UNCONFIRMED; the fake shares one (the stricter reading).
 * Windows are fixed (whole seconds / whole minutes of the injected clock), so reset is exact.
 */
import { PlatformError, bad } from './platform-error.js';

export const APP_PER_SECOND = 50;
export const APP_PER_MINUTE = 1000;
export const TARGET_PER_SECOND = 5;

export function gatewayLimited(limit: number, resetSeconds: number): PlatformError {
  return new PlatformError(429, 99991400, 'request trigger frequency limit', {
    'x-ogw-ratelimit-limit': String(limit),
    'x-ogw-ratelimit-reset': String(resetSeconds),
  });
}

export type Limits = ReturnType<typeof createLimits>;

class Window {
  private slot = -1;
  private count = 0;
  constructor(private readonly sizeMs: number) {}
  /** Count one call; returns false when the window already holds `max`. */
  take(now: number, max: number): boolean {
    const slot = Math.floor(now / this.sizeMs);
    if (slot !== this.slot) {
      this.slot = slot;
      this.count = 0;
    }
    if (this.count >= max) return false;
    this.count += 1;
    return true;
  }
  resetSeconds(now: number): number {
    return Math.max(1, Math.ceil(((this.slot + 1) * this.sizeMs - now) / 1000));
  }
}

export function createLimits(now: () => number) {
  let enforce = false;
  const appSecond = new Window(1000);
  const appMinute = new Window(60_000);
  const perKey = new Map<string, Window>();
  const contactSecond = new Window(1000);
  const contactMinute = new Window(60_000);

  function keyed(key: string): Window {
    let w = perKey.get(key);
    if (!w) perKey.set(key, (w = new Window(1000)));
    return w;
  }

  return {
    setEnforced(on: boolean): void {
      enforce = on;
      perKey.clear();
    },
    /** Throws what Feishu answers when over a limit. targetKey: `chat:<id>` (send/reply) or `message:<id>` (patch). */
    take(targetKey: string): void {
      if (!enforce) return;
      const t = now();
      if (!appSecond.take(t, APP_PER_SECOND)) throw gatewayLimited(APP_PER_SECOND, appSecond.resetSeconds(t));
      if (!appMinute.take(t, APP_PER_MINUTE)) throw gatewayLimited(APP_PER_MINUTE, appMinute.resetSeconds(t));
      if (!keyed(targetKey).take(t, TARGET_PER_SECOND)) throw bad(230020, 'This operation triggers the frequency limit.');
    },
    /** Throws the gateway's 429 when a contact read is over 50/s or 1000/min. */
    takeContact(): void {
      if (!enforce) return;
      const t = now();
      if (!contactSecond.take(t, APP_PER_SECOND)) throw gatewayLimited(APP_PER_SECOND, contactSecond.resetSeconds(t));
      if (!contactMinute.take(t, APP_PER_MINUTE)) throw gatewayLimited(APP_PER_MINUTE, contactMinute.resetSeconds(t));
    },
  };
}
