/**
 * /import of next year's plan in chat: the admin gets the carry-over preview card; nothing is carried
 * before 「确认承接」; a non-admin's click is refused; 「不承接」 carries nothing; 「确认承接」 carries the
 * people, once, audited, and every copy of the card shows the outcome.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, drainInbound, GROUP, OTHER, startCommandHarness, wordsOf, type CommandHarness } from '../../helpers/command-harness.js';
import { sendPlanFile } from '../../helpers/chat-import.js';
import { sleep } from '../../helpers/wait-for.js';

const NEXT = readFileSync(new URL('../../fixtures/plans/qijiang-2023-work-plan.txt', import.meta.url));

let h: CommandHarness;
beforeAll(async () => {
  h = await startCommandHarness();
});
afterAll(async () => h?.close());

const db = () => h.bot.deps.db;
const nextPlan = () => db().plan.findFirstOrThrow({ where: { year: 2023 } });
const staffed = async () => db().assignment.count({ where: { active: true, task: { plan: { year: 2023 } } } });

async function click(from: string, messageId: string, value: Record<string, unknown>) {
  const r = await h.fake.clickCard({ from, messageId, value });
  await drainInbound(h);
  await sleep(50);
  return r;
}

/** Sends the 2023 plan and /import; resolves to the preview card and its proposal id. */
async function importNext() {
  await sendPlanFile(h, { name: '2023年工作要点.txt', bytes: NEXT });
  const replies = await h.command(ADMIN, '/import');
  expect(wordsOf(replies[0]!)).toContain('已导入《重庆市綦江区科学技术局2023年工作要点》：15 项任务。');
  const preview = replies.find((m) => wordsOf(m).includes('承接责任人（待确认）'))!;
  expect(preview).toBeDefined();
  const proposal = await db().auditEntry.findFirstOrThrow({ where: { action: 'carry.proposed' }, orderBy: { id: 'desc' } });
  return { preview, proposalId: proposal.id };
}

describe('/import of next year’s plan: carrying people over', () => {
  it('previews what would be carried and carries nothing yet', async () => {
    const { preview, proposalId } = await importNext();
    const words = wordsOf(preview);
    expect(words).toContain('从《重庆市綦江区科学技术局2022年工作要点》承接到《重庆市綦江区科学技术局2023年工作要点》');
    expect(words).toContain('**2 培育科技型中小企业** ← 2 培育科技型企业｜（未列）｜李强（责任人）；何建国（责任领导）｜相近');
    expect(words).toContain('10 申报市级科技奖励：可能承接自 9 申报科技奖励，未承接');
    expect(words).toContain('承接 11 项，有多个可能、未承接 2 项，无对应任务 2 项。');
    expect(words).toContain('确认承接');
    expect(await staffed()).toBe(0);
    const entry = await db().auditEntry.findUniqueOrThrow({ where: { id: proposalId } });
    expect(entry.actor).toBe(ADMIN);
    const old = await db().plan.findFirstOrThrow({ where: { year: 2022 } });
    expect(JSON.parse(entry.after!)).toEqual({ fromPlanId: old.id, toPlanId: (await nextPlan()).id, from: old.title, toTitle: '重庆市綦江区科学技术局2023年工作要点', tasks: 11 });
    expect(old.archivedAt).toBeNull();
  });

  it('importing the same plan again offers nothing again', async () => {
    await sendPlanFile(h, { name: '2023年工作要点.txt', bytes: NEXT });
    const replies = await h.command(ADMIN, '/import');
    expect(wordsOf(replies[0]!)).toContain('已是最新，没有变化');
    expect(replies.some((m) => wordsOf(m).includes('承接责任人'))).toBe(false);
    expect(await db().auditEntry.count({ where: { action: 'carry.proposed' } })).toBe(1);
  });

  it('a click by someone not an admin is refused and changes nothing', async () => {
    const { preview, proposalId } = { preview: h.fake.messagesTo(ADMIN).filter((m) => wordsOf(m).includes('承接责任人（待确认）')).at(-1)!, proposalId: (await db().auditEntry.findFirstOrThrow({ where: { action: 'carry.proposed' } })).id };
    const forwarded = await h.bot.deps.messenger.send({ chatId: GROUP }, { card: preview.content }, 'test-forward-carry');
    const count = await db().auditEntry.count();
    const r = await click(OTHER, forwarded.messageId, { action: 'carry-confirm', proposalId });
    expect(r.body).toMatchObject({ toast: { type: 'error', content: '只有管理员可以决定是否承接责任人' } });
    expect(await db().auditEntry.count()).toBe(count);
    expect(await staffed()).toBe(0);
  });

  it('不承接 carries nothing, is audited, and the card says so; a later 确认承接 is only told', async () => {
    const preview = h.fake.messagesTo(ADMIN).filter((m) => wordsOf(m).includes('承接责任人（待确认）')).at(-1)!;
    const proposalId = (await db().auditEntry.findFirstOrThrow({ where: { action: 'carry.proposed' } })).id;
    const r = await click(ADMIN, preview.messageId, { action: 'carry-decline', proposalId });
    expect(r.body).toMatchObject({ toast: { type: 'success', content: '已记录：不承接' } });
    expect(await db().auditEntry.count({ where: { action: 'carry.declined', actor: ADMIN } })).toBe(1);
    expect(wordsOf(h.fake.message(preview.messageId)!)).toContain('**未承接**（管理员，');
    expect(h.fake.messagesTo(ADMIN).some((m) => wordsOf(m).includes('已记录：不从《重庆市綦江区科学技术局2022年工作要点》承接责任人'))).toBe(true);
    const again = await click(ADMIN, preview.messageId, { action: 'carry-confirm', proposalId });
    expect(again.body).toMatchObject({ toast: { type: 'info', content: '该预览已处理（未承接），无需重复操作' } });
    expect(await staffed()).toBe(0);
    expect(await db().auditEntry.count({ where: { action: 'plan.carried' } })).toBe(0);
  });

  it('确认承接 carries the people once, audited, and the card shows the outcome', async () => {
    // The plan imported anew (as if for the first time), so that it is offered again.
    await db().plan.delete({ where: { id: (await nextPlan()).id } });
    h.clock.advance(60_000);
    const { preview, proposalId } = await importNext();
    const r = await click(ADMIN, preview.messageId, { action: 'carry-confirm', proposalId });
    expect(r.body).toMatchObject({ toast: { type: 'success', content: '已确认，正在承接责任人' } });
    expect(await staffed()).toBe(23);
    const task = await db().task.findFirstOrThrow({ where: { code: '2', plan: { year: 2023 } }, include: { assignments: { include: { person: true } } } });
    expect(task.assignments.map((a) => `${a.person.name}:${a.role}`).sort()).toEqual(['何建国:leader', '李强:owner']);
    const entry = await db().auditEntry.findFirstOrThrow({ where: { action: 'plan.carried' } });
    expect(entry.actor).toBe(ADMIN);
    expect(JSON.parse(entry.after!)).toMatchObject({ tasks: 11, count: 23, proposalId });
    expect(wordsOf(h.fake.message(preview.messageId)!)).toContain('**已承接**（管理员，');
    expect(wordsOf(h.fake.message(preview.messageId)!)).not.toContain('carry-confirm');
    expect(h.fake.messagesTo(ADMIN).some((m) => wordsOf(m).includes('承接 11 项任务的责任人（新增 23 人次）'))).toBe(true);

    const count = await db().auditEntry.count();
    const again = await click(ADMIN, preview.messageId, { action: 'carry-confirm', proposalId });
    expect(again.body).toMatchObject({ toast: { type: 'info', content: '该预览已处理（已承接），无需重复操作' } });
    expect(await db().auditEntry.count()).toBe(count);
    expect(await staffed()).toBe(23);
  });
});
