/**
 * A seam for store faults on the receiver's write: `before` runs ahead of the next `times` writes
 * of event records (recordEvents in bot/store/accepted-events.ts, one raw INSERT INTO
 * "ProcessedEvent" per batch of deliveries) and may wait or throw, making that write slow or failed.
 */
import type { Db } from '../../bot/store/db.js';
import type { Prisma } from '../../bot/store/generated/client.js';
import { usePrismaSql } from '../../bot/store/raw-sql.js';

export function beforeEventRecords(db: Db, before: () => Promise<unknown>, times = 1): void {
  usePrismaSql(db); // on SQLite the store's raw SQL skips $queryRaw otherwise (bot/store/raw-sql.ts)
  const queryRaw = db.$queryRaw.bind(db) as (query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => Promise<unknown>;
  let left = times;
  const hooked = async (query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => {
    const text = 'sql' in query ? query.sql : query.join('?');
    if (left > 0 && text.includes('INSERT INTO "ProcessedEvent"')) {
      left--;
      await before();
    }
    return queryRaw(query, ...values);
  };
  Object.defineProperty(db, '$queryRaw', { value: hooked, configurable: true });
}
