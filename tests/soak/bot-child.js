// One bot process of the soak (tests/soak/processes.ts spawns it): the production bot, compiled (dist/,
// built by the soak first, run with the flags `npm start` uses), in one role (`receiver` or `worker`),
// whose clock is the soak's simulated time, told over IPC. Time moves only when the soak's driver moves
// it, and every process hears of a move before any work at the new time is queued (each acknowledges),
// so all processes read the same time.
//
// SOAK_CHILD (JSON, in the environment rather than the arguments: it holds the app's secrets):
// { role: 'receiver' | 'worker', env: { ...the bot's variables }, now: <simulated ms at spawn> }.
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--liftoff-only'); // as bot/cli/run-dist.js
const spec = JSON.parse(process.env.SOAK_CHILD ?? '{}');
let now = spec.now;
// The soak ended (or died): so does this process.
process.on('disconnect', () => process.exit(0));
process.on('message', (m) => {
  if (m?.type === 'time' && typeof m.now === 'number') {
    now = Math.max(now, m.now);
    process.send?.({ type: 'time-ack', seq: m.seq });
  }
});
const { loadConfig } = await import('../../dist/bot/config.js');
const { startBot } = await import('../../dist/bot/main.js');
const bot = await startBot({ config: loadConfig(spec.env, 'feishu'), role: spec.role, clock: { now: () => new Date(now) } });
process.send?.({ type: 'ready', url: bot.url });
process.on('SIGTERM', () => void bot.close().finally(() => process.exit(0)));
