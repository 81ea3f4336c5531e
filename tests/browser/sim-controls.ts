/**
 * ConsoleControls over a manual clock, for the console's tests (the demo has its own): play
 * moves the clock `speed` simulated seconds per real second and sweeps as it goes; step walks
 * the clock forward through each working day's check-in, midday and digest times, sweeping and
 * draining the queues at each, so the bot has caught up when it resolves.
 */
import type { manualClock } from '../../bot/clock.js';
import type { Deps } from '../../bot/deps.js';
import { addDays, isoWeekday } from '../../bot/domain/calendar/civil-date.js';
import { atShanghai, shanghaiDate } from '../../bot/domain/calendar/shanghai-time.js';
import { addWorkdays } from '../../bot/domain/calendar/work-calendar.js';
import type { ConsoleControls } from '../../bot/sandbox/console/index.js';
import { runDigestSweep } from '../../jobs/processors/digest-sweep.js';
import { runSweep } from '../../jobs/processors/nudge-sweep.js';
import { waitFor } from '../helpers/wait-for.js';

type Clock = ReturnType<typeof manualClock>;
const TICK_MS = 250;
const STOPS = ['09:30', '12:00', '16:00'];

/** Waits until no job is queued or running and no nudge or digest post is half-sent. */
export async function settle(deps: Deps): Promise<void> {
  await waitFor(async () => {
    for (const q of [deps.queues.inbound, deps.queues.nudges]) {
      const c = await q.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      if (Object.values(c).some((n) => n > 0)) return false;
    }
    const open = { state: { in: ['pending', 'sending'] } };
    return (await deps.db.nudge.count({ where: open })) === 0 && (await deps.db.digestPost.count({ where: open })) === 0;
  }, 30_000, 'the bot to catch up');
}

async function sweep(deps: Deps): Promise<void> {
  await runSweep(deps);
  await runDigestSweep(deps);
}

export function simControls(clock: Clock, deps: Deps, opts: { speed?: number } = {}): ConsoleControls & { stop(): Promise<void> } {
  let speed = opts.speed ?? 600;
  let timer: NodeJS.Timeout | null = null;
  let busy: Promise<void> = Promise.resolve();
  /** One thing moves the clock at a time: ticks and steps queue behind each other. */
  const serial = (work: () => Promise<void>) => (busy = busy.then(work, work));

  let ticking = false;
  const tick = () => {
    if (ticking) return; // a slow sweep: skip this tick rather than pile them up
    ticking = true;
    void serial(async () => {
      clock.advance(speed * TICK_MS);
      await sweep(deps);
    }).finally(() => (ticking = false));
  };

  async function walkTo(target: Date): Promise<void> {
    let day = shanghaiDate(clock.now());
    while (clock.now() < target) {
      for (const hhmm of STOPS) {
        const t = atShanghai(day, hhmm);
        if (t <= clock.now() || t > target) continue;
        clock.set(t);
        await sweep(deps);
        await settle(deps);
      }
      day = addDays(day, 1);
      const next = atShanghai(day, '08:00');
      clock.set(next < target ? next : target);
    }
    await sweep(deps);
    await settle(deps);
  }

  function targetOf(to: 'next-working-day' | 'friday-1600'): Date {
    const today = shanghaiDate(clock.now());
    if (to === 'next-working-day') return atShanghai(addWorkdays(deps.calendar, today, 1), '09:30');
    const friday = addDays(today, 5 - isoWeekday(today));
    const t = atShanghai(friday, '16:00');
    return t > clock.now() ? t : atShanghai(addDays(friday, 7), '16:00');
  }

  return {
    state: () => ({ now: clock.now().toISOString(), speed, paused: timer === null }),
    setSpeed: (s) => {
      speed = s;
    },
    play: () => {
      timer ??= setInterval(tick, TICK_MS);
    },
    pause: () => {
      if (timer) clearInterval(timer);
      timer = null;
    },
    step: (to) => serial(() => walkTo(targetOf(to))),
    /** Stops playing and waits for a tick or step in flight. */
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await busy.catch(() => undefined);
    },
  };
}
