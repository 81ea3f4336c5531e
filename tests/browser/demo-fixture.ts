/**
 * The live demo (bot/demo) with its web console on a free port, for the console's tests: paused at
 * Monday 21 March 2022 09:00 until a test plays or steps it, its data in a temp folder, its queues
 * under a private prefix on the test Redis.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemo, type Demo } from '../../bot/demo/start-demo.js';
import { REDIS_URL } from '../helpers/bot-harness.js';

export interface ConsoleDemo {
  demo: Demo;
  url: string;
  /** A member of staff who never answers by himself: the tests play him. */
  staff: { openId: string; name: string; chatId: string };
  close(): Promise<void>;
}

export async function startConsoleDemo(opts: { speed?: number } = {}): Promise<ConsoleDemo> {
  const dir = mkdtempSync(join(tmpdir(), 'workplan-console-'));
  // The simulated admin confirms the owner proposal, so the console's tests start with the tasks assigned.
  const demo = await startDemo({ speed: opts.speed ?? 600, console: true, adminConfirms: true, consolePort: 0, redisUrl: REDIS_URL, dataDir: dir, logLevel: 'silent' });
  demo.clock.pause();
  const running = demo.run();
  const silent = demo.cast.find((c) => c.style === 'silent');
  if (!silent || !demo.consoleUrl) throw new Error('the demo has no silent colleague or no console');
  return {
    demo,
    url: demo.consoleUrl,
    staff: { openId: silent.openId, name: silent.name, chatId: demo.fake.p2pChatOf(silent.openId) },
    close: async () => {
      demo.stop();
      await running.catch(() => undefined);
      await demo.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
