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
 *
 * It also keeps statements prepared: the adapter prepares every query anew
 * (`client.prepare(sql).bind(args)`), and preparing Prisma's long statements was
 * about a tenth of a worker's time sending nudges (docs/performance.md). The
 * connection's prepare() answers from a bounded cache, by SQL text, with a
 * statement that binds its arguments per call.
 */
import type Database from 'better-sqlite3';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';

/** How long a statement waits for another process's lock before SQLITE_BUSY. */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;

/** The factory, which also tells the better-sqlite3 connection of the adapter it last made (bot/store/raw-sql.ts runs on it). */
export interface SqliteAdapterFactory extends SqlMigrationAwareDriverAdapterFactory {
  connection(): Database.Database | undefined;
}

export function sqliteAdapter(url: string, timeout = SQLITE_BUSY_TIMEOUT_MS): SqliteAdapterFactory {
  const inner = new PrismaBetterSqlite3({ url, timeout });
  let client: Database.Database | undefined;
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => {
      const adapter = repairRollback(await inner.connect());
      client = clientOf(adapter);
      return adapter;
    },
    connectToShadowDb: async () => repairRollback(await inner.connectToShadowDb()),
    connection: () => client,
  };
}

// The adapter keeps its better-sqlite3 connection in a plain (untyped) property.
const clientOf = (adapter: SqlDriverAdapter) => (adapter as unknown as { client: Database.Database }).client;

function repairRollback(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const client = clientOf(adapter);
  keepStatements(client);
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

export interface Kept<T = null> {
  st: Database.Statement;
  columns: Database.ColumnDefinition[] | null;
  /** What a user of the cache derives from the statement once (its own use). */
  more: T | null;
}

/** Statements kept per connection (Prisma issues a few hundred distinct ones). */
export const STATEMENTS_KEPT = 500;

/** A bounded cache of prepared statements by SQL text, the least recently used dropped first. */
export function statementCache<T = null>(prepare: (sql: string) => Database.Statement, size = STATEMENTS_KEPT): (sql: string) => Kept<T> {
  const kept = new Map<string, Kept<T>>();
  return (sql) => {
    let k = kept.get(sql);
    if (k) {
      kept.delete(sql);
    } else {
      k = { st: prepare(sql), columns: null, more: null };
      if (kept.size >= size) kept.delete(kept.keys().next().value!);
    }
    kept.set(sql, k);
    return k;
  };
}

/**
 * Makes `client.prepare(sql)` reuse a prepared statement. better-sqlite3 binds a statement's
 * arguments once for good, so what is handed out is a thin statement that passes its
 * arguments at each run instead; the adapter only ever calls bind(args), then reader,
 * run(), columns() and raw().all() on it, synchronously (no statement is in use twice).
 */
function keepStatements(client: Database.Database): void {
  const statement = statementCache(client.prepare.bind(client));
  client.prepare = ((sql: string) => {
    const k = statement(sql);
    const st = k.st;
    const bound = (args: unknown[]) => ({
      reader: st.reader,
      run: () => st.run(args),
      // A statement's columns (names, declared types) are those of its SQL: read once (each read looks them up in the schema).
      columns: () => (k.columns ??= st.columns()),
      raw: () => ({ all: () => st.raw(true).all(args) }),
    });
    return { reader: st.reader, run: (...a: unknown[]) => st.run(...a), bind: (args: unknown[]) => bound(args) };
  }) as unknown as typeof client.prepare;
}
