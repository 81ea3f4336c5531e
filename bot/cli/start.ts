/**
 * `workplan start` (npm start): receiver and workers against Feishu with the
 * credentials from .env. `workplan receiver` (npm run receiver) and
 * `workplan worker` (npm run worker): one role alone, to scale out on more
 * machines. SIGTERM/SIGINT close cleanly.
 *
 * At start it says where it listens, how events come (webhook addresses, or
 * the long connection, which has none) and which open platform it talks to,
 * then fetches a tenant token once: a failure is printed in Chinese and
 * English naming the variable to fix, and the process runs on (/readyz
 * reports the same until it is fixed). A webhook receiver alone calls no
 * Feishu API, so it says so instead of checking.
 */
import { shiftedClock } from '../clock.js';
import { loadConfig, type Config } from '../config.js';
import { callsFeishu, startBot, type RunningBot } from '../main.js';
import { checkFeishu, platformName } from '../ops/feishu-check.js';
import type { Io } from './io.js';

type Role = 'all' | 'receiver' | 'worker';

/** The start-up lines; the bot's own address comes first. */
export function startLines(config: Config, role: Role, url: string): string {
  const lines =
    role === 'worker'
      ? [`workplan-bot 工作进程已启动 / worker started: 健康检查 health ${url}/readyz`]
      : [
          `workplan-bot 已启动 / started: ${url}（健康检查 health ${url}/readyz）`,
          config.FEISHU_MODE === 'websocket'
            ? '接收方式 / mode: 长连接 long connection（主动连接飞书，无需公网地址 / dials out, no public URL needed）'
            : `接收方式 / mode: Webhook（事件请求地址 events ${url}/feishu/events，卡片回调地址 card callbacks ${url}/feishu/cards；在开发者后台填写对外的 HTTPS 地址 / register their public HTTPS address）`,
        ];
  lines.push(`开放平台 / platform: ${platformName(config.FEISHU_DOMAIN)}`);
  return `${lines.join('\n')}\n`;
}

async function run(role: Role, io: Io): Promise<number> {
  const config = loadConfig(process.env, 'feishu');
  const clock = config.SANDBOX_CLOCK_START ? shiftedClock(new Date(config.SANDBOX_CLOCK_START)) : undefined;
  const bot = await startBot({ config, role, ...(clock ? { clock } : {}) });
  const stopped = new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  io.out(startLines(config, role, bot.url));
  if (!callsFeishu(role, config)) {
    io.out('此接收进程只接收事件、不调用飞书接口；应用凭证由工作进程检查 / this receiver only takes events and calls no Feishu API: the worker checks the credentials\n');
  } else {
    await checkCredentials(bot, config, io);
  }
  await stopped;
  bot.deps.log.info('shutting down');
  await bot.close();
  // A call abandoned after the grace period (a hung request) must not keep the process alive.
  setTimeout(() => process.exit(), 1000).unref();
  return 0;
}

/** Fetches a tenant token once: a failure is printed naming the variable to fix, and the process runs on. */
async function checkCredentials(bot: RunningBot, config: Config, io: Io) {
  const problem = await checkFeishu(() => bot.deps.messenger.tokenReady(), config);
  if (problem) {
    bot.deps.log.warn({ variable: problem.variable }, 'feishu credentials or address not accepted at start');
    io.err(`${problem.zh}\n${problem.en}\n`);
  } else {
    io.out('飞书连接正常，应用凭证有效 / Feishu reachable, App ID and App Secret accepted\n');
  }
}

export const runStart = (_args: string[], io: Io) => run('all', io);
export const runReceiver = (_args: string[], io: Io) => run('receiver', io);
export const runWorker = (_args: string[], io: Io) => run('worker', io);
