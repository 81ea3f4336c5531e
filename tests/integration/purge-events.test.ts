/**
 * Accepted events are forgotten a day after they finished (Feishu redelivers
 * for about 7 hours); one still queued is never purged silently: after 7 days
 * it is given up (failed, logged as an error) and forgotten a day later.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../bot/clock.js';
import { createLog } from '../../bot/log.js';
import { purgeProcessedEvents } from '../../jobs/processors/purge-events.js';
import { tempStore } from '../helpers/temp-store.js';

let store: Awaited<ReturnType<typeof tempStore>>;
beforeEach(async () => {
  store = await tempStore();
});
afterEach(async () => store?.cleanup());

const now = new Date('2022-04-15T08:00:00Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000);

function capture() {
  const lines: { level: number; msg: string; count?: number; events?: { eventId: string }[] }[] = [];
  return { log: createLog('info', { write: (s) => void lines.push(JSON.parse(s)) }), lines };
}

describe('purging accepted events', () => {
  it('removes done and failed events finished more than 24 hours ago, never a queued one', async () => {
    const row = (eventId: string, state: string, received: number, finished: number | null) => ({
      eventId, eventType: 'im.message.receive_v1', state, payload: '{}', receivedAt: hoursAgo(received), finishedAt: finished === null ? null : hoursAgo(finished),
    });
    await store.db.processedEvent.createMany({
      data: [
        row('done-1h', 'done', 1, 1),
        row('done-23h', 'done', 23, 23),
        row('done-25h', 'done', 25, 25),
        row('done-late', 'done', 30, 2), // received long ago, finished recently: still remembered
        row('failed-8d', 'failed', 24 * 8, 24 * 8),
        row('queued-25h', 'queued', 25, null),
        row('queued-6d', 'queued', 24 * 6, null),
      ],
    });
    const { log, lines } = capture();
    expect(await purgeProcessedEvents({ db: store.db, clock: manualClock(now), log })).toBe(2);
    const left = await store.db.processedEvent.findMany({ orderBy: { eventId: 'asc' } });
    expect(left.map((e) => e.eventId)).toEqual(['done-1h', 'done-23h', 'done-late', 'queued-25h', 'queued-6d']);
    expect(left.filter((e) => e.state === 'queued')).toHaveLength(2);
    expect(lines.filter((l) => l.level >= 50)).toHaveLength(0);
  });

  it('gives up on an event queued for more than 7 days: failed, logged as an error, purged a day later', async () => {
    await store.db.processedEvent.create({
      data: { eventId: 'queued-8d', eventType: 'card.action.trigger', state: 'queued', payload: '{}', receivedAt: hoursAgo(24 * 8) },
    });
    const clock = manualClock(now);
    const { log, lines } = capture();
    expect(await purgeProcessedEvents({ db: store.db, clock, log })).toBe(0);
    expect(await store.db.processedEvent.findUnique({ where: { eventId: 'queued-8d' } })).toMatchObject({ state: 'failed', error: 'not processed within 7 days', finishedAt: now });
    const error = lines.find((l) => l.level === 50);
    expect(error?.count).toBe(1);
    expect(error?.events?.[0]?.eventId).toBe('queued-8d');
    clock.advance(23 * 3600_000);
    expect(await purgeProcessedEvents({ db: store.db, clock, log })).toBe(0);
    clock.advance(2 * 3600_000);
    expect(await purgeProcessedEvents({ db: store.db, clock, log })).toBe(1);
  });
});
