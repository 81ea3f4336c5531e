/**
 * A status button pressed twice at once (a double tap, or the card open on phone and desktop) is one
 * click: one report, one confirmation — whichever worker handles each. Found by the soak's click-race
 * fault (tests/soak), where it made two reports. The same click a minute later is a report of its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../bot/clock.js';
import { cardParts } from '../../../bot/demo/card-parts.js';
import { runSweep } from '../../../jobs/processors/nudge-sweep.js';
import { startHarness, type Harness } from '../../helpers/bot-harness.js';
import { seedPlan } from '../../helpers/seed.js';
import { waitFor } from '../../helpers/wait-for.js';

const ZHANG = 'ou_demo_zhangmin'; // task 1
const at = (local: string) => new Date(`${local}+08:00`);
const clock = manualClock(at('2022-03-28T09:30:00'));
let h: Harness;

const idle = () =>
  waitFor(async () => {
    let n = 0;
    for (const q of [h.bot.deps.queues.inbound, h.bot.deps.queues.nudges]) n += Object.values(await q.getJobCounts('waiting', 'active', 'delayed', 'prioritized')).reduce((a, b) => a + b, 0);
    return n === 0;
  }, 60_000, 'queues to drain');

const buttonReports = () => h.bot.deps.db.report.findMany({ where: { source: 'button' }, orderBy: { id: 'asc' } });

beforeAll(async () => {
  h = await startHarness({ clock, env: { SEND_RATE_PER_SECOND: '50', SWEEP_EVERY_SECONDS: '3600' } });
  await seedPlan(h.bot.deps.db, { now: at('2022-03-21T09:00:00'), fake: h.fake, onlyTasks: new Set(['1']) });
  await runSweep(h.bot.deps);
  await idle();
});
afterAll(async () => h?.close());

describe('a click repeated at once', () => {
  it('records one report and sends one confirmation for two clicks at the same moment', async () => {
    const card = h.fake.messagesTo(ZHANG).find((m) => m.msgType === 'interactive')!;
    const button = cardParts(card.content).buttons.find((b) => b.text.includes('按计划推进'))!;
    const click = () => h.fake.clickCard({ from: ZHANG, messageId: card.messageId, value: button.value, ...(button.name ? { name: button.name } : {}) });
    const answers = await Promise.all([click(), click()]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    await idle();
    const reports = await buttonReports();
    expect(reports.map((r) => [r.status, r.rawText])).toEqual([['on_track', '［按钮］按计划推进']]);
    const confirmations = h.fake.messagesTo(ZHANG).filter((m) => m.msgType === 'interactive' && m.messageId !== card.messageId && m.parentId === card.messageId);
    expect(confirmations).toHaveLength(1);
  });

  it('records the same click a minute later as a report of its own', async () => {
    clock.advance(60_000);
    const card = h.fake.messagesTo(ZHANG).find((m) => m.msgType === 'interactive')!;
    const button = cardParts(card.content).buttons.find((b) => b.text.includes('按计划推进'))!;
    await h.fake.clickCard({ from: ZHANG, messageId: card.messageId, value: button.value, ...(button.name ? { name: button.name } : {}) });
    await idle();
    expect((await buttonReports()).map((r) => r.status)).toEqual(['on_track', 'on_track']);
  });
});
