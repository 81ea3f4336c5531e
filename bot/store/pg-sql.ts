/**
 * The store's raw SQL on PostgreSQL, run on the driver adapter Prisma connected (bot/store/pg-adapter.ts):
 * its `queryRaw` / `executeRaw`, so the pool, the argument formatting (a Date as UTC text) and `pg`'s type
 * parsing are the adapter's own, as under `$queryRaw`. What is skipped is Prisma's client around them — its
 * request pipeline, the query plan's interpretation, the result serialised and deserialised again — which
 * on PostgreSQL was most of a raw read's cost over plain `pg` (docs/performance.md, *On PostgreSQL*).
 * Each value comes back as `$queryRaw` gives it: the column types the adapter reports, mapped as Prisma's
 * client maps them (an int8 as bigint, a numeric as Decimal, a timestamp as Date, json parsed); an error
 * from the database is Prisma's raw-query error (P2010, the adapter's error in meta).
 *
 * Used by bot/store/raw-sql.ts for the root client of a PostgreSQL store only: a transaction client keeps its
 * statements in its transaction through Prisma, and before Prisma's first connection or after `$disconnect()`
 * (no adapter) Prisma runs the statement and connects.
 */
import { ColumnTypeEnum, type ArgType, type ColumnType, type SqlDriverAdapter, type SqlQuery } from '@prisma/driver-adapter-utils';
import { Prisma } from './generated/client.js';
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

/** The rows as objects, as `$queryRaw` gives them (a repeated column name keeps its first place and last value). */
export async function pgRows(adapter: SqlDriverAdapter, query: SqlQuery): Promise<Record<string, unknown>[]> {
  const { columnNames, columnTypes, rows } = await raw(() => adapter.queryRaw(query), '$queryRaw');
  const n = columnNames.length;
  return rows.map((row) => {
    const o: Record<string, unknown> = {};
    for (let j = 0; j < n; j++) o[columnNames[j]!] = pgValue(columnTypes[j]!, row[j]);
    return o;
  });
}

/** The rows as arrays, each value as `$queryRaw` gives it. */
export async function pgTuples(adapter: SqlDriverAdapter, query: SqlQuery): Promise<unknown[][]> {
  const { columnTypes, rows } = await raw(() => adapter.queryRaw(query), '$queryRaw');
  return rows.map((row) => row.map((v, j) => pgValue(columnTypes[j]!, v)));
}

/** The number of rows a write changed. */
export function pgExecute(adapter: SqlDriverAdapter, query: SqlQuery): Promise<number> {
  return raw(() => adapter.executeRaw(query), '$executeRaw');
}

/**
 * One value as `$queryRaw` returns it: Prisma's serialisation of the adapter's value by its column type, then
 * its deserialisation (@prisma/client's runtime, `serializeRawValue` and `deserializeRawResult`), in one step.
 * The store's SQL reads none of the other types (arrays, bytes, time of day); one would be a mistake to see at once.
 */
export function pgValue(type: ColumnType, v: unknown): unknown {
  if (v === null) return null;
  switch (type) {
    case ColumnTypeEnum.Int32:
      return Math.trunc(typeof v === 'number' ? v : Number(v));
    case ColumnTypeEnum.Int64:
      return BigInt(typeof v === 'number' ? Math.trunc(v) : (v as string));
    case ColumnTypeEnum.Numeric:
      return new Prisma.Decimal(v as string);
    case ColumnTypeEnum.Boolean:
      return typeof v === 'boolean' ? v : typeof v === 'string' ? v === 'true' || v === '1' : v === 1;
    case ColumnTypeEnum.DateTime:
    case ColumnTypeEnum.Date:
      return new Date(v as string);
    case ColumnTypeEnum.Json:
      return typeof v === 'string' ? JSON.parse(v) : v;
    case ColumnTypeEnum.Float:
    case ColumnTypeEnum.Double:
    case ColumnTypeEnum.Text:
    case ColumnTypeEnum.Character:
    case ColumnTypeEnum.Enum:
    case ColumnTypeEnum.Uuid:
      return v;
    default:
      throw new Error(`the store's raw SQL does not read PostgreSQL column type ${type}`);
  }
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
