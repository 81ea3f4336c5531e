/**
 * The live demo's console in a real browser (playwright-core driving Debian's chromium): the
 * simulated clock plays until a check-in (催办) card reaches the chat of the colleague who never
 * answers by himself; as him we click 按计划推进 and see the bot's confirmation, then reply to the
 * card with a number; we step to Friday 16:00 and find the digest card with its chart in the
 * leaders' group. Screenshots of each step go to artifacts/screenshots/ (kept by CI).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEADERS_GROUP } from '../../bot/demo/cast.js';
import { startConsoleDemo, type ConsoleDemo } from './demo-fixture.js';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = fileURLToPath(new URL('../../artifacts/screenshots/', import.meta.url));
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let demo: ConsoleDemo;
let browser: BrowserContext;
let page: Page;
let profile: string;
const pageErrors: string[] = [];

const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });

describe.skipIf(!existsSync(CHROMIUM))('the demo console in chromium', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    profile = mkdtempSync(join(tmpdir(), 'workplan-chromium-'));
    demo = await startConsoleDemo({ speed: 600 });
    // A fresh profile directory each run (playwright passes it as --user-data-dir).
    browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    page = browser.pages()[0] ?? (await browser.newPage());
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('a nudge arrives, a click is confirmed, and Friday brings the digest with its chart', async () => {
    await page.goto(demo.url);
    await page.locator('body[data-ready="true"]').waitFor();
    await expect(page.locator('#clock-date').textContent()).resolves.toContain('星期一');
    await shot('01-console');

    // Play the clock (10 simulated minutes a second) until 09:30's check-in reaches our colleague.
    const staffChat = page.locator(`.chat-item[data-chat-id="${demo.staff.chatId}"]`);
    await page.locator('#btn-play').click();
    await staffChat.locator('.unread').waitFor({ timeout: 30_000 });
    await page.locator('#btn-pause').click();
    await staffChat.click();
    const nudge = page.locator('.msg.from-bot', { has: page.locator('.card-title', { hasText: '任务2 培育科技型企业' }) }).first();
    await nudge.waitFor();
    await nudge.scrollIntoViewIfNeeded();
    await shot('02-nudge');

    // 按计划推进 travels to the bot as a card callback; the bot's toast and confirmation come back.
    await nudge.getByRole('button', { name: '按计划推进' }).click();
    await page.locator('.toast', { hasText: '已记录：按计划推进' }).waitFor();
    const confirmation = page.locator('.msg.from-bot', { hasText: '进展已记录' }).first();
    await confirmation.waitFor({ timeout: 20_000 });
    await expect(confirmation.textContent()).resolves.toContain('状态：按计划推进');
    await shot('03-confirmed');

    // A threaded reply with a number, typed in the composer.
    await nudge.getByRole('button', { name: '回复' }).click();
    await page.locator('#text').fill('重庆市科技型企业已有1260家，按计划推进');
    await page.locator('#text').press('Enter');
    // The confirmation (the nudge card above is updated to 「已报送」 with the same figures).
    await page.locator('.msg.from-bot', { hasText: '进展已记录' }).filter({ hasText: '1260/2000' }).waitFor({ timeout: 20_000 });

    // Friday 16:00: the weekly digest in the leaders' group, chart drawn as SVG.
    await page.getByRole('button', { name: '到周五16:00' }).click();
    await page.locator('#clock-date', { hasText: '星期五' }).waitFor({ timeout: 45_000 });
    await page.locator(`.chat-item[data-chat-id="${LEADERS_GROUP.chatId}"]`).click();
    const digest = page.locator('.msg.from-bot', { has: page.locator('.card-title', { hasText: '周报' }) }).first();
    await digest.waitFor({ timeout: 20_000 });
    const chart = digest.locator('svg.chart');
    await chart.scrollIntoViewIfNeeded();
    await expect(chart.locator('rect').count()).resolves.toBeGreaterThan(2);
    await expect(chart.textContent()).resolves.toContain('完成进度');
    await shot('04-digest');
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
