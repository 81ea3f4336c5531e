/**
 * The soak's fault injector. Before each moment of simulated work, the seeded source decides whether
 * a fault strikes during that work and which; the fault starts a few real milliseconds into the work
 * (while sweeps, sends and replies are in flight) and the moment is not over until it has run its
 * course. The plan of faults (which kind at which simulated moment, with which parameters) follows from
 * the seed; where inside the work a fault lands depends on real timing, so a replay strikes the same
 * moments in the same way but not at the same instruction.
 */
import { cardParts } from '../../bot/demo/card-parts.js';
import type { FakeFeishu } from '../../bot/sandbox/index.js';
import type { PrivateRedis } from '../helpers/private-redis.js';
import type { StoreFaults } from './database.js';
import type { SoakProcesses } from './processes.js';
import type { Rng } from './rng.js';

export const FAULT_KINDS = [
  'kill-worker', 'kill-receiver', 'kill-all', 'redis-restart', 'redis-wipe', 'redis-pause',
  'feishu-5xx', 'feishu-429', 'feishu-230020', 'feishu-slow', 'token-expiry', 'duplicate-delivery', 'click-race', 'store-busy',
  'pg-drop',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** Faults that only a PostgreSQL store can suffer. */
export const POSTGRES_ONLY: FaultKind[] = ['pg-drop'];

/** Faults that strike at most once a run (Redis losing everything is rare, and one is enough to prove recovery). */
const ONCE: FaultKind[] = ['redis-wipe'];

export interface FaultDeps {
  rng: Rng;
  kinds: FaultKind[];
  /** Chance that a moment of work gets a fault. */
  rate: number;
  fake: FakeFeishu;
  redis: PrivateRedis;
  processes: SoakProcesses;
  /** What may be done to the store (database.ts). */
  store: StoreFaults;
  /** Redis pause length, ms (20 s as the issue asks; shorter for the short soak). */
  redisPauseMs: number;
  log(line: string): void;
}

export interface FaultInjector {
  /** Decides and starts this moment's fault, if any. */
  strike(t: number): void;
  /** Waits until the faults started are over (processes back, Redis answering, Feishu healthy). */
  settle(): Promise<void>;
  counts(): Record<string, number>;
}

/** Feishu's last redelivery of an event comes 6 h after the first try. */
const REDELIVERY_HORIZON_MS = 6 * 3600_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function createFaultInjector(d: FaultDeps): FaultInjector {
  const counts: Record<string, number> = {};
  const inFlight: Promise<void>[] = [];
  const used = new Set<FaultKind>();
  const workers = () => d.processes.all().filter((p) => p.role === 'worker').map((p) => p.name);

  const run = async (kind: FaultKind, t: number, delayMs: number, param: number): Promise<void> => {
    await sleep(delayMs);
    switch (kind) {
      case 'kill-worker': {
        const ws = workers();
        // Several at once when there are several: a deployment losing a machine.
        await d.processes.kill(param < 0.5 || ws.length < 2 ? [ws[Math.floor(param * ws.length)] ?? 'worker1'] : ws);
        return;
      }
      case 'kill-receiver':
        return d.processes.kill(['receiver']);
      case 'kill-all':
        return d.processes.kill(['receiver', ...workers()]);
      case 'redis-restart':
        await d.redis.stop();
        await sleep(200 + param * 2000);
        return d.redis.start();
      case 'redis-wipe':
        await d.redis.stop();
        d.redis.wipe();
        await sleep(200 + param * 2000);
        return d.redis.start();
      case 'redis-pause':
        return d.redis.pause(d.redisPauseMs);
      case 'feishu-5xx':
        d.fake.faults.serverError({ times: 1 + Math.floor(param * 3), status: [500, 502, 503, 504][Math.floor(param * 4)]! });
        return;
      case 'feishu-429':
        d.fake.faults.rateLimit({ times: 1 + Math.floor(param * 3), resetSeconds: 1 + Math.floor(param * 3) });
        return;
      case 'feishu-230020':
        d.fake.faults.refuse({ times: 1 + Math.floor(param * 3), code: 230020 });
        return;
      case 'feishu-slow':
        // Beyond the SDK's 15 s timeout: the message is sent but its answer lost; the retry's uuid must absorb it.
        d.fake.faults.slowAnswers(16_000);
        await sleep(500 + param * 2000);
        d.fake.faults.slowAnswers(0);
        return;
      case 'token-expiry':
        d.fake.faults.expireTokens();
        return;
      case 'duplicate-delivery': {
        // Re-push earlier events (late and out of order), as Feishu's at-least-once delivery does: within its last
        // redelivery, 6 h after the first; one time in four, events of any age — a replay of a request long past,
        // which outlives the bot's 24 h de-duplication memory and must be dropped by its age (seed 7 found a
        // five-month-old re-push answered again; bot/feishu/event-age.ts).
        const since = param < 0.25 ? -Infinity : t - REDELIVERY_HORIZON_MS;
        const ids = [...new Set(d.fake.deliveries.filter((x) => x.status === 200 && x.at >= since).map((x) => x.eventId))];
        const from = Math.floor(param * ids.length);
        const picked = ids.slice(from, from + 1 + Math.floor(param * 4));
        await Promise.all(picked.map((id) => d.fake.redeliver(id).catch(() => {})));
        return;
      }
      case 'click-race': {
        // The same status button clicked twice at once (a double tap; two devices): one click's worth must be recorded.
        const cards = d.fake.messages({ sender: 'bot', msgType: 'interactive' }).filter((m) => m.chatType === 'p2p');
        const withButton = cards
          .map((m) => ({ m, b: cardParts(m.content).buttons.find((b) => !b.submit && b.text.includes('按计划推进')) }))
          .filter((x) => x.b);
        const pick = withButton[Math.floor(param * withButton.length)];
        const owner = pick && d.fake.chats().find((c) => c.chatId === pick.m.chatId)?.members.find((id) => id.startsWith('ou_'));
        if (!pick || !owner) return;
        const click = () => d.fake.clickCard({ from: owner, messageId: pick.m.messageId, value: pick.b!.value, ...(pick.b!.name ? { name: pick.b!.name } : {}) }).catch(() => {});
        await Promise.all([click(), click()]);
        return;
      }
      case 'store-busy':
        // Another process holds the write lock: under the bot's 10 s busy timeout, or beyond it.
        await d.store.hold(500 + param * 12_000);
        return;
      case 'pg-drop': {
        // Every connection of the bot's processes cut (a failover, a restarted pgbouncer), once or twice in a row.
        if (!d.store.dropConnections) return;
        let dropped = await d.store.dropConnections();
        if (param < 0.5) {
          await sleep(200 + param * 2000);
          dropped += await d.store.dropConnections();
        }
        d.log(`  pg-drop: ${dropped} connection(s) of the bot's processes terminated`);
        return;
      }
    }
  };

  return {
    strike(t) {
      if (!d.kinds.length || !d.rng.chance(d.rate)) return;
      const kind = d.rng.pick(d.kinds);
      // Drawn whether or not the fault runs, so the plan after it does not depend on what was skipped.
      const delayMs = d.rng.int(0, 300);
      const param = d.rng.next();
      if (ONCE.includes(kind) && used.has(kind)) return;
      used.add(kind);
      counts[kind] = (counts[kind] ?? 0) + 1;
      d.log(`${new Date(t).toISOString()} fault ${kind} (+${delayMs} ms, ${param.toFixed(3)})`);
      const p = run(kind, t, delayMs, param).catch((e: Error) => d.log(`fault ${kind} failed to run: ${e.message}`));
      inFlight.push(p);
    },
    async settle() {
      while (inFlight.length) await inFlight.shift();
    },
    counts: () => ({ ...counts }),
  };
}
