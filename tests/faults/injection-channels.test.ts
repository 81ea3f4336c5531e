/**
 * #14 item 5 — plan titles, lead units, targets and people's names carrying @all (text and card
 * spellings, `</at>` tricks), links and bold, shown through every channel that can show them: in a
 * group that ALLOWS @all (where the fake would record an '@_all' mention) and in p2p chats (where it
 * would refuse with 230035). No bot message mentions anyone, nothing is refused, and the words still
 * read literally. (The user-text cases of #9: injection.test.ts.)
 *
 * Compile-level guard, checked by `npm run typecheck`: tests/unit/feishu/safe-text.test.ts holds
 * `// @ts-expect-error raw string is not BotText` and its siblings.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runDigestSweep } from '../../jobs/processors/digest-sweep.js';
import { runSweep } from '../../jobs/processors/nudge-sweep.js';
import { ADMIN, at, drainInbound, OTHER, STAFF, startCommandHarness, type BotMessage, type CommandHarness } from '../helpers/command-harness.js';
import { AT_ALL_TEXT, expectNobodyPinged, HOSTILE, makeHostile, readable } from '../helpers/hostile.js';
import { waitFor } from '../helpers/wait-for.js';

const OPEN = 'oc_openall0000000000000000000001';
const LEADER = 'ou_demo_hejianguo';
const LIU = 'ou_demo_liuyang'; // owner of the overdue task 7
const YANG = 'ou_demo_yangfan'; // owner of task 12

let h: CommandHarness;
afterEach(async () => h?.close());

async function hostileBot(): Promise<CommandHarness> {
  h = await startCommandHarness();
  await makeHostile(h.bot.deps.db, h.fake);
  h.fake.addChat({ chatId: OPEN, name: '全员群', members: [ADMIN, STAFF, OTHER], allowAtAll: true });
  return h;
}

/** A command typed in the @all group, @-mentioning the bot (and `people`). */
const inOpen = (from: string, text: string, people: string[] = []) =>
  h.command(from, `{@0} ${text}`, { chatId: OPEN, mentions: [h.fake.botOpenId, ...people] });

async function drainNudges(): Promise<void> {
  await waitFor(async () => (await h.bot.deps.db.nudge.count({ where: { state: { in: ['pending', 'sending'] } } })) === 0, 60_000, 'nudges to go out');
}

/** What a 12-character name field shows of a long name: its first 11 characters, then 「…」. */
const name = (openId: string) => `${HOSTILE.people[openId]!.slice(0, 11)}…`;

const one = (list: BotMessage[]): BotMessage => {
  expect(list).toHaveLength(1);
  return list[0]!;
};

describe('plan and people words never ping anyone', () => {
  it('commands in a group that allows @all, and their p2p notices', async () => {
    await hostileBot();
    // The ambiguous-task answer, a text message any member can trigger (the case).
    const ambiguous = one(await inOpen(STAFF, '/task 恶意'));
    expect(ambiguous.msgType).toBe('text');
    expect(ambiguous.content.text).toContain('＜at user_id="all"＞所有人＜/at＞'); // shown, harmless
    expect(readable(ambiguous)).toContain(`恶意${AT_ALL_TEXT}一`);

    const task = one(await inOpen(STAFF, '/task 1'));
    expect(readable(task)).toContain(HOSTILE.task1);
    expect(readable(task)).toContain(HOSTILE.unit);
    expect(readable(task)).toContain(HOSTILE.label);
    expect(readable(task)).toContain(name(STAFF));
    expect(readable(one(await inOpen(STAFF, '/mine')))).toContain(HOSTILE.task4);
    const confirmed = one(await inOpen(STAFF, `/report 4 进展${AT_ALL_TEXT}已完成50%`));
    expect(readable(confirmed)).toContain(HOSTILE.task4);
    expect(readable(one(await inOpen(ADMIN, '/status')))).toContain(name(STAFF));
    expect(readable(one(await inOpen(ADMIN, '/history 4')))).toContain(name(STAFF));

    // An extension request: cards to the leader and the admin, the decision told to the requester.
    await inOpen(STAFF, `/extend 4 2023-03-31 等待${AT_ALL_TEXT}批复`);
    const request = h.fake.messagesTo(ADMIN).find((m) => JSON.stringify(m.content).includes('extend-approve'))!;
    expect(readable(request)).toContain(name(STAFF));
    expect(readable(h.fake.messagesTo(LEADER).at(-1)!)).toContain(`等待${AT_ALL_TEXT}批复`);
    const approve = JSON.stringify(request.content).match(/"value":(\{"action":"extend-approve"[^}]*\})/)![1]!;
    await h.fake.clickCard({ from: ADMIN, messageId: request.messageId, value: JSON.parse(approve), tag: 'button' });
    await drainInbound(h);
    const result = await waitFor(() => h.fake.messagesTo(STAFF).find((m) => m.msgType === 'text' && String(m.content.text).includes('延期申请已同意')));
    expect(readable(result)).toContain(HOSTILE.task4.slice(0, 10));

    // A free message from an owner of two tasks: the chooser shows both titles.
    const said = await h.fake.userSays({ from: STAFF, text: '本周进展顺利' });
    await said.delivery;
    await drainInbound(h);
    const chooser = await waitFor(() => h.fake.messagesTo(STAFF).find((m) => m.parentId === said.messageId));
    expect(readable(chooser)).toContain('恶意<at user_id="all">');

    // Reassignment: the notices to the old and the new owner, and the answer in the group.
    const reassigned = await inOpen(ADMIN, '/reassign 1 {@1}', [OTHER]);
    expect(readable(one(reassigned.filter((m) => m.chatId === OPEN)))).toContain(name(OTHER));
    expect(readable(h.fake.messagesTo(STAFF).at(-1)!)).toContain(`恶意${AT_ALL_TEXT}一`); // the old owner's notice
    expect(readable(h.fake.messagesTo(OTHER).at(-1)!)).toContain(`恶意${AT_ALL_TEXT}一`);

    expectNobodyPinged(h.fake);
  }, 120_000);

  it('nudges, escalations, the digest, and the failed-nudge alert with its plain-text fallback', async () => {
    await hostileBot();
    await h.bot.deps.db.chat.create({ data: { chatId: OPEN, name: '全员群', digest: true, createdAt: at('2022-04-11T09:00:00') } });
    await runSweep(h.bot.deps);
    await drainNudges();
    expect(readable(h.fake.messagesTo(STAFF).at(-1)!)).toContain('恶意');
    const escalation = h.fake.messagesTo(LEADER).find((m) => m.content.header?.template === 'red')!;
    expect(readable(escalation)).toContain(HOSTILE.task7.slice(0, 20));
    expect(h.fake.messagesTo(LIU).some((m) => readable(m).includes(HOSTILE.task7.slice(0, 20)))).toBe(true);

    h.clock.set(at('2022-04-15T16:00:00'));
    expect(await runDigestSweep(h.bot.deps)).toBeGreaterThan(0);
    await waitFor(async () => (await h.bot.deps.db.digestPost.count({ where: { state: { not: 'sent' } } })) === 0, 60_000, 'the digest');
    const digest = h.fake.messagesIn(OPEN).filter((m) => m.sender === 'bot').map(readable).join('\n');
    expect(digest).toContain(HOSTILE.plan);
    expect(digest).toContain(HOSTILE.section);

    // 杨帆 left the app's scope: his nudge is refused (230013) and the admins are told. The alert card
    // is refused too (230099, on demand): the same news arrives as a plain, neutralised text.
    h.fake.addUser({ openId: YANG, name: HOSTILE.people.ou_demo_yangfan!, outsideScope: true });
    h.fake.faults.refuse({ times: 1, code: 230099, msgType: 'interactive' });
    const before = h.fake.messagesTo(ADMIN).length;
    await h.command(ADMIN, '/remind 12');
    await drainNudges();
    const alert = await waitFor(() => h.fake.messagesTo(ADMIN).slice(before).find((m) => m.msgType === 'text' && String(m.content.text).startsWith('催办未能送达')));
    expect(alert.content.text).toContain('＜at user_id="all"＞所有人＜/at＞推广');
    expect(alert.content.text).toContain('→ ［点此］(https');
    expect(readable(alert)).toContain(`${HOSTILE.task12}」→ ${name(YANG)}`);
    expect(h.fake.calls.some((c) => c.code === 230099)).toBe(true);

    expectNobodyPinged(h.fake);
  }, 120_000);
});
