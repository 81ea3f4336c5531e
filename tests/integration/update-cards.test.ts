/** updateCards through the real SDK against the fake Feishu: Feishu's 14-day window, failures logged, never thrown. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../bot/clock.js';
import { card, markdown } from '../../bot/feishu/cards/card.js';
import { createMessenger, type Messenger } from '../../bot/feishu/messenger.js';
import { md } from '../../bot/feishu/safe-text.js';
import { updateCards } from '../../bot/handlers/update-cards.js';
import { createLog } from '../../bot/log.js';
import { startFakeFeishu } from '../../bot/sandbox/index.js';
import { APP } from '../helpers/bot-harness.js';

const ALICE = 'ou_alice000000000000000000000001';
const DAY = 24 * 3600_000;
const START = Date.UTC(2022, 3, 11, 2);

let fake: Awaited<ReturnType<typeof startFakeFeishu>>;
let messenger: Messenger;
let now = START;
const clock = manualClock(new Date(START));
const logged: string[] = [];
const log = createLog('warn', { write: (s: string) => void logged.push(s) });
const deps = () => ({ messenger, log, clock });

beforeEach(async () => {
  now = START;
  clock.set(new Date(START));
  logged.length = 0;
  fake = await startFakeFeishu({ ...APP, now: () => now });
  fake.addUser({ openId: ALICE, name: '张敏' });
  messenger = createMessenger({ appId: APP.appId, appSecret: APP.appSecret, domain: fake.url, nowMs: () => now });
});
afterEach(async () => fake.close());

const offer = card({ title: '延期申请：任务1', elements: [markdown(md`请审批`)] });
const decided = card({ title: '延期申请：任务1', template: 'green', elements: [markdown(md`已同意`)] });

describe('updateCards', () => {
  it('patches each card once, in place', async () => {
    const a = await messenger.send({ openId: ALICE }, { card: offer }, 'offer:a');
    const refs = [{ messageId: a.messageId, sentAt: new Date(START) }, { messageId: a.messageId, sentAt: new Date(START) }];
    expect(await updateCards(deps(), refs, decided)).toBe(1);
    const m = fake.message(a.messageId)!;
    expect(m.history.map((v) => v.via)).toEqual(['create', 'patch']);
    expect(m.content.header.template).toBe('green');
  });

  it('leaves a card past Feishu’s 14-day window alone instead of calling for a 230031', async () => {
    const a = await messenger.send({ openId: ALICE }, { card: offer }, 'offer:old');
    now = START + 14 * DAY + 1000;
    clock.set(new Date(now));
    const patches = () => fake.calls.filter((c) => c.method === 'PATCH').length;
    expect(await updateCards(deps(), [{ messageId: a.messageId, sentAt: new Date(START) }], decided)).toBe(0);
    expect(patches()).toBe(0);
    expect(fake.message(a.messageId)!.updated).toBe(false);
  });

  it('a card the platform refuses to update is logged, and the others are still updated', async () => {
    const a = await messenger.send({ openId: ALICE }, { card: offer }, 'offer:b');
    // Sent "yesterday" by our record, but the platform's own clock says it is older than 14 days.
    now = START + 15 * DAY;
    const b = await messenger.send({ openId: ALICE }, { card: offer }, 'offer:c');
    clock.set(new Date(now));
    const refs = [{ messageId: a.messageId, sentAt: new Date(now - DAY) }, { messageId: b.messageId, sentAt: null }];
    expect(await updateCards(deps(), refs, decided)).toBe(1);
    expect(fake.message(a.messageId)!.updated).toBe(false);
    expect(fake.message(b.messageId)!.updated).toBe(true);
    expect(logged.join('\n')).toContain('a card could not be updated');
    expect(logged.join('\n')).toContain(a.messageId);
  });
});
