/**
 * The soak's bot processes: one receiver and `workers` workers, each a child process running the
 * production bot, compiled (bot-child.js), on the simulated clock. `setTime` tells every live process the time
 * and waits for each to acknowledge; `kill` ends one with SIGKILL (no goodbye to Redis, the store or
 * Feishu) and starts its replacement at the current simulated time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
/** What bot-child.js is told (SOAK_CHILD). */
interface ChildSpec {
  role: 'receiver' | 'worker';
  env: Record<string, string>;
  /** Simulated time at spawn, ms since the epoch. */
  now: number;
}

const ENTRY = new URL('./bot-child.js', import.meta.url).pathname;

export interface SoakProcess {
  role: ChildSpec['role'];
  name: string;
  child: ChildProcess;
  url: string | null;
}

export interface SoakProcesses {
  all(): SoakProcess[];
  setTime(now: number): Promise<void>;
  /** SIGKILL the named processes together, then start their replacements. */
  kill(names: string[]): Promise<void>;
  /** SIGTERM to every process (SIGKILL after 15 s). */
  stopAll(): Promise<void>;
  restarts(): number;
}

export async function startProcesses(o: {
  env: Record<string, string>;
  workers: number;
  now: () => number;
  onReceiver(url: string): void;
  onExit(name: string, code: number | null, signal: string | null): void;
}): Promise<SoakProcesses> {
  const live = new Map<string, SoakProcess>();
  const killing = new Set<string>();
  let seq = 0;
  let restarts = 0;

  const start = (role: ChildSpec['role'], name: string): Promise<SoakProcess> => {
    const spec: ChildSpec = { role, env: o.env, now: o.now() };
    const child = spawn(process.execPath, [ENTRY], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: { ...o.env, SOAK_CHILD: JSON.stringify(spec) },
    });
    const p: SoakProcess = { role, name, child, url: null };
    live.set(name, p);
    child.once('exit', (code, signal) => {
      if (live.get(name) === p) live.delete(name);
      if (!killing.has(name)) o.onExit(name, code, signal);
    });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`soak ${name} not ready within 120 s`)), 120_000);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`soak ${name} exited (${code}) before it was ready`));
      });
      child.on('message', (m: { type?: string; url?: string }) => {
        if (m?.type !== 'ready') return;
        clearTimeout(timer);
        p.url = m.url ?? null;
        // The time may have moved while it started.
        child.send({ type: 'time', now: o.now(), seq: -1 });
        if (role === 'receiver' && p.url) o.onReceiver(p.url);
        resolve(p);
      });
    });
  };

  /** Sends `signal` and resolves once the process has exited (SIGKILL after `forceAfterMs`, if given). */
  const end = (p: SoakProcess, signal: NodeJS.Signals, forceAfterMs?: number) =>
    new Promise<void>((resolve) => {
      if (p.child.exitCode !== null || p.child.signalCode !== null) return resolve();
      const force = forceAfterMs === undefined ? undefined : setTimeout(() => p.child.kill('SIGKILL'), forceAfterMs);
      p.child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      p.child.kill(signal);
    });

  const tell = (p: SoakProcess, now: number) =>
    new Promise<void>((resolve) => {
      const mine = ++seq;
      const done = () => {
        p.child.off('message', onMessage);
        p.child.off('exit', done);
        resolve();
      };
      const onMessage = (m: { type?: string; seq?: number }) => {
        if (m?.type === 'time-ack' && m.seq === mine) done();
      };
      p.child.on('message', onMessage);
      p.child.once('exit', done);
      if (p.child.exitCode !== null || p.child.signalCode !== null || !p.child.connected) return done();
      p.child.send({ type: 'time', now, seq: mine }, (e) => e && done());
    });

  await start('receiver', 'receiver');
  for (let i = 1; i <= o.workers; i++) await start('worker', `worker${i}`);

  return {
    all: () => [...live.values()],
    setTime: async (now) => {
      await Promise.all([...live.values()].map((p) => tell(p, now)));
    },
    async kill(names) {
      const victims = names.map((n) => live.get(n)).filter((p): p is SoakProcess => !!p);
      for (const v of victims) killing.add(v.name);
      await Promise.all(victims.map((v) => end(v, 'SIGKILL')));
      for (const v of victims) killing.delete(v.name);
      restarts += victims.length;
      await Promise.all(victims.map((v) => start(v.role, v.name)));
    },
    async stopAll() {
      const ps = [...live.values()];
      for (const p of ps) killing.add(p.name);
      await Promise.all(ps.map((p) => end(p, 'SIGTERM', 15_000)));
    },
    restarts: () => restarts,
  };
}
