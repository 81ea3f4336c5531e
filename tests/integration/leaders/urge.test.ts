/**
 * 督办（加急）: a leader's `leader-urge` click (or /urge) buzzes each owner's latest nudge through the
 * real SDK against the fake Feishu — in the client only unless URGENT_SMS / URGENT_PHONE are on — at
 * most once per task per Shanghai day (two racing clicks buzz once), refused with the reason for
 * others, closed tasks and tasks with no nudge yet; Feishu's refusals (200 unread urgent messages, not a
 * receiver, SMS quota) reach the leader in the reply under the card, and everything is audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobIdFor } from '../../../jobs/queues.js';
import { runUrge } from '../../../bot/handlers/leaders/urge.js';
import { planUrge } from '../../../bot/handlers/leaders/urge-plan.js';
import { rawCard } from '../../helpers/raw-card.js';
import { ADMIN, at, drainInbound, drainNudges, GROUP, OTHER, STAFF, startCommandHarness, wordsOf } from '../../helpers/command-harness.js';

const LEADER = 'ou_demo_hejianguo'; // 何建国, 责任领导 of tasks 1–11
const LUO = 'ou_demo_luoxiaomei'; // 罗晓梅, 责任领导 of tasks 12–22 only
const WANG = 'ou_demo_wangfang'; // owner of tasks 5 and 6
const CHEN = 'ou_demo_chenjing'; // owner of tasks 10 and 11
const LIU = 'ou_demo_liuyang'; // owner of tasks 7–9
type Toast = { toast: { type: string; content: string } };

async function setup(env: Record<string, string> = {}) {
  const h = await startCommandHarness(env);
  const db = () => h.bot.deps.db;
  const task = (code: string) => db().task.findFirstOrThrow({ where: { code } });
  /** A nudge of `kind` on task `code` to `openId`, sent by the send-nudge job. */
  const nudge = async (openId: string, code: string, kind = 'checkin', period = '2022-W15') => {
    const t = await task(code);
    const person = await db().person.findUniqueOrThrow({ where: { openId } });
    const key = `${t.id}:${person.id}:${period}:${kind}`;
    await db().nudge.create({ data: { key, taskId: t.id, personId: person.id, period, kind, dueAt: h.clock.now(), state: 'pending', createdAt: h.clock.now() } });
    await h.bot.deps.queues.nudges.add('send-nudge', { key }, { jobId: jobIdFor('nudge', key) });
    await drainNudges(h);
    return db().nudge.findUniqueOrThrow({ where: { key } });
  };
  /** A card in this person's chat to click on (the escalation card is another part's; any bot card carries the value). */
  let cards = 0;
  const cardFor = async (openId: string) =>
    (await h.bot.deps.messenger.send({ openId }, { card: rawCard({ schema: '2.0', header: { title: { tag: 'plain_text', content: '督办' } }, body: { elements: [] } }) }, `test-card:${cards++}`)).messageId;
  const urge = async (from: string, code: string, card?: string) => {
    const messageId = card ?? (await cardFor(from));
    const r = await h.fake.clickCard({ from, messageId, value: { action: 'leader-urge', taskId: (await task(code)).id } });
    await drainInbound(h);
    return { toast: (r.body as Toast).toast, card: messageId };
  };
  const repliesUnder = (messageId: string) => h.fake.messages({ sender: 'bot' }).filter((m) => m.parentId === messageId).map(wordsOf);
  const audits = async (code: string, action: string) =>
    (await db().auditEntry.findMany({ where: { taskId: (await task(code)).id, action }, orderBy: { id: 'asc' } })).map((e) => ({ ...e, after: JSON.parse(e.after!) }));
  return { h, db, task, nudge, cardFor, urge, repliesUnder, audits };
}

describe('督办 by a leader’s click (in the client only by default)', () => {
  let t: Awaited<ReturnType<typeof setup>>;
  beforeAll(async () => {
    t = await setup();
  });
  afterAll(async () => t?.h.close());

  it('buzzes the owner’s latest nudge in the client, tells the leader what Feishu did, and audits who, whom and how', async () => {
    const older = await t.nudge(STAFF, '1', 'checkin', '2022-W14');
    t.h.clock.advance(60_000);
    const latest = await t.nudge(STAFF, '1', 'followup1');
    await t.h.bot.deps.db.nudge.create({ // a failed later nudge has no message to buzz
      data: { key: 'failed-later', taskId: latest.taskId, personId: latest.personId, period: '2022-W15', kind: 'followup2', dueAt: t.h.clock.now(), state: 'failed', createdAt: t.h.clock.now() },
    });
    const { toast, card } = await t.urge(LEADER, '1');
    expect(toast).toEqual({ type: 'success', content: '已加急：张敏（应用内）' });
    expect(t.h.fake.buzzes()).toEqual([expect.objectContaining({ messageId: latest.messageId, openId: STAFF, via: 'app', readAt: null })]);
    expect(t.h.fake.buzzes({ messageId: older.messageId! })).toEqual([]);
    expect(t.repliesUnder(card).join('\n')).toBe('督办结果：任务1「培育高新技术企业」\n已加急：张敏（应用内）');

    const [urged] = await t.audits('1', 'task.urged');
    expect(urged).toMatchObject({ actor: LEADER, at: t.h.clock.now(), messageId: card, after: { owners: '张敏', via: '应用内', targets: [{ openId: STAFF, messageId: latest.messageId }] } });
    const [result] = await t.audits('1', 'task.urge-result');
    expect(result!.after).toMatchObject({ urgeId: urged!.id, buzzed: 1, outcome: '张敏：已加急（应用内）' });
    const [history] = await t.h.command(ADMIN, '/history 1');
    expect(wordsOf(history!)).toContain('督办（加急）');
  });

  it('a second 督办 the same day is refused with who and when, and buzzes nothing — for the leader and an admin alike', async () => {
    t.h.clock.advance(2 * 3_600_000);
    for (const who of [LEADER, ADMIN]) {
      const { toast, card } = await t.urge(who, '1');
      expect(toast).toEqual({ type: 'error', content: '今天已督办过该任务（何建国 10:01）' });
      expect(t.repliesUnder(card)).toEqual([]);
    }
    expect(t.h.fake.buzzes()).toHaveLength(1);
    expect(await t.audits('1', 'task.urged')).toHaveLength(1);
  });

  it('two clicks at once buzz once', async () => {
    await t.nudge(OTHER, '2');
    const taskId = (await t.task('2')).id;
    const cards = [await t.cardFor(LEADER), await t.cardFor(LEADER)];
    await Promise.all(cards.map((messageId) => t.h.fake.clickCard({ from: LEADER, messageId, value: { action: 'leader-urge', taskId } })));
    await drainInbound(t.h);
    expect(t.h.fake.buzzes({ openId: OTHER })).toHaveLength(1);
    expect(await t.audits('2', 'task.urged')).toHaveLength(1);
  });

  it('two urges planned at once (both checks passed): the task’s row lock lets one record and buzz, the other is told', async () => {
    await t.nudge(LIU, '9');
    const taskId = (await t.task('9')).id;
    const deps = t.h.bot.deps;
    const plans = await Promise.all(['click-a', 'click-b'].map((click) => planUrge(deps, { taskId, openId: LEADER, click, chatId: null, messageId: null })));
    const told: string[] = [];
    await Promise.all(plans.map((v) => (v.ok ? runUrge(deps, v.plan, async (text) => void told.push(String(text))) : Promise.reject(new Error(v.why)))));
    expect(t.h.fake.buzzes({ openId: LIU })).toHaveLength(1);
    expect(told.sort()).toEqual(['督办结果：任务9「申报科技奖励」\n已加急：刘洋（应用内）', expect.stringContaining('本次未重复加急')].sort());
  });

  it('the next working day it may be urged again (Shanghai days, whatever the hour in UTC)', async () => {
    t.h.clock.set(at('2022-04-12T07:30:00'));
    const { toast } = await t.urge(LEADER, '1');
    expect(toast.type).toBe('success');
    expect(t.h.fake.buzzes({ openId: STAFF })).toHaveLength(2);
    // Out of the morning's quiet hours again, so the nudges the next cases send go out (send-nudge keeps to them).
    t.h.clock.set(at('2022-04-12T10:00:00'));
  });

  it('only the task’s leaders and the admins: an owner or another task’s leader is refused; an admin may urge', async () => {
    await t.nudge(OTHER, '3');
    for (const who of [OTHER, LUO]) {
      const { toast } = await t.urge(who, '3');
      expect(toast).toEqual({ type: 'error', content: '只有该任务的责任领导或管理员可以督办' });
    }
    expect(t.h.fake.buzzes({ openId: OTHER })).toHaveLength(1); // task 2's only
    expect((await t.urge(ADMIN, '3')).toast).toEqual({ type: 'success', content: '已加急：李强（应用内）' });
    expect(t.h.fake.buzzes({ openId: OTHER })).toHaveLength(2);
  });

  it('no sent nudge yet (none, or one Feishu never took): refused, nothing buzzed; a closed task is not urged', async () => {
    const before = t.h.fake.buzzes({ openId: LIU }).length;
    const t7 = await t.task('7');
    const liu = await t.db().person.findUniqueOrThrow({ where: { openId: LIU } });
    await t.db().nudge.create({ data: { key: 'pending-7', taskId: t7.id, personId: liu.id, period: '2022-W15', kind: 'checkin', dueAt: t.h.clock.now(), state: 'sent', createdAt: t.h.clock.now() } });
    expect((await t.urge(LEADER, '7')).toast).toEqual({ type: 'error', content: '还没有发给责任人的催办消息，无法加急' });
    await t.nudge(LIU, '8');
    await t.db().task.update({ where: { id: (await t.task('8')).id }, data: { status: 'closed' } });
    expect((await t.urge(LEADER, '8')).toast).toEqual({ type: 'error', content: '任务8已办结，无需督办' });
    expect(t.h.fake.buzzes({ openId: LIU })).toHaveLength(before);
  });

  it('Feishu’s refusals reach the leader: 200 unread urgent messages, not a receiver; an owner without a nudge is named', async () => {
    const t5 = await t.task('5');
    const add = async (openId: string) => {
      const p = await t.db().person.findUniqueOrThrow({ where: { openId } });
      await t.db().assignment.create({ data: { taskId: t5.id, personId: p.id, role: 'owner', assignedAt: t.h.clock.now() } });
      return p;
    };
    await t.nudge(WANG, '5');
    t.h.fake.addUnreadUrgent(WANG, 200);
    const chen = await add(CHEN);
    // 陈静's latest nudge is a message she never received (it went to the leaders' group, without her).
    const elsewhere = await t.h.bot.deps.messenger.send({ chatId: GROUP }, { card: rawCard({ schema: '2.0', body: { elements: [] } }) }, 'test-elsewhere');
    await t.db().nudge.create({ data: { key: 'chen-5', taskId: t5.id, personId: chen.id, period: '2022-W15', kind: 'checkin', dueAt: t.h.clock.now(), state: 'sent', sentAt: t.h.clock.now(), messageId: elsewhere.messageId, createdAt: t.h.clock.now() } });
    await add(LIU); // no nudge on task 5

    const { toast, card } = await t.urge(LEADER, '5');
    expect(toast).toEqual({ type: 'success', content: '已加急：王芳、陈静（应用内）；刘洋还没有收到催办消息，未加急' });
    const reply = t.repliesUnder(card).join('\n');
    expect(reply).toContain('未能加急：王芳：对方未读的加急消息过多（超过 200 条），需先阅读部分加急消息');
    expect(reply).toContain('未能加急：陈静：不是该催办消息的接收人');
    expect(reply).toContain('未加急：刘洋（还没有收到催办消息）');
    expect(reply).toContain('本次没有加急成功，不计入今日督办，可稍后再试。');
    expect(t.h.fake.buzzes({ openId: WANG }).filter((b) => b.messageId)).toEqual([]);

    // Nothing was buzzed, so the day is not used up: once 王芳 has read her urgent messages, it goes through.
    t.h.fake.readUrgent(WANG);
    const again = await t.urge(LEADER, '5');
    expect(again.toast.type).toBe('success');
    expect(t.repliesUnder(again.card).join('\n')).toContain('已加急：王芳（应用内）');
    expect(t.h.fake.buzzes({ openId: WANG }).filter((b) => b.messageId)).toHaveLength(1);
    expect((await t.audits('5', 'task.urge-result')).map((r) => r.after.buzzed)).toEqual([0, 1]);
  });

  it('/urge N (/督办) for leaders and admins answers with what Feishu did; others are told why not', async () => {
    await t.nudge(WANG, '6');
    const [done] = await t.h.command(LEADER, '/督办 6');
    expect(wordsOf(done!)).toBe('督办结果：任务6「全面建设孵化平台」\n已加急：王芳（应用内）');
    const [refused] = await t.h.command(STAFF, '/urge 6');
    expect(wordsOf(refused!)).toContain('只有该任务的责任领导或管理员可以督办');
    const [again] = await t.h.command(ADMIN, '/urge 6');
    expect(wordsOf(again!)).toContain('今天已督办过该任务（何建国');
  });
});

describe('督办 with URGENT_SMS on', () => {
  let t: Awaited<ReturnType<typeof setup>>;
  beforeAll(async () => {
    t = await setup({ URGENT_SMS: 'true' });
  });
  afterAll(async () => t?.h.close());

  it('buzzes in the client and by SMS', async () => {
    const n = await t.nudge(STAFF, '1');
    const { toast, card } = await t.urge(LEADER, '1');
    expect(toast).toEqual({ type: 'success', content: '已加急：张敏（应用内、短信）' });
    expect(t.h.fake.buzzes().map((b) => [b.messageId, b.via])).toEqual([[n.messageId, 'app'], [n.messageId, 'sms']]);
    expect(t.repliesUnder(card).join('\n')).toContain('已加急：张敏（应用内、短信）');
    expect((await t.audits('1', 'task.urged'))[0]!.after.via).toBe('应用内、短信');
  });

  it('a used-up SMS quota still leaves the in-client buzz, and the leader is told', async () => {
    await t.nudge(OTHER, '2');
    t.h.fake.setUrgentQuota({ sms: 0 });
    const { card } = await t.urge(LEADER, '2');
    expect(t.h.fake.buzzes({ openId: OTHER }).map((b) => b.via)).toEqual(['app']);
    expect(t.repliesUnder(card).join('\n')).toContain('已加急：李强（应用内），短信未成功：企业的加急额度已用完，请联系企业管理员');
  });
});
