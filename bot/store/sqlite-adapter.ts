/**
 * The better-sqlite3 driver adapter, with a repair for a stall.
 *
 * When COMMIT fails (SQLITE_BUSY: another process holds the file), Prisma's
 * transaction manager calls the adapter's rollback() without sending ROLLBACK,
 * and the adapter's rollback() only releases its in-process lock
 * (@prisma/adapter-better-sqlite3 7.10). The connection stays inside the failed
 * transaction: the next BEGIN throws "cannot start a transaction within a
 * transaction" after taking that lock, which is then never released, and every
 * later transaction of the process waits forever while the open one keeps its
 * lock on the file. Seen with several processes on one SQLite file
 * (tests/faults/slow/instances.test.ts); tests/integration/sqlite-adapter.test.ts
 * reproduces it. Here rollback() first ends the transaction when the connection
 * is still in one.
 */
import type Database from 'better-sqlite3';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';

/** How long a statement waits for another process's lock before SQLITE_BUSY. */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;

export function sqliteAdapter(url: string, timeout = SQLITE_BUSY_TIMEOUT_MS): SqlMigrationAwareDriverAdapterFactory {
  const inner = new PrismaBetterSqlite3({ url, timeout });
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => repairRollback(await inner.connect()),
    connectToShadowDb: async () => repairRollback(await inner.connectToShadowDb()),
  };
}

function repairRollback(adapter: SqlDriverAdapter): SqlDriverAdapter {
  // The adapter keeps its better-sqlite3 connection in a plain (untyped) property.
  const client = (adapter as unknown as { client: Database.Database }).client;
  const start = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => {
    const tx = await start(isolationLevel);
    const release = tx.rollback.bind(tx);
    tx.rollback = async () => {
      try {
        if (client.inTransaction) client.exec('ROLLBACK');
      } finally {
        await release();
      }
    };
    return tx;
  };
  return adapter;
}
