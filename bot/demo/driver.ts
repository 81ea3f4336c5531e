/**
 * Drives simulated time. The production bot sweeps every minute of real time;
 * the demo instead stops its clock at each sweep time of the day (and at each
 * colleague's action), puts a sweep job on the same queue the scheduler
 * would, and waits until the workers are idle before time moves on. Steps
 * ("next working day", "Friday 16:00") run at full speed to their target.
 */
import type { Clock } from '../clock.js';
import { addDays, isoWeekday } from '../domain/calendar/civil-date.js';
import { addWorkdays, atShanghai, shanghaiDate, type WorkCalendar } from '../domain/calendar/work-calendar.js';
import type { Queues } from '../../jobs/queues.js';
import type { Agenda } from './agenda.js';
import type { SimClock, Speed } from './sim-clock.js';

export type StepTarget = 'next-working-day' | 'friday-1600';

export interface DriverDeps {
  clock: SimClock;
  /** Real time, for waiting on the workers. */
  real: Clock;
  queues: Queues;
  agenda: Agenda;
  calendar: WorkCalendar;
  /** 'HH:mm' Beijing times at which the sweep runs every day. */
  sweepTimes: string[];
  checkinAt: string;
  onError(what: string, e: unknown): void;
  /** Before the work of a moment, with the clock at it (the soak tells its bot processes the time here). */
  beforeWork?(t: number): Promise<void>;
  /** After the work of a moment and its drain (then the queues are drained again). */
  afterWork?(t: number): Promise<void>;
  /** Work the queues do not show, still under way (the fake's redeliveries). */
  pending?(): number;
  /** How long to wait for the workers before moving on (60 s). */
  drainTimeoutMs?: number;
  /**
   * Simulated ms per real ms that pass while only retries wait out their backoff (none: time stands).
   * The soak's processes crash mid-job; the claims they leave expire only as time passes.
   */
  flowWhileWaiting?: number;
  /** Told each time simulated time flows while waiting. */
  onTime?(t: number): Promise<void>;
}

export interface Driver {
  /** Runs until `until` (or forever, until stop()). */
  run(until: Date | null): Promise<void>;
  step(to: StepTarget): Promise<void>;
  /** The speed to show while a step runs at full speed. */
  shownSpeed(): Speed;
  stop(): void;
  sweeps(): number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function createDriver(d: DriverDeps): Driver {
  const times = [...new Set(d.sweepTimes)].sort();
  let lastSweep = d.clock.now().getTime() - 1;
  let sweepCount = 0;
  let stopped = false;
  let step: { target: number; saved: Speed; done: () => void } | null = null;
  const queued: { target: number; done: () => void }[] = [];

  const nextSweep = (after: number): number => {
    for (let day = shanghaiDate(new Date(after)); ; day = addDays(day, 1)) {
      const t = times.map((hhmm) => atShanghai(day, hhmm).getTime()).find((x) => x > after);
      if (t !== undefined) return t;
    }
  };

  /** Jobs to run now (and the fake's redeliveries under way), and jobs waiting out a delay (retries' backoff). */
  const busy = async (): Promise<{ now: number; later: number }> => {
    const n = { now: d.pending?.() ?? 0, later: 0 };
    for (const q of [d.queues.sweeps, d.queues.nudges, d.queues.inbound]) {
      // Redis away (restarting, paused): count as busy and ask again.
      const c = await q.getJobCounts('waiting', 'active', 'prioritized', 'delayed', 'waiting-children').catch(() => ({ unknown: 1 }) as Record<string, number>);
      for (const [state, k] of Object.entries(c)) n[state === 'delayed' ? 'later' : 'now'] += k;
    }
    return n;
  };

  /** Where run() stops (the clock never flows past it). */
  let goalAt = Infinity;

  /**
   * Waits until no job is waiting or running (at most drainTimeoutMs of real time, then moves on). With
   * flowWhileWaiting, simulated time moves on while only retries wait out their delays, up to the next moment.
   */
  const drain = async () => {
    const limit = d.drainTimeoutMs ?? 60_000;
    const deadline = d.real.now().getTime() + limit;
    for (;;) {
      const n = await busy();
      if (n.now + n.later === 0) return;
      if (d.real.now().getTime() > deadline) return d.onError('等待后台任务', new Error(`the workers did not finish within ${limit / 1000} s`));
      if (n.now === 0 && d.flowWhileWaiting) {
        // Up to the next moment of work: the next sweep, a colleague's next action (one added during this work too), the end.
        const horizon = Math.min(nextSweep(lastSweep), d.agenda.nextAt() ?? Infinity, goalAt);
        const to = Math.min(d.clock.now().getTime() + 20 * d.flowWhileWaiting, horizon);
        if (to > d.clock.now().getTime()) {
          d.clock.setLimit(new Date(to));
          await d.onTime?.(to);
        }
      }
      await sleep(20);
    }
  };

  const startStep = () => {
    const next = queued.shift();
    if (!next || step) return;
    step = { ...next, saved: d.clock.speed };
    d.clock.setSpeed('max');
  };

  const targetOf = (to: StepTarget): number => {
    const today = shanghaiDate(d.clock.now());
    if (to === 'next-working-day') return atShanghai(addWorkdays(d.calendar, today, 1), d.checkinAt).getTime();
    let friday = today;
    while (isoWeekday(friday) !== 5) friday = addDays(friday, 1);
    const t = atShanghai(friday, '16:00').getTime();
    return t > d.clock.now().getTime() ? t : atShanghai(addDays(friday, 7), '16:00').getTime();
  };

  const workAt = async (t: number) => {
    await d.beforeWork?.(t);
    if (t === nextSweep(lastSweep)) {
      await d.queues.sweeps.add('nudge-sweep', {}, { jobId: `demo-sweep-${t}` });
      lastSweep = t;
      sweepCount++;
      await drain();
    }
    for (const item of d.agenda.takeDue(t)) {
      try {
        await item.run();
      } catch (e) {
        d.onError(`${item.who}：${item.what}`, e);
      }
      await drain();
    }
    if (d.afterWork) {
      await d.afterWork(t);
      await drain();
    }
  };

  return {
    async run(until) {
      const end = until?.getTime() ?? Infinity;
      while (!stopped) {
        const goal = Math.min(step?.target ?? Infinity, end);
        const now = d.clock.now().getTime();
        if (step && now >= step.target) {
          d.clock.setSpeed(step.saved);
          const done = step.done;
          step = null;
          done();
          startStep();
          continue;
        }
        if (now >= end) return;
        const next = Math.max(now, Math.min(nextSweep(lastSweep), d.agenda.nextAt() ?? Infinity, goal));
        d.clock.setLimit(new Date(next));
        goalAt = goal;
        if (d.clock.now().getTime() < next) {
          await sleep(50);
          continue;
        }
        await workAt(next);
      }
    },
    step(to) {
      return new Promise<void>((resolve) => {
        queued.push({ target: targetOf(to), done: resolve });
        startStep();
      });
    },
    shownSpeed: () => step?.saved ?? d.clock.speed,
    stop() {
      stopped = true;
      if (step) step.done();
      for (const q of queued.splice(0)) q.done();
    },
    sweeps: () => sweepCount,
  };
}
