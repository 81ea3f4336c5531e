/**
 * The soak's invariant checker (tests/soak/invariants.ts) on a real run of the bot: silent on what the
 * bot did, and naming each promise broken when the record is made to break it — a nudge left unsent, a
 * nudge shown twice (a resend after Feishu's uuid hour), a check-in during the owner's leave, a week
 * without the subscribed chat's digest, a confirmed reply with no report; and, against the run without faults,
 * a check-in that run sent and this one neither sent nor ended, unless this run's owner answered its period first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../bot/clock.js';
import { botText } from '../../bot/feishu/safe-text.js';
import { DEFAULT_SCHEDULE } from '../../bot/domain/schedule/settings.js';
import { runSweep } from '../../jobs/processors/nudge-sweep.js';
import { checkInvariants } from '../soak/invariants.js';
import { compareWithReference } from '../soak/reference.js';
import { startHarness, type Harness } from '../helpers/bot-harness.js';
import { seedPlan } from '../helpers/seed.js';
import { waitFor } from '../helpers/wait-for.js';

const at = (local: string) => new Date(`${local}+08:00`);
const clock = manualClock(at('2022-03-28T09:30:00'));
let h: Harness;

const check = (when: Date) =>
  checkInvariants({ fake: h.fake, db: h.bot.deps.db, calendar: h.bot.deps.calendar, schedule: DEFAULT_SCHEDULE, digestAt: '16:00', at: when, graceMs: 0, admins: [] });

beforeAll(async () => {
  h = await startHarness({ clock, env: { SEND_RATE_PER_SECOND: '50', SWEEP_EVERY_SECONDS: '3600' } });
  await seedPlan(h.bot.deps.db, { now: at('2022-03-21T09:00:00'), fake: h.fake, onlyTasks: new Set(['1', '2']) });
  await runSweep(h.bot.deps);
  await waitFor(async () => (await h.bot.deps.db.nudge.count({ where: { state: { in: ['pending', 'sending'] } } })) === 0 && (await h.bot.deps.db.nudge.count()) > 0, 60_000, 'check-ins sent');
});
afterAll(async () => h?.close());

describe('the soak’s invariant checker', () => {
  it('finds nothing wrong with what the bot did', async () => {
    expect(await check(at('2022-03-28T10:00:00'))).toEqual([]);
  });

  it('names a due nudge left pending, and a nudge shown but not recorded', async () => {
    const n = await h.bot.deps.db.nudge.findFirstOrThrow({ where: { state: 'sent' }, orderBy: { id: 'asc' } });
    await h.bot.deps.db.nudge.update({ where: { id: n.id }, data: { state: 'pending' } });
    try {
      const found = await check(at('2022-03-28T10:00:00'));
      expect(found.map((v) => v.invariant).sort()).toEqual(['due-sent', 'sent-recorded']);
      expect(found[0]!.detail).toContain(n.key);
    } finally {
      await h.bot.deps.db.nudge.update({ where: { id: n.id }, data: { state: 'sent' } });
    }
  });

  it('names a nudge shown twice: the same uuid sent again after Feishu’s hour', async () => {
    const n = await h.bot.deps.db.nudge.findFirstOrThrow({ where: { state: 'sent' }, include: { person: true }, orderBy: { id: 'desc' } });
    clock.set(at('2022-03-28T11:00:00'));
    await h.bot.deps.messenger.send({ openId: n.person.openId! }, { text: botText`再次提醒` }, `nudge:${n.key}`);
    const found = await check(at('2022-03-28T11:30:00'));
    expect(found).toEqual([{ invariant: 'sent-once', detail: expect.stringContaining('2 messages carry uuid') }]);
  });

  it('names a check-in that went out during the owner’s leave', async () => {
    const n = await h.bot.deps.db.nudge.findFirstOrThrow({ where: { state: 'sent', kind: 'checkin' }, orderBy: { id: 'asc' } });
    const leave = await h.bot.deps.db.leave.create({ data: { personId: n.personId, fromDate: '2022-03-28', toDate: '2022-03-28', createdAt: at('2022-03-25T10:00:00') } });
    try {
      const found = (await check(at('2022-03-28T11:30:00'))).filter((v) => v.invariant !== 'sent-once');
      expect(found).toEqual([{ invariant: 'sent-when', detail: expect.stringContaining(`nudge ${n.key} went out on 2022-03-28, while`) }]);
    } finally {
      await h.bot.deps.db.leave.delete({ where: { id: leave.id } });
    }
  });

  it('names a week without the digest of a subscribed chat', async () => {
    await h.bot.deps.db.chat.create({ data: { chatId: 'oc_soak_check', digest: true, subscribedAt: at('2022-03-22T10:00:00'), createdAt: at('2022-03-22T10:00:00') } });
    const found = (await check(at('2022-04-06T10:00:00'))).filter((v) => v.invariant.startsWith('digest'));
    // 2022-W12's Friday 25 March, 16:00: due and never posted; W13's last working day, the make-up Saturday 2 April, too.
    expect(found.map((v) => v.detail)).toEqual([expect.stringContaining('2022-W12'), expect.stringContaining('2022-W13')]);
  });

  it('names a check-in the run without faults sent and this run lost, unless the period was answered before it', async () => {
    const n = await h.bot.deps.db.nudge.findFirstOrThrow({ where: { state: 'sent', kind: 'checkin' }, orderBy: { id: 'asc' } });
    // The run without faults also asked for W14 (Monday 4 April is 清明, so Wednesday the 6th); here no row exists.
    const key = `${n.taskId}:${n.personId}:2022-W14:checkin`;
    const ref = { checkins: [key], checkinSentAt: { [key]: at('2022-04-06T09:30:00').toISOString() }, digests: [] };
    const lost = await compareWithReference(h.bot.deps.db, ref);
    expect(lost).toEqual([{ invariant: 'as-without-faults', detail: expect.stringContaining(`check-in ${key}, sent without faults, was never sent`) }]);
    expect(lost[0]!.detail).toContain('reports in 2022-W14: none');
    const report = (createdAt: Date) =>
      h.bot.deps.db.report.create({ data: { taskId: n.taskId, personId: n.personId, period: '2022-W14', status: 'on_track', rawText: '按计划推进', source: 'button', createdAt, updatedAt: createdAt } });
    // Answered after the check-in's moment: the bot should have asked first, so still lost.
    const late = await report(at('2022-04-06T10:00:00'));
    try {
      expect((await compareWithReference(h.bot.deps.db, ref)).map((v) => v.invariant)).toEqual(['as-without-faults']);
    } finally {
      await h.bot.deps.db.report.delete({ where: { id: late.id } });
    }
    // Answered in W14 before it (seed 21: an old card's button clicked on a holiday): nothing to ask.
    const early = await report(at('2022-04-05T18:00:00'));
    try {
      expect(await compareWithReference(h.bot.deps.db, ref)).toEqual([]);
    } finally {
      await h.bot.deps.db.report.delete({ where: { id: early.id } });
    }
    // Answered before it but in W13: W14 is still unanswered.
    const before = await report(at('2022-04-01T18:00:00'));
    try {
      expect((await compareWithReference(h.bot.deps.db, ref)).map((v) => v.invariant)).toEqual(['as-without-faults']);
    } finally {
      await h.bot.deps.db.report.delete({ where: { id: before.id } });
    }
  });
});
