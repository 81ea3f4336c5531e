/**
 * Reads and parses a plan file off the event loop: in a worker thread with a
 * heap cap and a time budget. Whatever the file, the promise settles within
 * the budget with the plan or a PlanError in Chinese (too slow, too big for
 * the memory, or what the readers and parser refuse); on overrun the thread is
 * terminated and the next read gets a new one. One read runs at a time in a
 * process, so the memory the reads take is bounded by one heap cap.
 *
 * The thread is started on first use and kept for the next read (a fresh thread
 * costs its start and compiling the readers and the parser again: about half of
 * a cold 6,000-row read, docs/performance.md); it is let go after IDLE_MS
 * without work, so an idle bot does not hold it, and it never keeps a process
 * (the CLI) alive. A thread that ran out of time or memory, or threw, is
 * never reused.
 */
import { Worker } from 'node:worker_threads';
import type { Config } from '../config.js';
import { PlanError } from '../domain/plan/types.js';
import type { ReadJob, ReadOutcome, ReadPlan } from './read-and-parse.js';

export interface ReadBudget {
  timeoutMs: number;
  /** Heap cap of the worker thread (V8's old generation), MB. */
  memoryMb: number;
}

export function importBudget(config: Pick<Config, 'IMPORT_TIMEOUT_SECONDS' | 'IMPORT_MEMORY_MB'>): ReadBudget {
  return { timeoutMs: config.IMPORT_TIMEOUT_SECONDS * 1000, memoryMb: config.IMPORT_MEMORY_MB };
}

const ENTRY = new URL('./plan-worker-entry.js', import.meta.url);
/** How long a thread waits for its next read before it is let go. */
const IDLE_MS = 60_000;
let queue: Promise<unknown> = Promise.resolve();

interface Thread {
  worker: Worker;
  memoryMb: number;
  idle: NodeJS.Timeout | null;
}
/** The thread kept between reads (null: none yet, or the last one was let go). */
let kept: Thread | null = null;

export function readPlanInWorker(job: ReadJob, budget: ReadBudget): Promise<ReadPlan> {
  const run = queue.then(() => runInThread(job, budget));
  queue = run.catch(() => undefined);
  return run;
}

/**
 * Starts the reading thread now if none is kept, so that its start and the loading of the readers
 * and parser overlap what comes before the read (/import downloads the file from Feishu first).
 * Queued like a read: it never touches a thread that is reading. The thread is let go as usual.
 */
export function warmPlanReader(budget: ReadBudget): void {
  queue = queue.then(() => keep(threadFor(budget)));
}

/** The kept thread when its heap cap is this budget's, else a new one (the old one ended). */
function threadFor(budget: ReadBudget): Thread {
  if (kept && kept.memoryMb === budget.memoryMb) {
    if (kept.idle) clearTimeout(kept.idle);
    kept.idle = null;
    kept.worker.ref();
    return kept;
  }
  if (kept) void drop(kept);
  const worker = new Worker(ENTRY, {
    resourceLimits: { maxOldGenerationSizeMb: budget.memoryMb, maxYoungGenerationSizeMb: Math.min(32, Math.ceil(budget.memoryMb / 8)) },
  });
  const thread: Thread = { worker, memoryMb: budget.memoryMb, idle: null };
  // Between reads nobody else listens: a thread that fails or ends while idle is only forgotten.
  worker.on('error', () => {}).on('exit', () => void (kept === thread && drop(thread)));
  kept = thread;
  return thread;
}

function drop(thread: Thread): Promise<number> {
  if (thread.idle) clearTimeout(thread.idle);
  if (kept === thread) kept = null;
  return thread.worker.terminate();
}

function keep(thread: Thread): void {
  if (kept !== thread) return;
  thread.worker.unref();
  thread.idle = setTimeout(() => void drop(thread), IDLE_MS);
  thread.idle.unref();
}

function runInThread(job: ReadJob, budget: ReadBudget): Promise<ReadPlan> {
  const thread = threadFor(budget);
  const { worker } = thread;
  return new Promise<ReadPlan>((resolve, reject) => {
    let settled = false;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      void drop(thread);
    }, budget.timeoutMs);
    const settle = (reusable: boolean, fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (reusable) keep(thread);
      else void drop(thread);
      fn();
    };
    const onMessage = (outcome: ReadOutcome) =>
      settle(true, () => (outcome.ok ? resolve({ parsed: outcome.parsed, sourceName: outcome.sourceName, sourceText: outcome.sourceText }) : reject(new PlanError(outcome.message))));
    const onError = (e: Error & { code?: string }) =>
      settle(false, () =>
        reject(
          e.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new PlanError(`文件过于复杂，无法在限定内存（${budget.memoryMb} MB）内读取：请删去与工作任务无关的内容，或分成几份导入。`)
            : e,
        ),
      );
    const onExit = (code: number) =>
      settle(false, () =>
        reject(
          timedOut
            ? new PlanError(`文件处理超时（${formatSeconds(budget.timeoutMs)} 秒）：文件过大或过于复杂，请删去与工作任务无关的内容，或分成几份导入。`)
            : new Error(`the plan worker stopped (exit code ${code}) without an answer`),
        ),
      );
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage(job);
  });
}

function formatSeconds(ms: number): string {
  return String(Number((ms / 1000).toFixed(3)));
}
