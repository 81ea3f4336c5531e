/**
 * /import past the time budget or the worker's heap cap (IMPORT_TIMEOUT_SECONDS,
 * IMPORT_MEMORY_MB, set small here): the admin is told which, in Chinese; the store is
 * unchanged; the inbound job completes with that answer (no retry loop); the bot goes on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failedInboundJobs, importableState, sendPlanFile } from '../../helpers/chat-import.js';
import { ADMIN, startCommandHarness, wordsOf, type CommandHarness } from '../../helpers/command-harness.js';
import * as files from '../../helpers/hostile-files.js';

let slow: CommandHarness;
let small: CommandHarness;
beforeAll(async () => {
  // One millisecond is less than any read of a table takes, in a thread just started (or started while
  // the file downloaded) or one kept from before: every read overruns.
  [slow, small] = await Promise.all([
    startCommandHarness({ IMPORT_TIMEOUT_SECONDS: '0.001' }),
    startCommandHarness({ IMPORT_MEMORY_MB: '32', IMPORT_TIMEOUT_SECONDS: '120' }),
  ]);
});
afterAll(async () => {
  await slow?.close();
  await small?.close();
});

describe('the read budget of /import', () => {
  it('past the time budget: 「文件处理超时」, once, nothing changes, the job completes, /ping still answers', async () => {
    const before = await importableState(slow);
    await sendPlanFile(slow, await files.tableXlsx(2000));
    const answers = await slow.command(ADMIN, '/import');
    expect(answers.map(wordsOf)).toEqual([expect.stringContaining('文件无法导入：文件处理超时（0.001 秒）')]);
    expect(await importableState(slow)).toBe(before);
    expect(await failedInboundJobs(slow)).toBe(0);
    expect(wordsOf((await slow.command(ADMIN, '/ping'))[0]!)).toContain('pong');
  });

  it('past the heap cap: 「文件过于复杂」, once, nothing changes, the job completes, a small file still imports', async () => {
    const before = await importableState(small);
    await sendPlanFile(small, await files.tableDocx(10_000));
    const answers = await small.command(ADMIN, '/import');
    expect(answers.map(wordsOf)).toEqual([expect.stringContaining('文件无法导入：文件过于复杂，无法在限定内存（32 MB）内读取')]);
    expect(await importableState(small)).toBe(before);
    expect(await failedInboundJobs(small)).toBe(0);
    await sendPlanFile(small, await files.tableXlsx(20));
    expect(wordsOf((await small.command(ADMIN, '/import'))[0]!)).toContain('20 项任务');
  });
});
