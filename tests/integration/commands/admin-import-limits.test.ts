/**
 * Issue #14 items 1–4 through chat: a hostile plan file sent to the bot and /import end
 * with a Chinese answer naming the limit, the store unchanged, the inbound job completed
 * (no retry); and while such a file is being read, the bot still answers /healthz and /ping.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failedInboundJobs, importableState, sendPlanFile } from '../../helpers/chat-import.js';
import { ADMIN, drainInbound, startCommandHarness, wordsOf, type CommandHarness } from '../../helpers/command-harness.js';
import * as files from '../../helpers/hostile-files.js';
import { sleep, waitFor } from '../../helpers/wait-for.js';

let h: CommandHarness;
beforeAll(async () => {
  h = await startCommandHarness();
});
afterAll(async () => h?.close());

describe('/import of a hostile file', () => {
  it.each([
    ['content in column XFD', files.sparseXlsx, '第3行XFD列'],
    ['20,000 rows', files.tallXlsx, '第15001行A列'],
    ['a .docx zip bomb', () => files.docxBomb('entry'), '文件解压后过大（其中一个部件约 60 MB）'],
    ['an .xlsx whose sheet lies about its size', () => files.xlsxBomb('lying'), '比它声明的大小（16 KB）更大'],
    ['tables nested 100 deep', () => files.deepDocx('tables', 100), '嵌套过深'],
    ['a CSV of 250,000 rows', files.hugeCsv, '第15001行第1列'],
    ['a task numbered 100,000', () => files.numberedText([1, 100_000]), '超出了任务编号的上限（99,999）'],
  ])('%s: the admin is told why in Chinese, nothing changes, the job completes', async (_what, make, words) => {
    const before = await importableState(h);
    const failed = await failedInboundJobs(h);
    await sendPlanFile(h, await make());
    const answers = await h.command(ADMIN, '/import');
    expect(answers).toHaveLength(1);
    expect(wordsOf(answers[0]!)).toContain('文件无法导入');
    expect(wordsOf(answers[0]!)).toContain(words);
    expect(await importableState(h)).toBe(before);
    expect(await failedInboundJobs(h)).toBe(failed);
  });
});

describe('/import checks the file before fetching it', () => {
  const downloads = () => h.fake.calls.filter((c) => c.path.includes('/resources/')).length;

  it('a type it cannot read is refused without a download', async () => {
    const before = downloads();
    await sendPlanFile(h, { name: '工作要点.pdf', bytes: Buffer.from('%PDF-1.4 not a plan') });
    const [answer] = await h.command(ADMIN, '/import');
    expect(wordsOf(answer!)).toContain('不支持的文件类型');
    expect(downloads()).toBe(before);
  });

  it('a file over 10 MB is refused as too large, read no further than the limit', async () => {
    const before = await importableState(h);
    await sendPlanFile(h, { name: '工作要点.txt', bytes: Buffer.alloc(12 * 1024 * 1024, 0x41) });
    const [answer] = await h.command(ADMIN, '/import');
    expect(wordsOf(answer!)).toContain('文件过大');
    expect(wordsOf(answer!)).toContain('10 MB');
    expect(await importableState(h)).toBe(before);
  });
});

describe('the bot answers while a hostile file is read', () => {
  it('GET /healthz answers throughout, and /ping, while /import reads a 20,000-row sheet', async () => {
    const before = await importableState(h);
    await sendPlanFile(h, await files.tallXlsx());
    const sent = new Set(h.fake.messages({ sender: 'bot' }).map((m) => m.messageId));
    const botSaid = (words: string) => h.fake.messages({ sender: 'bot' }).find((m) => !sent.has(m.messageId) && wordsOf(m).includes(words));
    await h.fake.userSays({ from: ADMIN, text: '/import' });
    await h.fake.userSays({ from: ADMIN, text: '/ping' });
    // Until /import is answered, /healthz keeps answering (a read on the event loop held it for minutes).
    let checks = 0;
    while (!botSaid('文件无法导入')) {
      const health = await fetch(`${h.bot.url}/healthz`, { signal: AbortSignal.timeout(20_000) });
      expect(health.status).toBe(200);
      checks++;
      await sleep(50);
    }
    expect(checks).toBeGreaterThan(0);
    await waitFor(() => botSaid('pong'), 60_000, 'pong');
    expect(wordsOf(botSaid('文件无法导入')!)).toContain('15,000 行');
    await drainInbound(h);
    expect(await importableState(h)).toBe(before);
  });
});
