/**
 * The demo with its web console (issue #23): the owner proposal waits for whoever plays the admin, simulated
 * time held, nothing assigned; their click on 「全部确认」 in the admin's chat assigns and lets time run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { cardParts } from '../../bot/demo/card-parts.js';
import { DEMO_ADMIN } from '../../bot/demo/cast.js';
import { startDemo, type Demo } from '../../bot/demo/start-demo.js';
import { REDIS_URL } from '../helpers/bot-harness.js';
import { waitFor } from '../helpers/wait-for.js';

const dir = mkdtempSync(join(tmpdir(), 'workplan-demo-console-'));
let demo: Demo | undefined;
afterAll(async () => {
  await demo?.close();
  rmSync(dir, { recursive: true, force: true });
});

it('holds simulated time until the admin confirms the proposal in the console', async () => {
  demo = await startDemo({ speed: 600, console: true, consolePort: 0, redisUrl: REDIS_URL, dataDir: dir, logLevel: 'silent' });
  const db = demo.bot.deps.db;
  expect(demo.awaitingConfirmation()).toBe(true);
  expect(demo.controls.state().paused).toBe(true);
  expect(await db.assignment.count()).toBe(0);
  const cards = demo.fake.messagesTo(DEMO_ADMIN.openId).filter((m) => cardParts(m.content).buttons.some((b) => b.text === '全部确认'));
  expect(cards.length).toBeGreaterThan(0);
  expect(JSON.stringify(cards.map((c) => c.content))).toContain('李强（管理员指定）');

  const confirm = cardParts(cards[0]!.content).buttons.find((b) => b.text === '全部确认')!;
  await demo.fake.clickCard({ from: DEMO_ADMIN.openId, messageId: cards[0]!.messageId, value: confirm.value });
  await waitFor(() => !demo!.awaitingConfirmation(), 30_000, 'the proposal to be confirmed');
  expect(demo.controls.state().paused).toBe(false);
  expect(await db.assignment.count({ where: { active: true } })).toBe(49);
}, 120_000);
