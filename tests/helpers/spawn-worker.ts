/** A `workplan worker` child process on the harness's store, queues and fake Feishu, for crash tests (DEBUG_WORKER=1 shows its output). */
import { spawn, type ChildProcess } from 'node:child_process';
import { APP, REDIS_URL, type Harness } from './bot-harness.js';

const BIN = new URL('../../bot/cli/bin.js', import.meta.url).pathname;

export function spawnWorker(h: Harness, env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [BIN, 'worker'], {
    env: {
      PATH: process.env.PATH ?? '', FEISHU_APP_ID: APP.appId, FEISHU_APP_SECRET: APP.appSecret, FEISHU_ENCRYPT_KEY: APP.encryptKey,
      FEISHU_VERIFICATION_TOKEN: APP.verificationToken, FEISHU_DOMAIN: h.fake.url, SANDBOX: 'true', DATABASE_URL: h.config.DATABASE_URL,
      REDIS_URL, QUEUE_PREFIX: h.config.QUEUE_PREFIX, LOG_LEVEL: 'silent', SWEEP_EVERY_SECONDS: '0',
      // Short locks and leases so a killed worker's job is taken over within seconds.
      WORKER_LOCK_MS: '1500', NUDGE_CLAIM_LEASE_SECONDS: '2', SEND_RATE_PER_SECOND: '50',
      ...env,
    },
    stdio: process.env.DEBUG_WORKER ? 'inherit' : 'ignore',
  });
}
