/**
 * One bot process of the soak (tests/soak/processes.ts spawns it): the production bot in one role
 * (`receiver` or `worker`), whose clock is the soak's simulated time, told over IPC. Time moves only
 * when the soak's driver moves it, and every process hears of a move before any work at the new time
 * is queued (each acknowledges), so all processes read the same time.
 */
import { loadConfig } from '../../bot/config.js';
import { startBot } from '../../bot/main.js';

export interface ChildSpec {
  role: 'receiver' | 'worker';
  env: Record<string, string>;
  /** Simulated time at spawn, ms since the epoch. */
  now: number;
}

// In the environment, not the arguments: the spec holds the app's secrets.
const spec = JSON.parse(process.env.SOAK_CHILD ?? '{}') as ChildSpec;
// The soak ended (or died): so does this process.
process.on('disconnect', () => process.exit(0));
let now = spec.now;
process.on('message', (m: { type?: string; now?: number; seq?: number }) => {
  if (m?.type === 'time' && typeof m.now === 'number') {
    now = Math.max(now, m.now);
    process.send?.({ type: 'time-ack', seq: m.seq });
  }
});
const bot = await startBot({ config: loadConfig(spec.env, 'feishu'), role: spec.role, clock: { now: () => new Date(now) } });
process.send?.({ type: 'ready', url: bot.url });
process.on('SIGTERM', () => void bot.close().finally(() => process.exit(0)));
