/**
 * A digest per plan, combined, or one plan, per chat (issue #20), through /subscribe and the weekly sweep
 * (real Redis, SQLite, fake Feishu): each chat gets what it chose, once per week across repeated sweeps;
 * a combined post is one card set with each plan under its title; archived plans never appear.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateCardObject } from '../../../bot/sandbox/card-validator.js';
import { parsePlan } from '../../../bot/domain/plan/parse-plan.js';
import { importPlan } from '../../../bot/store/import-plan.js';
import { runDigestSweep } from '../../../jobs/processors/digest-sweep.js';
import { waitFor } from '../../helpers/wait-for.js';
import { ADMIN, at, drainInbound, drainNudges, GROUP, STAFF, startCommandHarness, wordsOf, type CommandHarness } from '../../helpers/command-harness.js';

const ALL = 'oc_combined000000000000000000001';
const ONE = 'oc_oneplan000000000000000000001';
const LEADER = 'ou_demo_hejianguo'; // 责任领导 of the 2022 plan's tasks 1–11
const NEXT_YEAR = ['重庆市綦江区科学技术局2023年工作要点', '一、培育创新主体', '1.培育高新技术企业。有效期高企达160家。', '2.培育科技型企业。新增科技型企业100家。'].join('\n');
const TITLE_22 = '重庆市綦江区科学技术局2022年工作要点';
const TITLE_23 = '重庆市綦江区科学技术局2023年工作要点';

let h: CommandHarness;
beforeAll(async () => {
  h = await startCommandHarness(); // clock: Monday 2022-04-11 10:00 Shanghai
  const parsed = parsePlan({ kind: 'text', name: '2023.txt', text: NEXT_YEAR });
  await importPlan(db(), { parsed, sourceName: '2023.txt', sourceText: NEXT_YEAR, actor: ADMIN, now: h.clock.now() });
  for (const chatId of [ALL, ONE]) h.fake.addChat({ chatId, name: chatId, members: [ADMIN, STAFF, LEADER] });
});
afterAll(async () => h?.close());

const db = () => h.bot.deps.db;
const shown = (s: string) => s.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));
const inChat = async (chatId: string, from: string, text: string) =>
  shown((await h.command(from, `{@0} ${text}`, { chatId, mentions: [h.fake.botOpenId] })).map(wordsOf).join('\n'));
const cardsIn = (chatId: string) => h.fake.messagesIn(chatId).filter((m) => m.sender === 'bot' && m.msgType === 'interactive').map((m) => shown(JSON.stringify(m.content)));

describe('/subscribe: per plan, combined, or one plan', () => {
  it('sets each chat’s choice, audited; the same choice again says so; a plan not found is refused', async () => {
    expect(await inChat(GROUP, ADMIN, '/subscribe')).toContain('本群已订阅周报，每周将在此发送工作要点进展周报（进行中的每份计划各发一份周报）');
    expect(await inChat(GROUP, ADMIN, '/subscribe')).toContain('本群已订阅周报（进行中的每份计划各发一份周报），未作修改');
    expect(await inChat(ALL, ADMIN, '/subscribe')).toContain('本群已订阅周报');
    expect(await inChat(ALL, ADMIN, '/subscribe 合并')).toContain('本群周报已改为：进行中的各计划合并为一份周报');
    expect(await inChat(ONE, ADMIN, '/subscribe 2023')).toContain(`只发送「${TITLE_23}」的周报`);
    expect(await inChat(ONE, ADMIN, '/subscribe 1999')).toContain('没有找到计划「1999」');
    expect(await inChat(ONE, STAFF, '/subscribe 合并')).toContain('只有管理员可以使用');
    expect(await db().chat.findUniqueOrThrow({ where: { chatId: ALL } })).toMatchObject({ digest: true, digestCombined: true, digestPlanId: null });
    expect(await db().auditEntry.count({ where: { action: 'chat.subscribed' } })).toBe(3);
    expect(await db().auditEntry.count({ where: { action: 'chat.digest-choice' } })).toBe(1);
  });
});

describe('the weekly sweep honours each chat’s choice', () => {
  it('per plan: two digests; combined: one card set with both plans; one plan: that plan only; once per week', async () => {
    h.clock.set(at('2022-04-15T16:00:00'));
    // GROUP: 2 (one per plan); ALL: 1 combined; ONE: 1; the admin: 2 (per plan).
    expect(await runDigestSweep(h.bot.deps)).toBe(6);
    await drainNudges(h);
    await waitSent(6);
    const perPlan = cardsIn(GROUP);
    expect(perPlan.filter((c) => c.includes(`${TITLE_22} 周报`))).toHaveLength(1);
    expect(perPlan.filter((c) => c.includes(`${TITLE_23} 周报`))).toHaveLength(1);
    expect(perPlan.join()).toContain('任务2023-1 培育高新技术企业');

    for (const m of h.fake.messages({ sender: 'bot', msgType: 'interactive' })) expect(validateCardObject(m.content).ok).toBe(true);
    const combined = cardsIn(ALL);
    expect(combined.length).toBeGreaterThanOrEqual(1);
    expect(combined[0]).toContain('工作要点周报（2份计划）');
    const all = combined.join();
    expect(all.indexOf(`📋 ${TITLE_22}`)).toBeGreaterThan(-1);
    expect(all.indexOf(`📋 ${TITLE_23}`)).toBeGreaterThan(all.indexOf(`📋 ${TITLE_22}`));
    expect(all).toContain('任务2022-1 培育高新技术企业');
    expect(all).toContain('任务2023-1 培育高新技术企业');
    expect(await db().digestPost.findFirstOrThrow({ where: { chatId: ALL } })).toMatchObject({ key: `all:${ALL}:2022-W15`, planId: null, state: 'sent' });

    const one = cardsIn(ONE);
    expect(one.join()).toContain(`${TITLE_23} 周报`);
    expect(one.join()).not.toContain(TITLE_22);
    // Snapshots stay per plan, one per plan and week, the combined post reading the same ones.
    expect(await db().digestSnapshot.count({ where: { week: '2022-W15' } })).toBe(2);

    const before = h.fake.messages({ sender: 'bot' }).length;
    expect(await runDigestSweep(h.bot.deps)).toBe(0);
    await drainNudges(h);
    expect(h.fake.messages({ sender: 'bot' }).length).toBe(before);
  });

  it('a leader’s reply in the combined digest’s thread: a code both plans hold is asked about, 「#2022-1」 is a 批示 on it', async () => {
    const digest = h.fake.messagesIn(ALL).find((m) => m.sender === 'bot' && m.msgType === 'interactive')!;
    const reply = async (text: string) => {
      const said = await h.fake.userSays({ from: LEADER, text: `{@0} ${text}`, replyTo: digest.messageId, chatId: ALL, mentions: [h.fake.botOpenId] });
      await said.delivery;
      await drainInbound(h);
      return shown(h.fake.messages({ sender: 'bot' }).filter((m) => m.parentId === said.messageId).map(wordsOf).join('\n'));
    };
    expect(await reply('1号任务请抓紧')).toContain('「1」对应多项任务：2022-1、2023-1');
    expect(await db().instruction.count()).toBe(0);
    expect(await reply('#2022-1 请抓紧推进')).toContain('已记录对任务2022-1');
    const t1 = await db().task.findFirstOrThrow({ where: { code: '1', plan: { year: 2022 } } });
    expect(await db().instruction.findMany({ select: { taskId: true, text: true } })).toEqual([{ taskId: t1.id, text: '请抓紧推进' }]);
  });

  it('an archived plan never appears: the one-plan chat gets nothing, the others only the plan in force', async () => {
    expect(await inChat(GROUP, ADMIN, '/archive 2023')).toContain('已归档');
    h.clock.set(at('2022-04-24T16:00:00')); // 2022-04-24, a Sunday, was a working day (调休): the week's last
    const counts = () => Object.fromEntries([GROUP, ALL, ONE].map((c) => [c, cardsIn(c).length]));
    const was = counts();
    // GROUP: 1; ALL: 1 (combined, one plan); ONE: none; the admin: 1.
    expect(await runDigestSweep(h.bot.deps)).toBe(3);
    await drainNudges(h);
    await waitSent(9);
    const now = counts();
    expect(now[ONE]).toBe(was[ONE]);
    const week16 = (c: string) => cardsIn(c).slice(was[c]).join();
    expect(week16(GROUP)).toContain(`${TITLE_22} 周报`);
    expect(week16(GROUP)).not.toContain(TITLE_23);
    expect(week16(ALL)).toContain(`${TITLE_22} 周报`);
    expect(week16(ALL)).not.toContain(TITLE_23);
    // With one plan in force, its codes show bare again.
    expect(week16(ALL)).toContain('任务1 培育高新技术企业');
  });
});

async function waitSent(n: number) {
  await waitFor(async () => (await db().digestPost.count({ where: { state: 'sent' } })) === n, 60_000, `${n} digests to be posted`);
}
