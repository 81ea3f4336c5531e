/**
 * #17 items 1, 7, 9 — what the bot reads from Feishu, through the real SDK against the fake in each
 * of the forms real Feishu may use: commands and reports typed as rich text (`post`, flat as events
 * carry it or under a locale); card callbacks with the card's ids at the event root instead of in
 * `context`; `mentions: null` on a message without @s.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobIdFor } from '../../jobs/queues.js';
import { ADMIN, drainInbound, drainNudges, GROUP, STAFF, startCommandHarness, wordsOf, type CommandHarness } from '../helpers/command-harness.js';
import { waitFor } from '../helpers/wait-for.js';

const PERIOD = '2022-W15'; // the harness clock: Monday 2022-04-11

/** A card's words as Feishu shows them (the bot's entity escapes decoded). */
const shown = (words: string) => words.replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));

describe('rich text (post)', () => {
  let h: CommandHarness;
  beforeAll(async () => {
    h = await startCommandHarness();
  });
  afterAll(async () => h?.close());

  it.each([
    ['flat, as events carry it', true as const],
    ['under zh_cn', { form: 'zh_cn' as const }],
    ['under en_us', { form: 'en_us' as const }],
  ])('「@机器人 /status」 in a group is the command (%s)', async (_form, post) => {
    const answers = await h.command(ADMIN, '{@0} /status', { chatId: GROUP, mentions: [h.fake.botOpenId], post });
    const sent = h.fake.messagesIn(GROUP).filter((m) => m.sender === ADMIN).at(-1)!;
    expect(sent.msgType).toBe('post');
    expect(answers).toHaveLength(1);
    expect(shown(wordsOf(answers[0]!))).toContain('本期填报情况（本期尚未催报）');
  });

  it('a command with an @ of someone else reads the person from the at node', async () => {
    const answers = await h.command(ADMIN, '{@0} /reassign 1 {@1}', { chatId: GROUP, mentions: [h.fake.botOpenId, STAFF], post: true });
    expect(answers.map(wordsOf)).toEqual(['张敏已是该任务唯一的责任人，未作修改。']);
  });

  it('a formatted report (title, bold, emoji, image, link, code block) is read as a report on the task it names', async () => {
    const text = ['有效期高企**121**家，按计划推进:THUMBSUP:', '![现场照片]', '详见[台账](https://example.gov.cn/t/4)', '```', '走访企业12家', '```'].join('\n');
    const said = await h.fake.userSays({ from: STAFF, text, post: { title: '任务4 本周进展' } });
    await said.delivery;
    await drainInbound(h);
    const task4 = await h.bot.deps.db.task.findFirstOrThrow({ where: { code: '4' } });
    const report = await waitFor(() => h.bot.deps.db.report.findFirst({ where: { messageId: said.messageId } }));
    expect(report.taskId).toBe(task4.id);
    expect(report.rawText).toBe('任务4 本周进展 有效期高企121家，按计划推进 详见台账 走访企业12家');
    const confirmation = await waitFor(() => h.fake.messagesTo(STAFF).find((m) => m.parentId === said.messageId));
    expect(confirmation.content.header?.title?.content).toBe('进展已记录');
  });
});

describe('card callbacks with the ids at the event root; mentions: null', () => {
  let h: CommandHarness;
  beforeAll(async () => {
    h = await startCommandHarness({}, { cardCallbackIds: 'root', emptyMentions: 'null' });
  });
  afterAll(async () => h?.close());

  it('a message whose mentions are null is still read', async () => {
    const answers = await h.command(STAFF, '/mine');
    expect(answers).toHaveLength(1);
    expect(shown(wordsOf(answers[0]!))).toContain('**任务4** 强力推进国高创建');
  });

  it('a status button on a check-in card is confirmed in reply to that card', async () => {
    const db = h.bot.deps.db;
    const task = await db.task.findFirstOrThrow({ where: { code: '1' } });
    const person = await db.person.findUniqueOrThrow({ where: { openId: STAFF } });
    const key = `${task.id}:${person.id}:${PERIOD}:checkin`;
    await db.nudge.create({ data: { key, taskId: task.id, personId: person.id, period: PERIOD, kind: 'checkin', dueAt: h.clock.now(), state: 'pending', createdAt: h.clock.now() } });
    await h.bot.deps.queues.nudges.add('send-nudge', { key }, { jobId: jobIdFor('nudge', key) });
    await drainNudges(h);
    const card = (await db.nudge.findUniqueOrThrow({ where: { key } })).messageId!;

    const click = await h.fake.clickCard({ from: STAFF, messageId: card, value: { action: 'report-status', taskId: task.id, period: PERIOD, status: 'at_risk' } });
    expect(click.body).toMatchObject({ toast: { content: '已记录：有风险' } });
    await drainInbound(h);
    const report = await waitFor(() => db.report.findFirst({ where: { taskId: task.id, source: 'button' } }));
    expect(report.status).toBe('at_risk');
    const confirmation = await waitFor(() => h.fake.messagesTo(STAFF).find((m) => m.parentId === card));
    expect(confirmation.content.header?.title?.content).toBe('进展已记录');
  });
});
