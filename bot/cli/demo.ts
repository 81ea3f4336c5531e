/**
 * `workplan demo` (npm run demo): the whole product on embedded defaults — the
 * bot against the fake Feishu with a simulated clock from Monday 21 March
 * 2022 09:00, simulated colleagues and the web console. Headless with
 * `--until <time> --speed max --no-console`: runs to the time, prints a
 * summary and exits (non-zero when something failed).
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { DEMO_ADMIN } from '../demo/cast.js';
import { RedisMissingError } from '../demo/find-redis.js';
import type { Speed } from '../demo/sim-clock.js';
import { startDemo } from '../demo/start-demo.js';
import { summaryText } from '../demo/summary.js';
import { shanghaiMinute } from '../domain/calendar/shanghai-time.js';
import type { Io } from './io.js';
import { UsageError } from './usage-error.js';

const DEFAULT_SPEED = 600;

function readSpeed(v: string | undefined): Speed {
  if (v === undefined) return DEFAULT_SPEED;
  if (v === 'max') return 'max';
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--speed 应为正数（模拟秒/真实秒）或 max，收到「${v}」。`);
  return n;
}

/** '2022-04-15T17:00' is Beijing time; a time with its own zone is taken as written. */
function readTime(v: string | undefined, flag: string): Date | null {
  if (v === undefined) return null;
  const withZone = /(Z|[+-]\d\d:?\d\d)$/.test(v) ? v : `${v}+08:00`;
  const d = new Date(withZone);
  if (Number.isNaN(d.getTime())) throw new UsageError(`${flag} 应为时间，如 2022-04-15T17:00（北京时间），收到「${v}」。`);
  return d;
}

export async function runDemo(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      until: { type: 'string' }, speed: { type: 'string' }, start: { type: 'string' },
      'no-console': { type: 'boolean' }, port: { type: 'string' }, paused: { type: 'boolean' }, owners: { type: 'string' },
    },
  });
  const speed = readSpeed(values.speed);
  const until = readTime(values.until, '--until');
  const start = readTime(values.start, '--start') ?? undefined;
  const port = values.port === undefined ? 3900 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port 应为 0–65535 的端口号，收到「${values.port}」。`);
  if (values['no-console'] && !until) throw new UsageError('--no-console 需要同时指定 --until（运行到何时）。');
  const config = loadConfig(process.env, 'store');

  let demo;
  try {
    demo = await startDemo({
      speed, until, ...(start ? { start } : {}), ...(values.owners ? { owners: values.owners } : {}), paused: values.paused === true, console: !values['no-console'], consolePort: port,
      redisUrl: config.REDIS_URL, dataDir: 'data', // The demo's log stays at warnings unless more detail is asked for.
      logLevel: ['debug', 'trace'].includes(config.LOG_LEVEL) ? config.LOG_LEVEL : 'warn',
    });
  } catch (e) {
    if (e instanceof RedisMissingError) {
      io.err(`${e.message}\n`);
      return 1;
    }
    throw e;
  }
  const from = demo.clock.now();
  if (values.paused) demo.clock.pause();
  io.out(`演示已启动：綦江区科技局2022年工作要点，${demo.cast.length} 位模拟人员，模拟时间从 ${shanghaiMinute(from)}（北京时间）起，速度 ${speed === 'max' ? '最快' : `${speed} 倍`}。\n`);
  if (demo.redisUrl !== config.REDIS_URL) io.out(`未发现 ${config.REDIS_URL} 上的 Redis，已启动临时 Redis：${demo.redisUrl}\n`);
  if (demo.consoleUrl) io.out(`网页控制台 / web console：${demo.consoleUrl}\n按 Ctrl+C 结束。\n`);
  if (demo.awaitingConfirmation()) io.out(`责任人建议已按通讯录生成，发给了管理员${DEMO_ADMIN.name}：请在控制台打开${DEMO_ADMIN.name}的会话，核对后点击「全部确认」，模拟时间随即开始。\n`);

  const stop = () => demo.stop();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    await demo.run();
    const summary = await demo.summary();
    io.out(summaryText(summary, from, demo.clock.now()));
    return summary.nudgesFailed + summary.digestsFailed + summary.errors.length > 0 ? 1 : 0;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await demo.close();
  }
}
