/** Event ids are remembered for a day (Feishu redelivers for about 7 hours), then forgotten. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../bot/clock.js';
import { purgeProcessedEvents } from '../../jobs/processors/purge-events.js';
import { tempStore } from '../helpers/temp-store.js';

let store: Awaited<ReturnType<typeof tempStore>>;
beforeAll(async () => {
  store = await tempStore();
});
afterAll(async () => store?.cleanup());

describe('purging processed events', () => {
  it('keeps ids younger than 24 hours and removes older ones', async () => {
    const now = new Date('2022-04-15T08:00:00Z');
    const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000);
    await store.db.processedEvent.createMany({
      data: [
        { eventId: 'e-1h', eventType: 'im.message.receive_v1', receivedAt: hoursAgo(1) },
        { eventId: 'e-8h', messageId: 'om_8h', eventType: 'im.message.receive_v1', receivedAt: hoursAgo(8) },
        { eventId: 'e-23h', eventType: 'card.action.trigger', receivedAt: hoursAgo(23) },
        { eventId: 'e-25h', eventType: 'im.message.receive_v1', receivedAt: hoursAgo(25) },
        { eventId: 'e-7d', eventType: 'im.message.receive_v1', receivedAt: hoursAgo(24 * 7) },
      ],
    });
    expect(await purgeProcessedEvents({ db: store.db, clock: manualClock(now) })).toBe(2);
    const left = await store.db.processedEvent.findMany({ orderBy: { eventId: 'asc' } });
    expect(left.map((e) => e.eventId)).toEqual(['e-1h', 'e-23h', 'e-8h']);
  });
});
