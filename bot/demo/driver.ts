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

  const busy = async (): Promise<number> => {
    let n = 0;
    for (const q of [d.queues.sweeps, d.queues.nudges, d.queues.inbound]) {
      const c = await q.getJobCounts('waiting', 'active', 'prioritized', 'delayed', 'waiting-children');
      n += Object.values(c).reduce((a, b) => a + b, 0);
    }
    return n;
  };

  /** Waits until no job is waiting or running (at most 60 s of real time, then moves on). */
  const drain = async () => {
    const deadline = d.real.now().getTime() + 60_000;
    while ((await busy()) > 0) {
      if (d.real.now().getTime() > deadline) return d.onError('等待后台任务', new Error('the workers did not finish within 60 s'));
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
