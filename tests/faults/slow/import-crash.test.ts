/**
 * #14 — a worker process killed (SIGKILL) while /import reads a hostile file: the job
 * comes back to the next worker, whose read is bounded and off its event loop too, so
 * the admin gets one answer and the store is unchanged (the old reader froze the new
 * process as well, again after every restart).
 */
import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { startBot } from '../../../bot/main.js';
import { startHarness, type Harness } from '../../helpers/bot-harness.js';
import { ADMIN, wordsOf } from '../../helpers/command-harness.js';
import { sparseXlsx } from '../../helpers/hostile-files.js';
import { spawnWorker } from '../../helpers/spawn-worker.js';
import { waitFor } from '../../helpers/wait-for.js';

let h: Harness;
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
  await h?.close();
});

function worker(): ChildProcess {
  const c = spawnWorker(h, { ADMIN_OPEN_IDS: ADMIN });
  children.push(c);
  return c;
}

const exited = (c: ChildProcess) => new Promise<void>((resolve) => (c.exitCode !== null ? resolve() : c.once('exit', () => resolve())));
const botSays = (words: string) => h.fake.messages({ sender: 'bot' }).filter((m) => wordsOf(m).includes(words));

describe('a worker killed while /import reads a hostile file', () => {
  it('the retried job ends with one answer, the store unchanged', async () => {
    h = await startHarness({ env: { ADMIN_OPEN_IDS: ADMIN, SWEEP_EVERY_SECONDS: '0' } });
    await h.bot.close();
    h.bot = await startBot({ config: h.config, role: 'receiver' });
    h.fake.setWebhook({ eventsUrl: `${h.bot.url}/feishu/events`, cardsUrl: `${h.bot.url}/feishu/cards` });
    h.fake.addUser({ openId: ADMIN, name: '管理员' });
    const first = worker();
    const { name, bytes } = await sparseXlsx();
    await (await h.fake.userSays({ from: ADMIN, attachment: { fileName: name, bytes } })).delivery;
    await waitFor(() => botSays('已收到文件').length, 60_000, 'the file to be remembered');

    await (await h.fake.userSays({ from: ADMIN, text: '/import' })).delivery;
    await waitFor(async () => (await h.bot.deps.queues.inbound.getActiveCount()) > 0, 60_000, 'the import to start');
    first.kill('SIGKILL');
    await exited(first);

    worker();
    await waitFor(() => botSays('文件无法导入').length, 60_000, 'the answer to /import');
    await waitFor(async () => (await h.bot.deps.queues.inbound.getJobCounts('active', 'waiting', 'delayed')).active === 0, 60_000, 'the job to end');
    const answers = botSays('文件无法导入');
    expect(answers).toHaveLength(1);
    expect(wordsOf(answers[0]!)).toContain('第3行XFD列');
    expect(await h.bot.deps.db.plan.count()).toBe(0);
    expect(await h.bot.deps.db.task.count()).toBe(0);
  });
});
