/**
 * The console over a whole bot, for its tests until the demo orchestrator is used: fake Feishu,
 * the real bot (real Redis, temp SQLite), the seed plan with its owners, an admin, the leaders'
 * group registered for digests, a simulated clock from Monday 21 March 2022 09:00, and the
 * console on a free port.
 */
import { manualClock } from '../../bot/clock.js';
import type { OwnerRow } from '../../bot/domain/owners/parse-owners.js';
import { startConsole, type ConsolePerson } from '../../bot/sandbox/console/index.js';
import { startHarness, type Harness } from '../helpers/bot-harness.js';
import { seedPlan } from '../helpers/seed.js';
import { simControls } from './sim-controls.js';

export const ADMIN = 'ou_admin00000000000000000000001';
export const GROUP = 'oc_leaders0000000000000000000001';
export const START = new Date('2022-03-21T09:00:00+08:00');

const ROLE_WORDS = { owner: '责任人', collaborator: '协办', leader: '分管领导' } as const;

function peopleOf(rows: OwnerRow[]): ConsolePerson[] {
  const out = new Map<string, ConsolePerson>();
  for (const r of [...rows].sort((a, b) => Number(a.role === 'leader') - Number(b.role === 'leader'))) {
    if (!r.openId || out.has(r.openId)) continue;
    const role = r.role === 'leader' ? ROLE_WORDS.leader : `${ROLE_WORDS[r.role]}（${r.department ?? ''}）`;
    out.set(r.openId, { openId: r.openId, name: r.name, role });
  }
  return [...out.values()];
}

export interface ConsoleDemo {
  h: Harness;
  url: string;
  controls: ReturnType<typeof simControls>;
  people: ConsolePerson[];
  close(): Promise<void>;
}

export async function startConsoleDemo(opts: { speed?: number } = {}): Promise<ConsoleDemo> {
  const clock = manualClock(START);
  const h = await startHarness({ clock, env: { SWEEP_EVERY_SECONDS: '0', ADMIN_OPEN_IDS: ADMIN, SEND_RATE_PER_SECOND: '50' } });
  const { rows } = await seedPlan(h.bot.deps.db, { now: START, fake: h.fake });
  h.fake.addUser({ openId: ADMIN, name: '王管理' });
  const people = [...peopleOf(rows), { openId: ADMIN, name: '王管理', role: '管理员' }];
  const leaders = people.filter((p) => p.role === ROLE_WORDS.leader).map((p) => p.openId);
  h.fake.addChat({ chatId: GROUP, name: '局领导群', members: [...leaders, ADMIN] });
  await h.bot.deps.db.chat.create({ data: { chatId: GROUP, name: '局领导群', digest: true, createdAt: START } });
  const controls = simControls(clock, h.bot.deps, opts);
  const console = await startConsole({ fake: h.fake, controls, people });
  return {
    h,
    url: console.url,
    controls,
    people,
    close: async () => {
      await controls.stop();
      await console.close();
      await h.close();
    },
  };
}
