/** `workplan start` as a real process: configured from the environment, answers /ping, stops on SIGTERM. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeFeishu } from '../../bot/sandbox/index.js';
import { APP, REDIS_URL } from '../helpers/bot-harness.js';
import { createTestDatabase } from '../helpers/test-database.js';
import { waitFor } from '../helpers/wait-for.js';
import { dropQueuePrefix } from '../../bot/demo/drop-prefix.js';

const BIN = new URL('../../bot/cli/bin.js', import.meta.url).pathname;
const ALICE = 'ou_alice000000000000000000000001';
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('workplan start', () => {
  it('refuses to start without credentials, naming the variable', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wp-start-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const child = spawn(process.execPath, [BIN, 'start'], { cwd: dir, env: { PATH: process.env.PATH ?? '' } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((r) => child.on('exit', r));
    expect(code).toBe(1);
    expect(stderr).toContain('FEISHU_APP_ID is missing');
  });

  it('serves events from the fake Feishu and exits cleanly on SIGTERM', async () => {
    const fake = await startFakeFeishu({ ...APP });
    cleanups.push(() => fake.close());
    fake.addUser({ openId: ALICE, name: '张敏' });
    const database = await createTestDatabase();
    cleanups.push(() => database.drop());
    const dir = database.dir;
    const port = 20000 + Math.floor(Math.random() * 20000);
    cleanups.push(() => dropQueuePrefix(REDIS_URL, `{wp-start-${port}}`));
    const child = spawn(process.execPath, [BIN, 'start'], {
      cwd: dir,
      env: {
        PATH: process.env.PATH ?? '',
        FEISHU_APP_ID: APP.appId, FEISHU_APP_SECRET: APP.appSecret, FEISHU_ENCRYPT_KEY: APP.encryptKey,
        FEISHU_VERIFICATION_TOKEN: APP.verificationToken, FEISHU_DOMAIN: fake.url, SANDBOX: 'true',
        PORT: String(port), DATABASE_URL: database.url, REDIS_URL, QUEUE_PREFIX: `{wp-start-${port}}`, LOG_LEVEL: 'warn',
      },
    });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    const exited = new Promise<number | null>((r) => child.on('exit', r));
    cleanups.push(() => void child.kill('SIGKILL'));
    await waitFor(() => stdout.includes('已启动'), 60_000, 'the bot to start');
    fake.setWebhook({ eventsUrl: `http://127.0.0.1:${port}/feishu/events`, cardsUrl: `http://127.0.0.1:${port}/feishu/cards` });
    const said = await fake.userSays({ from: ALICE, text: '/ping' });
    expect((await said.delivery)?.status).toBe(200);
    await waitFor(() => fake.messagesTo(ALICE).some((m) => m.content?.text === 'pong'));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
