/** For the evidence (佐证材料) tests: a harness with a temp evidence store, nudges sent for real, messages sent and answered. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { jobIdFor } from '../../../jobs/queues.js';
import type { UserSaysInput } from '../../../bot/sandbox/user-says.js';
import { drainInbound, drainNudges, startCommandHarness, type BotMessage, type CommandHarness } from '../../helpers/command-harness.js';

export const PERIOD = '2022-W15'; // the harness clock: Monday 2022-04-11

export interface EvidenceHarness extends CommandHarness {
  dir: string;
}

/** A command harness whose evidence store is a fresh temp folder (removed on close). */
export async function startEvidenceHarness(env: Record<string, string> = {}): Promise<EvidenceHarness> {
  const dir = await mkdtemp(path.join(tmpdir(), 'wp-evidence-'));
  const h = (await startCommandHarness({ EVIDENCE_DIR: dir, ...env })) as EvidenceHarness;
  h.dir = dir;
  const close = h.close;
  h.close = async () => {
    await close();
    await rm(dir, { recursive: true, force: true });
  };
  return h;
}

export const taskOf = (h: CommandHarness, code: string) => h.bot.deps.db.task.findFirstOrThrow({ where: { code } });

/** Sends a check-in of task `code` to `openId` through the send-nudge job; resolves to its row. */
export async function nudge(h: CommandHarness, openId: string, code: string, kind = 'checkin') {
  const db = h.bot.deps.db;
  const t = await taskOf(h, code);
  const person = await db.person.findUniqueOrThrow({ where: { openId } });
  const key = `${t.id}:${person.id}:${PERIOD}:${kind}`;
  await db.nudge.create({ data: { key, taskId: t.id, personId: person.id, period: PERIOD, kind, dueAt: h.clock.now(), state: 'pending', createdAt: h.clock.now() } });
  await h.bot.deps.queues.nudges.add('send-nudge', { key }, { jobId: jobIdFor('nudge', key) });
  await drainNudges(h);
  return db.nudge.findUniqueOrThrow({ where: { key } });
}

/** A user's message, handled; resolves to it and the bot's replies to it. */
export async function say(h: CommandHarness, input: UserSaysInput): Promise<{ messageId: string; eventId: string | null; answers: BotMessage[] }> {
  const said = await h.fake.userSays(input);
  await said.delivery;
  await drainInbound(h);
  return { messageId: said.messageId, eventId: said.eventId, answers: h.fake.messages({ sender: 'bot' }).filter((m) => m.parentId === said.messageId) };
}

export const png = (n = 64) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(n)]);
