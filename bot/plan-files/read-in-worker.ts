/**
 * Reads and parses a plan file off the event loop: in a worker thread with a
 * heap cap and a time budget. Whatever the file, the promise settles within
 * the budget with the plan or a PlanError in Chinese (too slow, too big for
 * the memory, or what the readers and parser refuse); the thread is
 * terminated on overrun. One read runs at a time in a process, so the memory
 * the reads take is bounded by one heap cap (the queue is the only state
 * this module keeps).
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
let queue: Promise<unknown> = Promise.resolve();

export function readPlanInWorker(job: ReadJob, budget: ReadBudget): Promise<ReadPlan> {
  const run = queue.then(() => runWorker(job, budget));
  queue = run.catch(() => undefined);
  return run;
}

function runWorker(job: ReadJob, budget: ReadBudget): Promise<ReadPlan> {
  return new Promise<ReadPlan>((resolve, reject) => {
    let settled = false;
    let timedOut = false;
    const worker = new Worker(ENTRY, {
      workerData: job,
      resourceLimits: { maxOldGenerationSizeMb: budget.memoryMb, maxYoungGenerationSizeMb: Math.min(32, Math.ceil(budget.memoryMb / 8)) },
    });
    const timer = setTimeout(() => {
      timedOut = true;
      void worker.terminate();
    }, budget.timeoutMs);
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    worker.on('message', (outcome: ReadOutcome) =>
      settle(() => (outcome.ok ? resolve({ parsed: outcome.parsed, sourceName: outcome.sourceName, sourceText: outcome.sourceText }) : reject(new PlanError(outcome.message)))),
    );
    worker.on('error', (e: Error & { code?: string }) =>
      settle(() =>
        reject(
          e.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new PlanError(`文件过于复杂，无法在限定内存（${budget.memoryMb} MB）内读取：请删去与工作任务无关的内容，或分成几份导入。`)
            : e,
        ),
      ),
    );
    worker.on('exit', (code) =>
      settle(() =>
        reject(
          timedOut
            ? new PlanError(`文件处理超时（${formatSeconds(budget.timeoutMs)} 秒）：文件过大或过于复杂，请删去与工作任务无关的内容，或分成几份导入。`)
            : new Error(`the plan worker stopped (exit code ${code}) without an answer`),
        ),
      ),
    );
  });
}

function formatSeconds(ms: number): string {
  return String(Number((ms / 1000).toFixed(3)));
}
