/**
 * The soak's `state-shown` invariant (tests/soak/states-shown.ts) on a real digest: it reads the light of
 * every task the digest names, finds them all as the state engine said at the moment of sending, and names a
 * card that shows a task in another light — unless the store changed that task around that moment.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../bot/clock.js';
import { LIGHT_EMOJI } from '../../bot/domain/task-state/words.js';
import type { StoredMessage } from '../../bot/sandbox/index.js';
import { createReport } from '../../bot/store/reports.js';
import { loadTaskStates } from '../../bot/store/task-states.js';
import { runDigestSweep } from '../../jobs/processors/digest-sweep.js';
import { checkStatesShown, lightsShown } from '../soak/states-shown.js';
import { startHarness, type Harness } from '../helpers/bot-harness.js';
import { seedPlan } from '../helpers/seed.js';
import { waitFor } from '../helpers/wait-for.js';

const GROUP = 'oc_leaders0000000000000000000001';
const at = (local: string) => new Date(`${local}+08:00`);
const clock = manualClock(at('2022-04-15T16:00:00'));
let h: Harness;
let planId: number;
let digest: StoredMessage[];

const check = (messages: StoredMessage[]) => checkStatesShown({ db: h.bot.deps.db, calendar: h.bot.deps.calendar, messages });

/** The first digest card again, with task `code`'s light swapped for `light`, sent by the bot. */
async function tampered(code: string, light: 'green' | 'red'): Promise<StoredMessage> {
  const card = digest.find((m) => lightsShown(m.content).has(code))!;
  const json = JSON.stringify(card.content).replace(new RegExp(`(${Object.values(LIGHT_EMOJI).join('|')}) \\*\\*任务${code} `, 'u'), `${LIGHT_EMOJI[light]} **任务${code} `);
  const sent = await h.bot.deps.messenger.send({ chatId: GROUP }, { card: JSON.parse(json) }, `tampered:${code}:${light}`);
  return h.fake.messagesIn(GROUP).find((m) => m.messageId === sent.messageId)!;
}

beforeAll(async () => {
  h = await startHarness({ clock, env: { SWEEP_EVERY_SECONDS: '0' } });
  ({ planId } = await seedPlan(h.bot.deps.db, { now: at('2022-03-21T09:00:00'), fake: h.fake }));
  h.fake.addUser({ openId: 'ou_admin00000000000000000000001', name: '管理员' });
  h.fake.addChat({ chatId: GROUP, name: '局领导群', members: ['ou_admin00000000000000000000001'] });
  await h.bot.deps.db.chat.create({ data: { chatId: GROUP, name: '局领导群', digest: true, createdAt: at('2022-03-21T09:00:00') } });
  expect(await runDigestSweep(h.bot.deps)).toBeGreaterThan(0);
  await waitFor(async () => (await h.bot.deps.db.digestPost.count({ where: { state: 'sent' } })) > 0, 60_000);
  digest = h.fake.messagesIn(GROUP).filter((m) => m.sender === 'bot');
});
afterAll(async () => h?.close());

describe('state-shown', () => {
  it('reads every task of the digest with the light the engine gives at the moment of sending, and finds nothing wrong', async () => {
    const shown = new Map(digest.flatMap((m) => [...lightsShown(m.content)]));
    const { tasks } = await loadTaskStates(h.bot.deps.db, { planId, now: new Date(digest[0]!.createTime), calendar: h.bot.deps.calendar });
    expect([...shown.keys()].sort()).toEqual(tasks.map((t) => t.shownCode).sort());
    expect(Object.fromEntries(shown)).toEqual(Object.fromEntries(tasks.map((t) => [t.shownCode, t.state.light])));
    expect(await check(digest)).toEqual([]);
  });

  it('names a card that shows a task in another light', async () => {
    const { tasks } = await loadTaskStates(h.bot.deps.db, { planId, now: clock.now(), calendar: h.bot.deps.calendar });
    const t = tasks.find((x) => x.shownCode === '3')!;
    const card = await tampered('3', t.state.light === 'red' ? 'green' : 'red');
    expect(await check([card])).toEqual([{ invariant: 'state-shown', detail: expect.stringMatching(new RegExp(`^${card.messageId} .* shows task 3 .*, the engine says ${LIGHT_EMOJI[t.state.light]} at that moment$`, 'u')) }]);
  });

  it('skips a task whose report was made around that moment: the store no longer holds what the engine saw', async () => {
    const task = await h.bot.deps.db.task.findFirstOrThrow({ where: { code: '4' } });
    const person = await h.bot.deps.db.person.findFirstOrThrow();
    const { tasks } = await loadTaskStates(h.bot.deps.db, { planId, now: clock.now(), calendar: h.bot.deps.calendar });
    const light = tasks.find((x) => x.shownCode === '4')!.state.light;
    const card = await tampered('4', light === 'red' ? 'green' : 'red');
    expect(await check([card])).toHaveLength(1);
    await createReport(h.bot.deps.db, {
      taskId: task.id, personId: person.id, period: '2022-W15', status: 'on_track', percent: null, expectedOn: null,
      rawText: '按计划推进', source: 'text', messageId: 'om_state_shown', actor: 'test', now: new Date(clock.now().getTime() - 60_000), values: [],
    });
    expect(await check([card])).toEqual([]);
  });
});
