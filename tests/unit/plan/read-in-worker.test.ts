/**
 * readPlanInWorker: a plan file read and parsed in a worker thread (started from vitest,
 * which the thread does not inherit), the outcome back as a plan or a PlanError; the time
 * budget and the heap cap end a read that would take longer or more.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PlanError } from '../../../bot/domain/plan/types.js';
import { readPlanInWorker } from '../../../bot/plan-files/read-in-worker.js';
import { generatePlan } from '../../../bench/generate-plan.js';
import { tableDocx } from '../../helpers/hostile-files.js';
import { SEED_PATH } from './helpers.js';

const BUDGET = { timeoutMs: 60_000, memoryMb: 512 };

describe('readPlanInWorker', () => {
  it('reads and parses a file from disk in a worker thread', async () => {
    const { parsed, sourceName, sourceText } = await readPlanInWorker({ path: SEED_PATH, fallbackYear: 2022 }, BUDGET);
    expect(parsed.tasks).toHaveLength(23);
    expect(sourceName).toBe('qijiang-2022-work-plan.txt');
    expect(sourceText).toBe(readFileSync(SEED_PATH, 'utf8'));
  });

  it('reads bytes, and a refusal comes back as a PlanError with its Chinese message', async () => {
    const read = await readPlanInWorker({ name: '要点.txt', bytes: readFileSync(SEED_PATH), fallbackYear: 2022 }, BUDGET);
    expect(read.parsed.plan.title).toBe('重庆市綦江区科学技术局2022年工作要点');
    const refused = readPlanInWorker({ name: '通知.txt', bytes: Buffer.from('关于召开会议的通知\n请准时参会。\n'), fallbackYear: 2022 }, BUDGET);
    await expect(refused).rejects.toBeInstanceOf(PlanError);
    await expect(refused).rejects.toThrow('没有识别到任何任务');
  });

  it('a read past its time budget is stopped and refused with the budget named, in a kept thread too', async () => {
    // 8,000 tasks take far longer than a millisecond to parse, in a thread just started or one kept
    // from the read before (the earlier tests leave one).
    const big = { name: 'plan.txt', bytes: Buffer.from(generatePlan(8000)), fallbackYear: 2022 };
    for (let i = 0; i < 2; i++) {
      const late = readPlanInWorker(big, { timeoutMs: 1, memoryMb: 512 });
      await expect(late).rejects.toBeInstanceOf(PlanError);
      await expect(late).rejects.toThrow('文件处理超时（0.001 秒）');
      // The next read is not held up by the stopped one, and gets a thread of its own.
      expect((await readPlanInWorker({ path: SEED_PATH, fallbackYear: 2022 }, BUDGET)).parsed.tasks).toHaveLength(23);
    }
  });

  it('reads one after another in the kept thread, a refusal in between leaving it usable', async () => {
    for (let i = 0; i < 3; i++) {
      expect((await readPlanInWorker({ path: SEED_PATH, fallbackYear: 2022 + i }, BUDGET)).parsed.plan.year).toBe(2022);
      await expect(readPlanInWorker({ name: '空.txt', bytes: Buffer.from('\n'), fallbackYear: 2022 }, BUDGET)).rejects.toBeInstanceOf(PlanError);
    }
  });

  it('a read that needs more memory than the heap cap is refused, and the next read goes on', async () => {
    // mammoth holds a tree of the whole document: a 10,000-row table needs far more than 32 MB.
    const { name, bytes } = await tableDocx(10_000);
    const oom = readPlanInWorker({ name, bytes, fallbackYear: 2022 }, { timeoutMs: 120_000, memoryMb: 32 });
    await expect(oom).rejects.toBeInstanceOf(PlanError);
    await expect(oom).rejects.toThrow('文件过于复杂，无法在限定内存（32 MB）内读取');
    const read = await readPlanInWorker({ name: 'plan.txt', bytes: Buffer.from(generatePlan(8000)), fallbackYear: 2022 }, BUDGET);
    expect(read.parsed.tasks).toHaveLength(8000);
  });
});
