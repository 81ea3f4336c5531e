/**
 * `workplan start` (npm start): receiver and workers against Feishu with the
 * credentials from .env. `workplan worker` (npm run worker): workers alone,
 * to scale out on more machines. SIGTERM/SIGINT close cleanly.
 */
import { shiftedClock } from '../clock.js';
import { loadConfig } from '../config.js';
import { startBot } from '../main.js';
import type { Io } from './io.js';

async function run(role: 'all' | 'worker', io: Io): Promise<number> {
  const config = loadConfig(process.env, 'feishu');
  const clock = config.SANDBOX_CLOCK_START ? shiftedClock(new Date(config.SANDBOX_CLOCK_START)) : undefined;
  const bot = await startBot({ config, role, ...(clock ? { clock } : {}) });
  io.out(role === 'worker' ? 'workplan-bot 工作进程已启动。\n' : `workplan-bot 已启动（${config.FEISHU_MODE}），接收地址 ${bot.url}/feishu/events\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  bot.deps.log.info('shutting down');
  await bot.close();
  // A call abandoned after the grace period (a hung request) must not keep the process alive.
  setTimeout(() => process.exit(), 1000).unref();
  return 0;
}

export const runStart = (_args: string[], io: Io) => run('all', io);
export const runWorker = (_args: string[], io: Io) => run('worker', io);
