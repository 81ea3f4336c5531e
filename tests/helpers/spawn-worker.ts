/**
 * A `workplan worker` child process on the harness's store, queues and fake Feishu, for crash tests (DEBUG_WORKER=1
 * shows its output). Its clock starts at the harness's time and runs on (SANDBOX_CLOCK_START), so what it decides by
 * the hour (quiet hours, working days) it decides in the test's time, not the host's.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Harness } from './bot-harness.js';
import { SOURCES_ENTRY } from './cli-entry.js';
import { botEnv } from './spawn-bot.js';

export function spawnWorker(h: Harness, env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [SOURCES_ENTRY, 'worker'], {
    env: botEnv({
      fakeUrl: h.fake.url,
      databaseUrl: h.config.DATABASE_URL,
      queuePrefix: h.config.QUEUE_PREFIX,
      env: {
        LOG_LEVEL: 'silent',
        // Short locks and leases so a killed worker's job is taken over within seconds.
        WORKER_LOCK_MS: '1500', NUDGE_CLAIM_LEASE_SECONDS: '2', SEND_RATE_PER_SECOND: '50',
        SANDBOX_CLOCK_START: h.bot.deps.clock.now().toISOString(),
        ...env,
      },
    }),
    stdio: process.env.DEBUG_WORKER ? 'inherit' : 'ignore',
  });
}
