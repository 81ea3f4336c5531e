/**
 * /report 月报 (also 周报、半年、全年): an admin gets the bureau's paper as a .docx in their own chat with
 * the bot, asked there or in a group (the group only hears that it was sent); others are refused; a
 * task's progress by /report still works.
 */
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, GROUP, STAFF, startCommandHarness, wordsOf, type CommandHarness } from '../../helpers/command-harness.js';

let h: CommandHarness;
beforeAll(async () => {
  h = await startCommandHarness(); // clock: Monday 2022-04-11 10:00 Shanghai
});
afterAll(async () => h?.close());

const docText = async (fileKey: unknown) => (await mammoth.extractRawText({ buffer: h.fake.fileBytes(String(fileKey))! })).value;

describe('/report 月报', () => {
  it('sends the admin the month’s 推进情况 as a .docx in the p2p chat, with the owners’ words', async () => {
    await h.command(STAFF, '/report 1 已走访企业20家 <b>&</b>，按计划推进');
    const answers = await h.command(ADMIN, '/report 月报');
    const file = answers.find((m) => m.msgType === 'file');
    expect(file?.chatId).toBe(h.fake.p2pChatOf(ADMIN));
    const words = await docText(file!.content.file_key);
    expect(words).toContain('推进情况（4月）');
    expect(words).toContain('（张敏）：已走访企业20家 <b>&</b>，按计划推进');
    expect(answers.some((m) => wordsOf(m).includes('推进情况（4月）」已生成'))).toBe(true);
  });

  it('drafts the half year’s 工作总结（初稿） for /汇报 半年', async () => {
    const answers = await h.command(ADMIN, '/汇报 半年');
    const file = answers.find((m) => m.msgType === 'file');
    expect(await docText(file!.content.file_key)).toContain('上半年工作总结（初稿）');
  });

  it('asked in a group, sends the file privately and tells the group only that', async () => {
    const answers = await h.command(ADMIN, '{@0} /report 周报', { chatId: GROUP, mentions: [h.fake.botOpenId] });
    const inGroup = answers.filter((m) => m.chatId === GROUP);
    expect(inGroup.map(wordsOf).join('\n')).toContain('文档已私信发给您');
    expect(inGroup.some((m) => m.msgType === 'file')).toBe(false);
    const file = answers.find((m) => m.msgType === 'file');
    expect(file?.chatId).toBe(h.fake.p2pChatOf(ADMIN));
    expect(await docText(file!.content.file_key)).toContain('推进情况（第15周（4月11日至4月17日））');
  });

  it('is refused to someone who is not an admin, and nothing is sent', async () => {
    const answers = await h.command(STAFF, '/report 月报');
    expect(answers.some((m) => m.msgType === 'file')).toBe(false);
    expect(answers.map(wordsOf).join('\n')).toContain('只有管理员可以生成推进情况和工作总结文档');
  });

  it('leaves a task’s /report alone', async () => {
    const answers = await h.command(STAFF, '/report 4 已完成两家孵化器走访');
    expect(answers.some((m) => m.msgType === 'file')).toBe(false);
    const report = await h.bot.deps.db.report.findFirst({ where: { rawText: '已完成两家孵化器走访' } });
    expect(report).not.toBeNull();
  });
});
