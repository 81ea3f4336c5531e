/**
 * #9 item 6 — what people type is shown literally, trimmed, and never
 * mentions anyone: `<at id=all>`, `<at user_id="all">`, markdown links, card
 * JSON and 10,000 characters, in the confirmation of a /report and of a free
 * reply, and in the weekly digest. The raw words are stored whole.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { validateCardObject } from '../../bot/sandbox/card-validator.js';
import { runDigestSweep } from '../../jobs/processors/digest-sweep.js';
import { at, GROUP, STAFF, startCommandHarness, type BotMessage, type CommandHarness } from '../helpers/command-harness.js';
import { waitFor } from '../helpers/wait-for.js';

const NASTY = [
  '<at id=all></at>',
  '<at user_id="all"></at>',
  '<at user_id="ou_demo_liqiang">李强</at>',
  '[点这里](https://evil.example/x)',
  '"}]},{"tag":"button","text":{"tag":"plain_text","content":"假按钮"}}',
  '**粗体** <font color=red>红</font> &#60;at id=all&#62;',
].join(' ');
const LONG = `进展顺利 ${NASTY} ${'很长的汇报'.repeat(2000)}`;

let h: CommandHarness;
afterEach(async () => h?.close());

/** Every string inside a message's content. */
function stringsOf(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(stringsOf);
  if (v && typeof v === 'object') return Object.values(v).flatMap(stringsOf);
  return [];
}

function expectHarmless(messages: BotMessage[]): void {
  expect(messages.length).toBeGreaterThan(0);
  for (const m of messages) {
    expect(m.mentions).toEqual([]);
    if (m.msgType === 'interactive') expect(validateCardObject(m.content).ok).toBe(true);
    for (const s of stringsOf(m.content)) {
      expect(s).not.toMatch(/<at\b/i);
      expect(s).not.toMatch(/\]\(https?:/);
      expect(s).not.toContain('假按钮"'); // the forged button's text never becomes a component
      expect([...s].length).toBeLessThanOrEqual(2000);
    }
    // No element of the card was made out of the reply: no button labelled 假按钮.
    expect(JSON.stringify(m.content)).not.toMatch(/"content":"假按钮"/);
  }
}

describe('user text shown back', () => {
  it('in the /report confirmation and the free-reply confirmation: literal, trimmed, no mention; raw words kept whole', async () => {
    h = await startCommandHarness();
    expectHarmless(await h.command(STAFF, `/report 1 ${LONG}`));
    expectHarmless(await h.command(STAFF, `任务4 ${NASTY} 已完成八成`));
    const reports = await h.bot.deps.db.report.findMany({ orderBy: { id: 'asc' } });
    expect(reports).toHaveLength(2);
    expect(reports[0]!.rawText).toBe(LONG);
    expect(reports[1]!.rawText).toContain(NASTY);
  });

  it('in the weekly digest: literal, trimmed, no mention', async () => {
    h = await startCommandHarness();
    await h.command(STAFF, `/report 1 ${LONG}`);
    await h.command(STAFF, `/report 4 受阻：${NASTY}`);
    await h.bot.deps.db.chat.create({ data: { chatId: GROUP, name: '局领导群', digest: true, createdAt: at('2022-04-11T09:00:00') } });
    h.clock.set(at('2022-04-15T16:00:00'));
    expect(await runDigestSweep(h.bot.deps)).toBeGreaterThan(0);
    await waitFor(async () => (await h.bot.deps.db.digestPost.count({ where: { state: { not: 'sent' } } })) === 0, 60_000, 'the digest');
    const digest = h.fake.messagesIn(GROUP).filter((m) => m.sender === 'bot');
    expectHarmless(digest);
    const words = stringsOf(digest.map((m) => m.content)).join('\n');
    expect(words).toContain('&#60;at id&#61;all&#62;'); // the blocker, shown escaped
  });
});
