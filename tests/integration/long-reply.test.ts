/**
 * #14 item 6 — a long free reply from someone with many tasks: the chooser used to copy the text into
 * every button and broke Feishu's 30 KB card limit (230025), so the reply got no answer and was not
 * recorded. Now the text stays on the server: a 20,000-character reply from an owner of 12 tasks gets a
 * chooser listing every task, and the choice records the whole text on that task, with its confirmation.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { bodyBytes, CARD_BUDGET } from '../../bot/feishu/cards/card-size.js';
import { assign } from '../../bot/store/people.js';
import { at, drainInbound, STAFF, startCommandHarness, type CommandHarness } from '../helpers/command-harness.js';
import { waitFor } from '../helpers/wait-for.js';

let h: CommandHarness;
afterEach(async () => h?.close());

const LONG = `已完成118家，按计划推进。${'本周走访企业，梳理申报材料，协调解决问题。'.repeat(1000)}`.slice(0, 19_999) + '完';

/** Makes 张敏 (owner of tasks 1 and 4) the owner of ten more: twelve in all. */
async function twelveTasks() {
  const db = h.bot.deps.db;
  const me = await db.person.findUniqueOrThrow({ where: { openId: STAFF } });
  const more = await db.task.findMany({ where: { code: { in: ['2', '3', '5', '6', '7', '8', '9', '10', '11', '12'] } } });
  for (const t of more) {
    await db.$transaction((tx) => assign(tx, { taskId: t.id, personId: me.id, role: 'owner', by: 'test', now: at('2022-04-01T09:00:00'), chatId: null, messageId: null }));
  }
  return db.task.findFirstOrThrow({ where: { code: '7' } });
}

describe('a 20,000-character reply from an owner of 12 tasks', () => {
  it('gets a chooser listing every task; the choice records the whole text, confirmed once', async () => {
    h = await startCommandHarness();
    const task7 = await twelveTasks();
    expect([...LONG].length).toBe(20_000);

    const said = await h.fake.userSays({ from: STAFF, text: LONG });
    await said.delivery;
    await drainInbound(h);
    const chooser = await waitFor(() => h.fake.messagesTo(STAFF).find((m) => m.parentId === said.messageId));
    expect(h.fake.calls.filter((c) => c.code === 230025)).toEqual([]);
    expect(bodyBytes(chooser.content)).toBeLessThanOrEqual(CARD_BUDGET);
    const menu = (chooser.content.body.elements as any[]).find((e) => e.tag === 'select_static');
    expect(menu.options).toHaveLength(12);
    expect(bodyBytes(chooser.content)).toBeLessThan(4 * 1024); // a 120-character preview; the text stays on the server

    const pick = { from: STAFF, messageId: chooser.messageId, tag: 'select_static', value: menu.behaviors[0].value, option: String(task7.id) };
    expect((await h.fake.clickCard(pick)).status).toBe(200);
    await drainInbound(h);
    const report = await waitFor(() => h.bot.deps.db.report.findFirst({ where: { taskId: task7.id, messageId: said.messageId } }));
    expect(report.rawText).toBe(LONG);
    expect(report.status).toBe('on_track');
    const confirmations = () => h.fake.messagesTo(STAFF).filter((m) => m.parentId === said.messageId && m.content.header?.title?.content === '进展已记录');
    await waitFor(() => confirmations().length === 1);
    expect(JSON.stringify(confirmations()[0]!.content)).toContain('任务7');
    // The chooser itself now shows the choice, with nothing left to choose (PATCH through the SDK).
    const chosen = h.fake.message(chooser.messageId)!;
    expect(chosen.history.map((v) => v.via)).toEqual(['create', 'patch']);
    expect(chosen.content.header.title.content).toBe('已选择：任务7');
    expect(JSON.stringify(chosen.content)).not.toMatch(/select_static|"tag":"button"|"tag":"form"/);

    // The same choice again records nothing new and shows nothing twice.
    await h.fake.clickCard(pick);
    await drainInbound(h);
    expect(await h.bot.deps.db.report.count({ where: { messageId: said.messageId } })).toBe(1);
    expect(confirmations()).toHaveLength(1);
  });

  it('a task number typed into the chooser works too; a number that is not theirs is answered, not recorded', async () => {
    h = await startCommandHarness();
    await twelveTasks();
    const said = await h.fake.userSays({ from: STAFF, text: '第二季度进展：推进顺利' });
    await said.delivery;
    await drainInbound(h);
    const chooser = await waitFor(() => h.fake.messagesTo(STAFF).find((m) => m.parentId === said.messageId));
    const value = { action: 'choose-task', messageId: said.messageId };
    const refused = await h.fake.clickCard({ from: STAFF, messageId: chooser.messageId, value, name: 'choose_submit', formValue: { code: '22' } });
    expect(refused.body).toMatchObject({ toast: { type: 'error', content: expect.stringContaining('您不是任务22的责任人或协办人，这条回复未作记录') } });
    await drainInbound(h);
    expect(await h.bot.deps.db.report.count({ where: { messageId: said.messageId } })).toBe(0);
    await h.fake.clickCard({ from: STAFF, messageId: chooser.messageId, value, name: 'choose_submit', formValue: { code: '4' } });
    await drainInbound(h);
    const task4 = await h.bot.deps.db.task.findFirstOrThrow({ where: { code: '4' } });
    const report = await waitFor(() => h.bot.deps.db.report.findFirst({ where: { messageId: said.messageId } }));
    expect(report.taskId).toBe(task4.id);
    expect(report.rawText).toBe('第二季度进展：推进顺利');
  });
});
