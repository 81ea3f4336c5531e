/**
 * #9 item 14 — bad plan files sent to the bot, bad commands and replies the
 * reader cannot make sense of: a clear Chinese message, the store unchanged
 * (for a reply: only the report holding the raw words). Bad plan and owner
 * files on the command line are covered in cli.test.ts and
 * assign-command.test.ts (same checks: Chinese message, store unchanged).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, drainInbound, STAFF, startCommandHarness, wordsOf, type CommandHarness } from '../helpers/command-harness.js';

let h: CommandHarness;
beforeAll(async () => {
  h = await startCommandHarness();
});
afterAll(async () => h?.close());

/** Everything a command or an import could change. */
async function snapshot() {
  const db = h.bot.deps.db;
  return JSON.stringify([
    await db.plan.findMany({ orderBy: { id: 'asc' } }),
    await db.task.findMany({ orderBy: { id: 'asc' } }),
    await db.target.findMany({ orderBy: { id: 'asc' } }),
    await db.assignment.findMany({ orderBy: { id: 'asc' } }),
    await db.person.findMany({ orderBy: { id: 'asc' } }),
    await db.report.findMany({ orderBy: { id: 'asc' } }),
    await db.leave.findMany({ orderBy: { id: 'asc' } }),
  ]);
}

async function sendFile(fileName: string, bytes: Buffer) {
  const said = await h.fake.userSays({ from: ADMIN, attachment: { fileName, bytes } });
  await said.delivery;
  await drainInbound(h);
}

describe('bad plan files sent to the bot', () => {
  it.each([
    ['an empty file', '空.txt', Buffer.from(''), '空'],
    ['a binary file', '要点.txt', Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0, 0, 7, 8, 9, 0]), '无法'],
    ['a notice with no task', '通知.txt', Buffer.from('关于召开会议的通知\n\n请各单位准时参会。\n', 'utf8'), '任务'],
  ])('%s: /import answers in Chinese and nothing changes', async (_what, name, bytes, words) => {
    const before = await snapshot();
    await sendFile(name, bytes);
    const answers = await h.command(ADMIN, '/import');
    expect(answers.length).toBeGreaterThan(0);
    const text = answers.map(wordsOf).join('\n');
    expect(text).toMatch(/[\u4e00-\u9fa5]/);
    expect(text).toContain(words);
    expect(await snapshot()).toBe(before);
  });
});

describe('bad commands', () => {
  it.each([
    [ADMIN, '/assign 99'],
    [ADMIN, '/deadline 1 某年某月'],
    [ADMIN, '/target 1 9 很多'],
    [ADMIN, '/cadence 1 daily'],
    [ADMIN, '/reassign'],
    [ADMIN, '/remind 任务不存在'],
    [STAFF, '/leave 十三月一日'],
    [STAFF, '/extend 1'],
    [STAFF, '/pace 1 k'],
    [STAFF, '/deadline 1 6月底'], // not an admin
    [STAFF, '/report 99 进展'],
    [STAFF, '/没有这个命令'],
  ])('%s %s: a clear Chinese answer, nothing changes', async (who, text) => {
    const before = await snapshot();
    const answers = await h.command(who, text);
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.map(wordsOf).join('\n')).toMatch(/[\u4e00-\u9fa5]{4,}/);
    expect(await snapshot()).toBe(before);
  });
});

describe('replies the reader cannot make sense of', () => {
  it.each(['嗯嗯。。。好的吧', '￥￥￥ ??? 🙃🙃', '{"text":"<at id=all></at>"}'])('「任务1 %s」: the raw words are kept, and the answer says what was recorded', async (words) => {
    const before = await h.bot.deps.db.report.count();
    const answers = await h.command(STAFF, `任务1 ${words}`);
    expect(answers.map(wordsOf).join('\n')).toMatch(/已记录|回复已保存/);
    expect(await h.bot.deps.db.report.count()).toBe(before + 1);
    const [stored] = await h.bot.deps.db.report.findMany({ orderBy: { id: 'desc' }, take: 1 });
    expect(stored!.rawText).toContain(words);
  });
});
