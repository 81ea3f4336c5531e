/**
 * /import of a plan that names its units (issue #23): the importing admin gets the owner proposal's cards, the
 * ones /propose sends, read from the fake's org chart through the SDK; nothing is assigned before 「全部确认」.
 * With no department to read, the import still stands and the answer says why and names the owners file.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cardParts } from '../../../bot/demo/card-parts.js';
import { addDemoDirectory } from '../../../bot/demo/directory.js';
import { ADMIN, drainInbound, startCommandHarness, wordsOf, type CommandHarness } from '../../helpers/command-harness.js';
import { sleep } from '../../helpers/wait-for.js';

/** A plan with a 牵头科室 and a 分管领导 per task, tasks the stored 2022 plan does not have (no carry-over offer). */
const PLAN = [
  '重庆市綦江区科学技术局2023年工作要点',
  '一、建设创新平台',
  '1.推进科技特色小镇建设。完成小镇规划编制。',
  '牵头科室：高新科；分管领导：何建国',
  '2.开展科技金融路演活动。全年举办路演4场。',
  '牵头科室：金融科；配合科室：计划科；分管领导：罗晓梅',
  '3.编制全区创新地图。年底前发布。',
].join('\n');

let h: CommandHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function importPlan(harness: CommandHarness, text: string) {
  const said = await harness.fake.userSays({ from: ADMIN, attachment: { fileName: '2023年工作要点.txt', bytes: Buffer.from(text, 'utf8') } });
  await said.delivery;
  await drainInbound(harness);
  return harness.command(ADMIN, '/import', { settleMs: 200 });
}

const plan2023 = (harness: CommandHarness) => harness.bot.deps.db.plan.findFirstOrThrow({ where: { year: 2023 }, select: { id: true } });

describe('/import of a plan that names its units', () => {
  it('sends the importing admin the proposal cards; 全部确认 then assigns', async () => {
    h = await startCommandHarness();
    addDemoDirectory(h.fake, h.fake.users().map((u) => u.openId));
    const db = h.bot.deps.db;
    const assigned = await db.assignment.count();
    const answers = await importPlan(h, PLAN);
    const words = answers.map(wordsOf).join('\n');
    expect(words).toContain('已导入《重庆市綦江区科学技术局2023年工作要点》：3 项任务');
    expect(words).toContain('责任人：张敏（高新技术发展科负责人）｜协办：—｜责任领导：何建国（责任领导）');
    expect(words).toContain('责任人：赵磊（科技金融科负责人）｜协办：刘洋（发展计划与统计科负责人）｜责任领导：罗晓梅（责任领导）');
    expect(words).toContain('3 项任务中 2 项有建议的责任人');
    expect(await db.assignment.count()).toBe(assigned);
    const { id: planId } = await plan2023(h);
    expect(await db.ownerProposal.count({ where: { planId, state: 'pending' } })).toBe(1);

    const card = answers.find((m) => m.msgType === 'interactive' && cardParts(m.content).buttons.some((b) => b.text === '全部确认'))!;
    expect(card.chatId).toBe(h.fake.p2pChatOf(ADMIN));
    const confirm = cardParts(card.content).buttons.find((b) => b.text === '全部确认')!;
    await h.fake.clickCard({ from: ADMIN, messageId: card.messageId, value: confirm.value });
    await drainInbound(h);
    await sleep(100);
    const rows = await db.assignment.findMany({ where: { active: true, task: { planId } }, include: { person: true, task: true }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => `${r.task.code}:${r.role}:${r.person.name}`)).toEqual(['1:owner:张敏', '1:leader:何建国', '2:owner:赵磊', '2:collaborator:刘洋', '2:leader:罗晓梅']);
    expect(await db.auditEntry.count({ where: { action: 'proposal.confirmed', actor: ADMIN } })).toBe(1);
  }, 300_000);

  it('with no department to read, imports all the same and says why, naming the owners file', async () => {
    h = await startCommandHarness();
    const answers = await importPlan(h, PLAN);
    const words = answers.map(wordsOf).join('\n');
    expect(words).toContain('已导入《重庆市綦江区科学技术局2023年工作要点》：3 项任务');
    expect(words).toContain('未能自动生成责任人建议：飞书通讯录中没有应用可见的部门');
    expect(words).toContain('导入已完成，未作任何指派；可以用责任分工表（任务编号、姓名、角色）指派责任人');
    const { id: planId } = await plan2023(h);
    expect(await h.bot.deps.db.task.count({ where: { planId } })).toBe(3);
    expect(await h.bot.deps.db.ownerProposal.count()).toBe(0);
  }, 300_000);

  it('a plan that names no unit is imported with the /assign hint and no proposal', async () => {
    h = await startCommandHarness();
    addDemoDirectory(h.fake, h.fake.users().map((u) => u.openId));
    const bare = PLAN.split('\n').filter((l) => !l.startsWith('牵头科室')).join('\n');
    const words = (await importPlan(h, bare)).map(wordsOf).join('\n');
    expect(words).toContain('3 项任务。请用 /assign 指派责任人。');
    expect(words).not.toContain('责任人建议');
    expect(await h.bot.deps.db.ownerProposal.count()).toBe(0);
  }, 300_000);

  it('a job retried after the plan was stored (Feishu failed the answer) answers as the first try would have', async () => {
    h = await startCommandHarness();
    addDemoDirectory(h.fake, h.fake.users().map((u) => u.openId));
    await (await h.fake.userSays({ from: ADMIN, attachment: { fileName: '2023年工作要点.txt', bytes: Buffer.from(PLAN, 'utf8') } })).delivery;
    await drainInbound(h);
    const before = h.fake.messages({ sender: 'bot' }).length;
    // The import is stored, then its answer card is refused (rate limit, retryable): the job runs again.
    h.fake.faults.refuse({ times: 1, code: 230020, msgType: 'interactive' });
    await (await h.fake.userSays({ from: ADMIN, text: '/import' })).delivery;
    await drainInbound(h);
    await sleep(200);
    const words = h.fake.messages({ sender: 'bot' }).slice(before).map(wordsOf);
    expect(words.filter((w) => w.includes('导入结果'))).toHaveLength(1);
    expect(words.join('\n')).toContain('已导入《重庆市綦江区科学技术局2023年工作要点》：3 项任务');
    expect(words.join('\n')).not.toContain('已是最新');
    expect(words.join('\n')).toContain('3 项任务中 2 项有建议的责任人');
    const { id: planId } = await plan2023(h);
    expect(await h.bot.deps.db.ownerProposal.count({ where: { planId } })).toBe(1);
    expect(await h.bot.deps.db.task.count({ where: { planId } })).toBe(3);
  }, 300_000);
});
