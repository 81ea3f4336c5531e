/**
 * The store's hand-written SQL (`Prisma.sql`), run straight on SQLite's connection.
 *
 * Through `db.$queryRaw` each statement costs Prisma's fixed work (~0.16 ms: parameters serialised to JSON
 * and back, a query plan, the interpreter) and then three passes over every value: the adapter's row mapping,
 * Prisma's serialisation of the result and its deserialisation into objects — for the 107,000 rows of a
 * 5,000-task digest most of its distance from plain better-sqlite3 (docs/performance.md). On SQLite,
 * queryRows() and execute() run `sql.sql` with `sql.values` on the very better-sqlite3 connection the adapter
 * gives Prisma (bot/store/sqlite-adapter.ts), so transactions, WAL and locks are as before: the adapter also
 * runs statements outside a transaction on it without its mutex. Arguments are bound as the adapter binds
 * them after Prisma's round trip (a Date as ISO text with `+00:00`, a boolean as 1/0); each column comes back
 * with the JS type and value `$queryRaw` gives (declared INTEGER: number; DATETIME: Date; BOOLEAN: boolean;
 * an expression: typed by its first non-NULL value, an integer then a bigint); an SQLite error is Prisma's
 * raw-query error (P2010, meta.driverAdapterError). Statements are kept prepared, by SQL text (bounded).
 *
 * On PostgreSQL the same three run on the driver adapter Prisma connected, without Prisma's client around it
 * (bot/store/pg-sql.ts), with the values and errors `$queryRaw` gives there.
 *
 * Anything else falls back to Prisma: a transaction client (`tx`: its statements must stay in its transaction),
 * a client whose connection is not known or closed, an argument of a kind not mapped here.
 */
import Database from 'better-sqlite3';
import { ColumnTypeEnum, DriverAdapterError, type ColumnType } from '@prisma/driver-adapter-utils';
import { daysInMonth } from '../domain/calendar/civil-date.js';
import { Prisma } from './generated/client.js';
import { rawQueryFailed, type RawMethod } from './raw-query-error.js';
import { forgetDirectPg, pgExecute, pgQuery, pgResult } from './pg-sql.js';
import { statementCache, type Kept } from './sqlite-adapter.js';
import type { Db, Tx } from './db.js';

type Client = Db | Tx;
type Value = string | number | bigint | Buffer | null;

interface Connection {
  /** The adapter's current connection (a new one after a reconnect). */
  current: () => Database.Database | undefined;
  client: Database.Database | null;
  statement: ((sql: string) => Kept<Shape>) | null;
}

/** What a statement's result looks like, learnt at its first run. */
interface Shape {
  names: string[];
  /** Each column's declared type as the adapter maps it; null: an expression (typed by its values). */
  declared: (Kind | null)[];
  /** The columns without a declared type. */
  untyped: number[];
  /**
   * Whether to read integers as bigint. Only an expression's column needs it, when its first value is a
   * number: an integer types it BIGINT for Prisma, a real not. A read-only statement starts without, and
   * is read again with it (and keeps it) once such a column shows up; a write (RETURNING) has it from the start,
   * as has a statement with a declared BIGINT column.
   */
  wide: boolean;
  /** Names repeated (`SELECT a."id", b."id"`): read as arrays (objects keep the last value of a name, as Prisma's). */
  repeated: boolean;
}

const connections = new WeakMap<object, Connection>();

/** Makes `db` (a client of a SQLite store, connected) run queryRows() and execute() on its adapter's connection. */
export function useDirectSql(db: Db, connection: () => Database.Database | undefined): void {
  connections.set(db, { current: connection, client: null, statement: null });
}

/** Sends `db`'s statements through Prisma again (tests that watch or delay `db.$queryRaw`). */
export function usePrismaSql(db: Db): void {
  connections.delete(db);
  forgetDirectPg(db);
}

/** The rows of a query (SELECT, or a write with RETURNING), as `db.$queryRaw` gives them. */
export async function queryRows<T>(db: Client, sql: Prisma.Sql): Promise<T[]> {
  const pg = pgQuery(db, sql);
  if (pg) {
    const { columnNames, columnTypes, rows } = await pgResult(pg.adapter, pg.query);
    return toObjects(columnNames, columnTypes.map(kindOfColumnType), rows) as T[];
  }
  const direct = directOf(db, sql, '$queryRaw');
  if (!direct) return db.$queryRaw<T[]>(sql);
  const { k, args } = direct;
  try {
    if (!k.st.reader) {
      k.st.run(args);
      return [];
    }
    return read(k.st, (k.more ??= shapeOf(k.st)), args) as T[];
  } catch (e) {
    throw asPrismaError(e, '$queryRaw');
  }
}

/** Runs a write; the number of rows changed, as `db.$executeRaw` gives it. */
export async function execute(db: Client, sql: Prisma.Sql): Promise<number> {
  const pg = pgQuery(db, sql);
  if (pg) return pgExecute(pg.adapter, pg.query);
  const direct = directOf(db, sql, '$executeRaw');
  if (!direct) return db.$executeRaw(sql);
  try {
    return direct.k.st.run(direct.args).changes;
  } catch (e) {
    throw asPrismaError(e, '$executeRaw');
  }
}

/**
 * A large read's rows as arrays, one value per selected column in order, for a caller that types each value
 * itself (`Number()`, sqlDate()): on SQLite straight as better-sqlite3 reads them (integers as numbers,
 * DATETIME as its text, BOOLEAN as 0/1), elsewhere as `$queryRaw` gives them (bigints, Dates, booleans).
 * No object per row and no value converted twice: for the 107,000 reports of a 5,000-task digest, reading
 * objects and converting their dates in place took longer than SQLite's own execution (docs/performance.md).
 * Column names must not repeat nor be numbers (the fallback reads objects, whose keys keep the column order).
 */
export async function queryTuples(db: Client, sql: Prisma.Sql): Promise<unknown[][]> {
  const pg = pgQuery(db, sql);
  if (pg) {
    const { columnTypes, rows } = await pgResult(pg.adapter, pg.query);
    const kinds = columnTypes.map(kindOfColumnType);
    return rows.map((row) => row.map((v, j) => (v === null ? null : convert(kinds[j]!, v))));
  }
  const direct = directOf(db, sql, '$queryRaw');
  if (!direct) return (await db.$queryRaw<Record<string, unknown>[]>(sql)).map((row) => Object.values(row));
  try {
    return direct.k.st.raw(true).safeIntegers(false).all(direct.args) as unknown[][];
  } catch (e) {
    throw asPrismaError(e, '$queryRaw');
  }
}

/**
 * A moment as a store gives it (a Date; SQLite's ISO text, as Prisma writes it: `2023-01-04T02:00:00.000+00:00`;
 * epoch milliseconds) as a Date, or null. The text Prisma writes is read by its digits, several times faster
 * than the Date parser; any other text goes to the parser, so the result is always `new Date(v)`'s.
 */
export function sqlDate(v: unknown): Date | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v;
  if (typeof v === 'string') return new Date(isoMillis(v) ?? v);
  return new Date(Number(v));
}

/** The number written by v's digits from `from` to `to`; NaN when one is not a digit. */
function digits(v: string, from: number, to: number): number {
  let x = 0;
  for (let i = from; i < to; i++) {
    const c = v.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    x = x * 10 + c;
  }
  return x;
}

/** Milliseconds of `YYYY-MM-DDTHH:MM:SS.sss` followed by `+00:00` or `Z`, or null for any other text. */
function isoMillis(v: string): number | null {
  const n = v.length;
  if (!(n === 29 ? v.endsWith('+00:00') : n === 24 && v.charCodeAt(23) === 90 /* Z */)) return null;
  if (v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45 || v.charCodeAt(10) !== 84 || v.charCodeAt(13) !== 58 || v.charCodeAt(16) !== 58 || v.charCodeAt(19) !== 46) return null;
  const year = digits(v, 0, 4);
  const month = digits(v, 5, 7);
  const day = digits(v, 8, 10);
  const hour = digits(v, 11, 13);
  const minute = digits(v, 14, 16);
  const second = digits(v, 17, 19);
  // Out of range (month 13, 24:00, 2月30日) or a year Date.UTC would read as 19xx: the parser decides.
  if (!(year >= 100 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) && hour <= 23 && minute <= 59 && second <= 59)) return null;
  const ms = digits(v, 20, 23);
  if (Number.isNaN(ms)) return null;
  return Date.UTC(year, month - 1, day, hour, minute, second, ms);
}

function directOf(db: Client, sql: Prisma.Sql, method: RawMethod): { k: Kept<Shape>; args: Value[] } | null {
  const c = connections.get(db);
  if (!c) return null;
  const client = c.current();
  if (!client?.open) return null; // not connected (yet or any more): Prisma connects
  if (client !== c.client) {
    // The original prepare: the adapter's is wrapped (bot/store/sqlite-adapter.ts) and hands out thin statements.
    c.statement = statementCache<Shape>((text) => Database.prototype.prepare.call(client, text) as Database.Statement);
    c.client = client;
  }
  const args = bindable(sql.values);
  if (!args) return null;
  let k: Kept<Shape>;
  try {
    k = c.statement!(sql.sql);
  } catch (e) {
    throw asPrismaError(e, method);
  }
  return { k, args };
}

/**
 * The arguments as the adapter binds them once Prisma has carried them through JSON (undefined and
 * non-finite numbers become null; a Date its ISO text, then `mapArg`'s format); null when one is of a
 * kind not mapped here (lists, JSON objects): Prisma runs that statement.
 */
function bindable(values: unknown[]): Value[] | null {
  const out: Value[] = new Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === 'string' || typeof v === 'bigint') out[i] = v;
    else if (typeof v === 'number') out[i] = Number.isFinite(v) ? v + 0 : null;
    else if (v === null || v === undefined) out[i] = null;
    else if (typeof v === 'boolean') out[i] = v ? 1 : 0;
    else if (v instanceof Date && !Number.isNaN(v.getTime())) out[i] = v.toISOString().replace('Z', '+00:00');
    else return null;
  }
  return out;
}

// The adapter's column types (mapDeclType in @prisma/adapter-better-sqlite3), as far as they change a value.
type Kind = 'int' | 'bigint' | 'datetime' | 'time' | 'bool' | 'decimal' | 'bytes' | 'json' | 'other' | 'unknown';

function kindOfDeclared(type: string | null): Kind | null {
  switch ((type ?? '').toUpperCase()) {
    case '': return null;
    case 'TINYINT': case 'SMALLINT': case 'MEDIUMINT': case 'INT': case 'INTEGER': case 'SERIAL': case 'INT2': return 'int';
    case 'BIGINT': case 'UNSIGNED BIG INT': case 'INT8': return 'bigint';
    case 'DATETIME': case 'TIMESTAMP': case 'DATE': return 'datetime';
    case 'TIME': return 'time';
    case 'BOOLEAN': return 'bool';
    case 'DECIMAL': return 'decimal';
    case 'BLOB': return 'bytes';
    case 'JSONB': return 'json';
    case 'FLOAT': case 'DOUBLE': case 'DOUBLE PRECISION': case 'NUMERIC': case 'REAL':
    case 'TEXT': case 'CLOB': case 'CHARACTER': case 'VARCHAR': case 'VARYING CHARACTER': case 'NCHAR': case 'NATIVE CHARACTER': case 'NVARCHAR':
      return 'other';
    default: return null; // an unknown declared type: typed by its values, as the adapter does
  }
}

/**
 * A PostgreSQL column's kind, from the type the adapter reports (@prisma/adapter-pg's fieldToColumnType), as far as it
 * changes a value. The store's SQL reads none of the others (arrays, bytes, time of day); one is a mistake to see at once.
 */
const PG_KINDS = new Map<ColumnType, Kind>([
  [ColumnTypeEnum.Int32, 'int'], [ColumnTypeEnum.Int64, 'bigint'], [ColumnTypeEnum.Numeric, 'decimal'], [ColumnTypeEnum.Boolean, 'bool'],
  [ColumnTypeEnum.DateTime, 'datetime'], [ColumnTypeEnum.Date, 'datetime'], [ColumnTypeEnum.Json, 'json'],
  [ColumnTypeEnum.Float, 'other'], [ColumnTypeEnum.Double, 'other'], [ColumnTypeEnum.Text, 'other'], [ColumnTypeEnum.Character, 'other'],
  [ColumnTypeEnum.Enum, 'other'], [ColumnTypeEnum.Uuid, 'other'],
]);

function kindOfColumnType(type: ColumnType): Kind {
  const kind = PG_KINDS.get(type);
  if (!kind) throw new Error(`the store's raw SQL does not read PostgreSQL column type ${type}`);
  return kind;
}

function shapeOf(st: Database.Statement): Shape {
  const columns = st.columns();
  const names = columns.map((c) => c.name);
  const declared = columns.map((c) => kindOfDeclared(c.type));
  const untyped = declared.flatMap((d, j) => (d === null ? [j] : []));
  // A declared BIGINT is read as bigint, each digit kept (Prisma's adapter reads every integer so).
  const wide = (untyped.length > 0 && !st.readonly) || declared.includes('bigint');
  return { names, declared, untyped, wide, repeated: new Set(names).size < names.length };
}

/**
 * The statement's rows as objects. Read as better-sqlite3 makes them, integers as numbers (safe integers off)
 * unless the shape says otherwise; then only the columns whose values Prisma changes are converted in place
 * (DATETIME → Date, BOOLEAN → boolean, bigints …).
 */
function read(st: Database.Statement, shape: Shape, args: Value[]): Record<string, unknown>[] {
  if (shape.repeated) return toObjects(shape.names, shape.declared, st.raw(true).safeIntegers(true).all(args) as unknown[][]);
  let rows = st.raw(false).safeIntegers(shape.wide).all(args) as Record<string, unknown>[];
  if (!shape.wide && shape.untyped.some((j) => typeof firstValue(rows, shape.names[j]!) === 'number')) {
    shape.wide = true;
    rows = st.safeIntegers(true).all(args) as Record<string, unknown>[];
  }
  const convertible: [string, Kind][] = [];
  for (const [j, name] of shape.names.entries()) {
    const kind = shape.declared[j] ?? kindOfValue(firstValue(rows, name));
    // Without bigints, a number or text in a column of these kinds is what Prisma returns.
    if (shape.wide || (kind !== 'other' && kind !== 'unknown')) convertible.push([name, kind]);
  }
  for (const [name, kind] of convertible) {
    for (const row of rows) {
      const v = row[name];
      if (v === null || (kind === 'int' && typeof v === 'number' && Number.isInteger(v))) continue;
      row[name] = convert(kind, v);
    }
  }
  return rows;
}

function firstValue(rows: Record<string, unknown>[], name: string): unknown {
  for (const row of rows) if (row[name] !== null) return row[name];
  return null;
}

/** An expression's column, typed by its first non-NULL value (the adapter's inferColumnType); all NULL: INTEGER. */
function kindOfValue(v: unknown): Kind {
  if (v === null) return 'int';
  if (typeof v === 'string') return 'other';
  if (typeof v === 'bigint') return 'bigint';
  if (typeof v === 'number') return 'unknown';
  throw new Error(`unexpected value of type ${typeof v}`);
}

function inferred(rows: unknown[][], j: number): Kind {
  for (const row of rows) if (row[j] !== null) return kindOfValue(row[j]);
  return 'int';
}

/**
 * One value as `$queryRaw` returns it: the adapter's mapRow, then Prisma's serializeRawValue and
 * deserializeRawResult, in one step. On SQLite integers arrive as bigint (the connection's defaultSafeIntegers);
 * on PostgreSQL values arrive as the adapter parsed them (an int8, a numeric and a timestamp as text).
 */
function convert(kind: Kind, v: unknown): unknown {
  switch (kind) {
    case 'int':
      if (typeof v === 'bigint') return Number(v);
      if (typeof v === 'number') return Math.trunc(v);
      if (typeof v === 'string') return Math.trunc(Number(v));
      throw new Error(`Cannot serialize value of type ${typeof v} as Int32`);
    case 'bigint':
      if (typeof v === 'bigint') return v;
      if (typeof v === 'number') return BigInt(Math.trunc(v));
      if (typeof v === 'string') return BigInt(v);
      throw new Error(`Cannot serialize value of type ${typeof v} as Int64`);
    case 'datetime':
      return sqlDate(v);
    case 'time':
      return new Date(`1970-01-01T${v}Z`);
    case 'bool':
      if (typeof v === 'bigint') return v === 1n;
      if (typeof v === 'number') return v === 1;
      if (typeof v === 'string') return v === 'true' || v === '1';
      return v;
    case 'decimal':
      return new Prisma.Decimal(typeof v === 'bigint' ? Number(v) : (v as string | number));
    case 'bytes':
      return new Uint8Array(v as Buffer);
    case 'json':
      return typeof v === 'string' ? JSON.parse(v) : v;
    default:
      if (typeof v === 'bigint') {
        const n = Number(v);
        return Number.isSafeInteger(n) ? n : v.toString();
      }
      return v;
  }
}

/** Rows of arrays as objects, each value converted by its column's kind (null: typed by the column's values). */
function toObjects(names: string[], declared: (Kind | null)[], rows: unknown[][]): Record<string, unknown>[] {
  const kinds = declared.map((d, j) => d ?? inferred(rows, j));
  const out: Record<string, unknown>[] = new Array(rows.length);
  const n = names.length;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const o: Record<string, unknown> = {};
    for (let j = 0; j < n; j++) {
      const v = row[j];
      const kind = kinds[j]!;
      o[names[j]!] = v === null ? null : typeof v === 'string' && kind === 'other' ? v : convert(kind, v);
    }
    out[i] = o;
  }
  return out;
}

/** An SQLite error as `$queryRaw` throws it: "Raw query failed" (P2010) with the adapter's error in meta. */
function asPrismaError(e: unknown, method: RawMethod): unknown {
  const err = e as { code?: unknown; message?: unknown };
  if (typeof err?.code !== 'string' || typeof err.message !== 'string') return e;
  const driverAdapterError = new DriverAdapterError({ kind: 'sqlite', extendedCode: 1, message: err.message, originalCode: err.code, originalMessage: err.message });
  return rawQueryFailed(method, err.code, err.message, driverAdapterError);
}
