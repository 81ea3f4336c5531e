/**
 * The demo's simulated clock. While playing, simulated time runs at `speed`
 * simulated seconds per real second; it never passes its `limit`, which the
 * demo driver sets to the next moment the bot has work (a sweep, a colleague's
 * answer) and raises only once that work is done — so nothing is stamped late
 * however fast the clock runs. At speed 'max' the clock stands at its limit:
 * simulated time jumps from one moment of work to the next.
 * Real time comes from an injected Clock (the one reader of time).
 */
import type { Clock } from '../clock.js';

export type Speed = number | 'max';

export interface SimClock extends Clock {
  readonly speed: Speed;
  readonly paused: boolean;
  /** The time the clock will not pass until the driver raises it. */
  readonly limit: Date;
  setSpeed(speed: Speed): void;
  pause(): void;
  play(): void;
  setLimit(t: Date): void;
}

export function createSimClock(start: Date, real: Clock, speed: Speed = 60): SimClock {
  let anchorSim = start.getTime();
  let anchorReal = real.now().getTime();
  let rate: Speed = speed;
  let paused = false;
  let limit = start.getTime();
  const raw = () => {
    if (rate === 'max') return limit;
    if (paused) return anchorSim;
    return anchorSim + (real.now().getTime() - anchorReal) * rate;
  };
  const simNow = () => Math.min(raw(), limit);
  /** Re-anchors at the current simulated time so a change never makes time jump. */
  const reanchor = () => {
    anchorSim = simNow();
    anchorReal = real.now().getTime();
  };
  return {
    now: () => new Date(Math.floor(simNow())),
    get speed() {
      return rate;
    },
    get paused() {
      return paused;
    },
    get limit() {
      return new Date(limit);
    },
    setSpeed(s) {
      if (s !== 'max' && (!(s > 0) || !Number.isFinite(s))) throw new RangeError(`speed must be a positive number or 'max', got ${s}`);
      reanchor();
      rate = s;
    },
    pause() {
      reanchor();
      paused = true;
    },
    play() {
      reanchor();
      paused = false;
    },
    setLimit(t) {
      reanchor();
      limit = Math.max(limit, t.getTime());
    },
  };
}
