/** Bot processes for the benchmarks (bench/bot-process.ts) and their resident size. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { ProcessSpec } from './bot-process.js';

/** The compiled entry (run.ts builds dist/ first): the bot runs as `npm start` runs it, and so does its anchor. */
const ENTRY = new URL('../dist/bench/bot-process.js', import.meta.url).pathname;
/**
 * bot/cli/run-dist.js sets --liftoff-only for production processes; the benchmark's processes take the
 * same. --expose-gc only lets idleRss() ask a process for a full collection before it reads its size
 * (the bot's and the anchor's alike); it changes nothing else.
 */
const NODE_FLAGS = ['--liftoff-only', '--expose-gc'];
/** BENCH_PROFILE=<dir>: each bot process writes a V8 CPU profile there (open it in Chrome's DevTools). */
const PROFILE = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];

export interface BotProcess {
  child: ChildProcess;
  url: string | null;
  bareUrl: string | null;
  /** Resident set size now, MiB (from /proc; null where there is none). */
  rss(): number | null;
  /** Asks the process for a full garbage collection (global.gc()); settles when it is done. */
  collect(): Promise<void>;
  /** CPU time used so far (user + system), ms (from /proc; null where there is none). */
  cpuMs(): number | null;
  stop(): Promise<void>;
}

export async function spawnBot(spec: ProcessSpec, readyWithinMs = 60_000): Promise<BotProcess> {
  const child = spawn(process.execPath, [...NODE_FLAGS, ...PROFILE, ENTRY, JSON.stringify(spec)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await new Promise<{ url?: string | null; bareUrl?: string | null }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bench ${spec.role} process not ready in ${readyWithinMs} ms`)), readyWithinMs);
    child.once('exit', (code) => reject(new Error(`bench ${spec.role} process exited with ${code}`)));
    child.on('message', (m: { type?: string }) => {
      if (m?.type !== 'ready') return;
      clearTimeout(timer);
      resolve(m as never);
    });
  });
  return {
    child,
    url: ready.url ?? null,
    bareUrl: ready.bareUrl ?? null,
    rss: () => rssOf(child.pid),
    collect: () =>
      new Promise<void>((resolve) => {
        const done = (m: { type?: string }) => {
          if (m?.type !== 'collected') return;
          child.off('message', done);
          resolve();
        };
        child.on('message', done);
        child.send({ type: 'collect' });
      }),
    cpuMs: () => cpuMsOf(child.pid),
    stop: async () => {
      if (child.exitCode === null) child.send({ type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export function rssOf(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ: 100 on Linux). */
const USER_HZ = 100;

export function cpuMsOf(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    // Fields after the command name (which may hold spaces, so split after its closing parenthesis): utime is the 14th, stime the 15th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / USER_HZ;
  } catch {
    return null;
  }
}

/** Samples a process's RSS every `ms` until stopped; returns the peak seen. */
export function watchRss(p: BotProcess, ms = 250): { stop(): number | null } {
  let peak: number | null = p.rss();
  const timer = setInterval(() => {
    const r = p.rss();
    if (r !== null && (peak === null || r > peak)) peak = r;
  }, ms);
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}

/**
 * How long a process is left alone before its idle size is read, the bot's and the anchor's alike: the
 * start-up's last work (connections, schedulers, the worker's tenant token) is over by then.
 */
export const IDLE_SETTLE_MS = 10_000;
/** Full collections, each followed by a read of the size; the idle size is their median. */
const IDLE_SAMPLES = 3;
const AFTER_COLLECT_MS = 300;

/**
 * A process's idle resident size, MiB: after IDLE_SETTLE_MS, the median of IDLE_SAMPLES reads each
 * taken AFTER_COLLECT_MS after a full garbage collection. Read without a collection, the size says
 * when V8 last collected (start-up garbage is given back some seconds after the last burst of work,
 * or not, as the heap's growth heuristics decide): the anchor alone read 62–86 MiB across runs. After
 * a full collection both sides hold what they keep — code, caches, connections — and the ratio
 * compares that. The same procedure reads the bot and the anchor.
 */
export async function idleRss(p: BotProcess): Promise<number | null> {
  await new Promise((r) => setTimeout(r, IDLE_SETTLE_MS));
  const reads: number[] = [];
  for (let i = 0; i < IDLE_SAMPLES; i++) {
    await p.collect();
    await new Promise((r) => setTimeout(r, AFTER_COLLECT_MS));
    const r = p.rss();
    if (r === null) return null;
    reads.push(r);
  }
  return reads.sort((a, b) => a - b)[Math.floor(reads.length / 2)]!;
}

/** The memory anchor: idle resident size (idleRss) of a bare compiled process holding only a no-op BullMQ worker, MiB. */
export async function bareProcessRss(env: Record<string, string>): Promise<number | null> {
  const p = await spawnBot({ role: 'noop', env, queue: 'noop-idle' });
  try {
    return await idleRss(p);
  } finally {
    await p.stop();
  }
}
