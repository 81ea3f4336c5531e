/**
 * Names of Object.prototype's members, typed as commands, as command words and
 * as card actions and values, are unknown words like any other: every message
 * gets an answer, every click an error toast, and no inbound job fails or retries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allCommands } from '../../../bot/handlers/commands/all.js';
import { registerHandlers } from '../../../bot/handlers/register.js';
import { ADMIN, startCommandHarness, wordsOf, type CommandHarness } from '../../helpers/command-harness.js';
import { waitFor } from '../../helpers/wait-for.js';

const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];

let h: CommandHarness;
beforeAll(async () => {
  h = await startCommandHarness();
});
afterAll(async () => h?.close());

/** Waits until no inbound job is waiting or running; then none may have failed or be waiting to retry. */
async function settle() {
  await waitFor(async () => {
    const c = await h.bot.deps.queues.inbound.getJobCounts('waiting', 'active', 'prioritized');
    return Object.values(c).reduce((a, b) => a + b, 0) === 0;
  }, 120_000, 'the inbound queue to go idle');
  const c = await h.bot.deps.queues.inbound.getJobCounts('failed', 'delayed');
  expect(c).toEqual({ failed: 0, delayed: 0 });
}

describe('prototype names', () => {
  it('as a command, and as the words of every command: each message is answered', async () => {
    const names = ['ping', ...allCommands().map((c) => c.names[0]!)];
    const texts = [...NAMES.map((n) => `/${n}`), ...names.flatMap((c) => NAMES.flatMap((n) => [`/${c} ${n}`, `/${c} 1 ${n} ${n}`]))];
    const sent: { text: string; messageId: string }[] = [];
    for (const text of texts) {
      const said = await h.fake.userSays({ from: ADMIN, text });
      await said.delivery;
      sent.push({ text, messageId: said.messageId });
    }
    await settle();
    const answered = new Set(h.fake.messages({ sender: 'bot' }).map((m) => m.parentId));
    expect(sent.filter((s) => !answered.has(s.messageId)).map((s) => s.text)).toEqual([]);
    const unknown = h.fake.messages({ sender: 'bot' }).find((m) => m.parentId === sent[1]!.messageId)!;
    expect(wordsOf(unknown)).toContain('未知命令「/constructor」');
    for (const n of NAMES) expect((await h.bot.deps.db.task.findFirstOrThrow({ where: { code: '1' } })).cadence).not.toBe(n);
  }, 180_000);

  it('as card actions and as the values of every card action: each click gets an error toast', async () => {
    const [card] = await h.command(ADMIN, '/task 1');
    expect(card!.msgType).toBe('interactive');
    const actions = [...registerHandlers().cardActions.keys()];
    expect(actions.length).toBeGreaterThan(4);
    const values = [
      ...NAMES.map((n) => ({ action: n })),
      ...actions.flatMap((a) => NAMES.map((n) => ({ action: a, taskId: n, reportId: n, requestId: n, status: n, messageId: n, text: n }))),
    ];
    for (const value of values) {
      const r = await h.fake.clickCard({ from: ADMIN, messageId: card!.messageId, value });
      expect(r.status, JSON.stringify(value)).toBe(200);
      expect(r.body, JSON.stringify(value)).toMatchObject({ toast: { type: 'error' } });
    }
    await settle();
  }, 180_000);
});
