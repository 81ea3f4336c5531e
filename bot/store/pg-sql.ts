/**
 * The store's raw SQL on PostgreSQL, run on the driver adapter Prisma connected (bot/store/pg-adapter.ts):
 * its `queryRaw` / `executeRaw`, so the pool, the argument formatting (a Date as UTC text) and `pg`'s type
 * parsing are the adapter's own, as under `$queryRaw`. What is skipped is Prisma's client around them — its
 * request pipeline, the query plan's interpretation, the result serialised and deserialised again — which
 * on PostgreSQL was most of a raw read's cost over plain `pg` (docs/performance.md, *On PostgreSQL*).
 * bot/store/raw-sql.ts types each value by the column type the adapter reports, as Prisma's client does (an
 * int8 as bigint, a numeric as Decimal, a timestamp as Date, json parsed); an error from the database is
 * Prisma's raw-query error (P2010, the adapter's error in meta).
 *
 * Used by bot/store/raw-sql.ts for the root client of a PostgreSQL store only: a transaction client keeps its
 * statements in its transaction through Prisma, and before Prisma's first connection or after `$disconnect()`
 * (no adapter) Prisma runs the statement and connects.
 */
import type { ArgType, SqlDriverAdapter, SqlQuery, SqlResultSet } from '@prisma/driver-adapter-utils';
import type { Prisma } from './generated/client.js';
import { rawQueryFailed, type RawMethod } from './raw-query-error.js';

const adapters = new WeakMap<object, () => SqlDriverAdapter | undefined>();

/** Makes `db` (the client of a PostgreSQL store) run queryRows(), queryTuples() and execute() on its adapter. */
export function useDirectPg(db: object, adapter: () => SqlDriverAdapter | undefined): void {
  adapters.set(db, adapter);
}

export function forgetDirectPg(db: object): void {
  adapters.delete(db);
}

const DATETIME: ArgType = { scalarType: 'datetime', arity: 'scalar' };
const OTHER: ArgType = { scalarType: 'unknown', arity: 'scalar' };

/**
 * `sql` as the adapter's query for `db`, or null: `db` is not a registered client, it has no adapter connected,
 * or an argument is of a kind not mapped here (Prisma runs that statement). Arguments as Prisma hands them to the
 * adapter after its JSON round trip: a non-finite number null, a bigint its digits, a valid Date a datetime.
 */
export function pgQuery(db: object, sql: Prisma.Sql): { adapter: SqlDriverAdapter; query: SqlQuery } | null {
  const adapter = adapters.get(db)?.();
  if (!adapter) return null;
  const n = sql.values.length;
  const args: unknown[] = new Array(n);
  const argTypes: ArgType[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const v = sql.values[i];
    argTypes[i] = OTHER;
    if (typeof v === 'string' || typeof v === 'boolean') args[i] = v;
    else if (typeof v === 'number') args[i] = Number.isFinite(v) ? v : null;
    else if (typeof v === 'bigint') args[i] = v.toString();
    else if (v === null || v === undefined) args[i] = null;
    else if (v instanceof Date && !Number.isNaN(v.getTime())) {
      args[i] = v;
      argTypes[i] = DATETIME;
    } else return null;
  }
  return { adapter, query: { sql: sql.text, args, argTypes } };
}

/** The statement's result as the adapter reads it: names, column types, rows of the adapter's values (bot/store/raw-sql.ts types them). */
export function pgResult(adapter: SqlDriverAdapter, query: SqlQuery): Promise<SqlResultSet> {
  return raw(() => adapter.queryRaw(query), '$queryRaw');
}

/** The number of rows a write changed. */
export function pgExecute(adapter: SqlDriverAdapter, query: SqlQuery): Promise<number> {
  return raw(() => adapter.executeRaw(query), '$executeRaw');
}

/** Runs the adapter's call; its error (a DriverAdapterError) as Prisma's raw-query error, as `$queryRaw` throws it. */
async function raw<T>(call: () => Promise<T>, method: RawMethod): Promise<T> {
  try {
    return await call();
  } catch (e) {
    const cause = (e as { name?: unknown; cause?: { originalCode?: string; originalMessage?: string } }).cause;
    if ((e as { name?: unknown }).name !== 'DriverAdapterError' || typeof cause !== 'object' || cause === null) throw e;
    throw rawQueryFailed(method, cause.originalCode ?? 'N/A', cause.originalMessage ?? (e as Error).message, e);
  }
}
