/**
 * A nudge card shows its period as the store holds it (the fake Feishu, patched through the real
 * SDK): 「已报送」 once a report is recorded; when the owner withdraws it (撤销这条记录) and no report of
 * the period remains, the card asks again exactly as sent; when another remains, it shows that one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobIdFor } from '../../../jobs/queues.js';
import { drainInbound, drainNudges, OTHER, STAFF, startCommandHarness, type CommandHarness } from '../../helpers/command-harness.js';

const PERIOD = '2022-W15'; // the harness clock: Monday 2022-04-11

let h: CommandHarness;
beforeAll(async () => {
  h = await startCommandHarness();
});
afterAll(async () => h?.close());

const db = () => h.bot.deps.db;

async function checkin(openId: string, code: string) {
  const t = await db().task.findFirstOrThrow({ where: { code } });
  const person = await db().person.findUniqueOrThrow({ where: { openId } });
  const key = `${t.id}:${person.id}:${PERIOD}:checkin`;
  await db().nudge.create({ data: { key, taskId: t.id, personId: person.id, period: PERIOD, kind: 'checkin', dueAt: h.clock.now(), state: 'pending', createdAt: h.clock.now() } });
  await h.bot.deps.queues.nudges.add('send-nudge', { key }, { jobId: jobIdFor('nudge', key) });
  await drainNudges(h);
  return { taskId: t.id, messageId: (await db().nudge.findUniqueOrThrow({ where: { key } })).messageId! };
}

async function click(from: string, messageId: string, value: Record<string, unknown>) {
  await h.fake.clickCard({ from, messageId, value });
  await drainInbound(h);
}

/** The latest confirmation card the bot put under `parentId`, and the report it undoes. */
function confirmationUnder(openId: string, parentId: string) {
  const card = h.fake.messagesTo(openId).filter((m) => m.parentId === parentId && m.msgType === 'interactive').at(-1)!;
  return { messageId: card.messageId, reportId: Number(JSON.stringify(card.content).match(/"action":"report-undo","reportId":(\d+)/)![1]) };
}

const versions = (messageId: string) => h.fake.message(messageId)!.history;

describe('withdrawing a report puts the nudge cards back', () => {
  it('the only report of the period withdrawn: the card asks again, buttons and form as sent', async () => {
    const card = await checkin(OTHER, '3');
    await click(OTHER, card.messageId, { action: 'report-status', taskId: card.taskId, period: PERIOD, status: 'at_risk' });
    expect(JSON.stringify(h.fake.message(card.messageId)!.content)).toContain('**已报送**（李强，2022-04-11 10:00）');
    const confirm = confirmationUnder(OTHER, card.messageId);
    await click(OTHER, confirm.messageId, { action: 'report-undo', reportId: confirm.reportId });
    expect((await db().report.findUniqueOrThrow({ where: { id: confirm.reportId } })).revokedAt).not.toBeNull();

    const v = versions(card.messageId);
    expect(v.map((x) => x.via)).toEqual(['create', 'patch', 'patch']);
    expect(h.fake.message(card.messageId)!.content).toEqual(v[0]!.content);
    const words = JSON.stringify(v[2]!.content);
    expect(words).not.toContain('已报送');
    expect(words).toContain('"action":"report-form"');
    expect(words.match(/"action":"report-status"/g)).toHaveLength(JSON.stringify(v[0]!.content).match(/"action":"report-status"/g)!.length);
  });

  it('another report of the period remains: the card shows that one again', async () => {
    const card = await checkin(STAFF, '4');
    const said = await h.fake.userSays({ from: STAFF, text: '按计划推进，正在组织申报', replyTo: card.messageId });
    await said.delivery;
    await drainInbound(h);
    const first = versions(card.messageId).at(-1)!.content;
    expect(JSON.stringify(first)).toContain('**已报送**（张敏，2022-04-11 10:00）');
    expect(JSON.stringify(first)).toContain('状态：按计划推进');

    h.clock.advance(60_000);
    await click(STAFF, card.messageId, { action: 'report-status', taskId: card.taskId, period: PERIOD, status: 'blocked' });
    const second = JSON.stringify(h.fake.message(card.messageId)!.content);
    expect(second).toContain('**已报送**（张敏，2022-04-11 10:01）');
    expect(second).toContain('状态：受阻');

    const confirm = confirmationUnder(STAFF, card.messageId);
    await click(STAFF, confirm.messageId, { action: 'report-undo', reportId: confirm.reportId });
    expect(versions(card.messageId).map((x) => x.via)).toEqual(['create', 'patch', 'patch', 'patch']);
    expect(h.fake.message(card.messageId)!.content).toEqual(first);
  });
});
