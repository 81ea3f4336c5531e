/**
 * For command tests: a running bot (fake Feishu, real Redis, SQLite) with the
 * seed plan and its owners, an admin, a non-admin and the leaders' group; and
 * `command()` that types a message as someone and waits for the bot's answers.
 */
import { manualClock } from '../../bot/clock.js';
import type { HandlerOverrides } from '../../bot/handlers/types.js';
import type { FakeFeishuOptions } from '../../bot/sandbox/types.js';
import type { UserSaysInput } from '../../bot/sandbox/user-says.js';
import { startHarness, type Harness } from './bot-harness.js';
import { seedPlan } from './seed.js';
import { sleep, waitFor } from './wait-for.js';

export const ADMIN = 'ou_admin00000000000000000000001';
export const STAFF = 'ou_demo_zhangmin'; // owner of tasks 1 and 4, not an admin
export const OTHER = 'ou_demo_liqiang'; // owner of tasks 2 and 3
export const GROUP = 'oc_leaders0000000000000000000001';
export const at = (local: string) => new Date(`${local}+08:00`);


export interface CommandHarness extends Harness {
  clock: ReturnType<typeof manualClock>;
  /** Sends `text` as `from` (p2p unless chatId) and resolves to the bot's messages caused by it. */
  command(from: string, text: string, opts?: { chatId?: string; mentions?: string[]; settleMs?: number; post?: UserSaysInput['post'] }): Promise<BotMessage[]>;
}

export type BotMessage = ReturnType<Harness['fake']['messages']>[number];

/** The words of a bot message: text, or a card's text content flattened. */
export function wordsOf(m: BotMessage): string {
  return m.msgType === 'text' ? String(m.content.text) : JSON.stringify(m.content);
}

export async function startCommandHarness(env: Record<string, string> = {}, fake: Partial<FakeFeishuOptions> = {}, handlers?: HandlerOverrides): Promise<CommandHarness> {
  const clock = manualClock(at('2022-04-11T10:00:00'));
  const h = await startHarness({ clock, fake, ...(handlers ? { handlers } : {}), env: { SWEEP_EVERY_SECONDS: '0', ADMIN_OPEN_IDS: ADMIN, ...env } });
  await seedPlan(h.bot.deps.db, { now: at('2022-03-21T09:00:00'), fake: h.fake });
  h.fake.addUser({ openId: ADMIN, name: '管理员' });
  h.fake.addChat({ chatId: GROUP, name: '局领导群', members: [ADMIN, STAFF, OTHER] });
  const ch = h as CommandHarness;
  ch.clock = clock;
  ch.command = async (from, text, opts = {}) => {
    const before = new Set(h.fake.messages({ sender: 'bot' }).map((m) => m.messageId));
    const said = await h.fake.userSays({ from, text, ...(opts.chatId ? { chatId: opts.chatId } : {}), ...(opts.mentions ? { mentions: opts.mentions } : {}), ...(opts.post ? { post: opts.post } : {}) });
    await said.delivery;
    await drainInbound(h);
    await sleep(opts.settleMs ?? 50);
    return h.fake.messages({ sender: 'bot' }).filter((m) => !before.has(m.messageId));
  };
  return ch;
}

/** Waits until every queued inbound event (messages, card clicks) has been handled. */
export async function drainInbound(h: { bot: Harness['bot'] }): Promise<void> {
  await waitFor(async () => {
    const c = await h.bot.deps.queues.inbound.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    return Object.values(c).reduce((a, b) => a + b, 0) === 0;
  }, 60_000, 'the inbound queue to drain');
}

/** Waits until every queued nudge is sent (or settled) and no nudge row is still pending. */
export async function drainNudges(h: { bot: Harness['bot'] }): Promise<void> {
  await waitFor(async () => {
    const c = await h.bot.deps.queues.nudges.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'paused');
    const open = await h.bot.deps.db.nudge.count({ where: { state: { in: ['pending', 'sending'] } } });
    return Object.values(c).reduce((a, b) => a + b, 0) === 0 && open === 0;
  }, 60_000, 'nudges to drain');
}
