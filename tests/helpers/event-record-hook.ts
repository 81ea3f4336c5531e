/**
 * A seam for store faults on the receiver's write: `before` runs ahead of the next `times` writes
 * of event records (recordEvents in bot/store/accepted-events.ts, one raw INSERT INTO
 * "ProcessedEvent" per batch of deliveries) and may wait or throw, making that write slow or failed.
 */
import type { Db } from '../../bot/store/db.js';

export function beforeEventRecords(db: Db, before: () => Promise<unknown>, times = 1): void {
  const queryRaw = db.$queryRaw.bind(db);
  let left = times;
  const hooked = async (strings: TemplateStringsArray, ...values: unknown[]) => {
    if (left > 0 && strings.join('?').includes('INSERT INTO "ProcessedEvent"')) {
      left--;
      await before();
    }
    return queryRaw(strings, ...values);
  };
  Object.defineProperty(db, '$queryRaw', { value: hooked, configurable: true });
}
