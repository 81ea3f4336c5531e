// Opening the workplan-bot store: migrate, then hand out a Prisma client.
//
// The URL picks the engine: `file:<path>` is SQLite (the embedded default; a
// relative path resolves against process.cwd()), `postgresql://…` is
// PostgreSQL (for several bot processes on several machines; `?schema=`
// picks a schema other than public). openStore() first applies the pending
// migrations of that engine's folder (prisma/migrations/ or
// prisma/postgres/migrations/) through the wasm schema engine (see
// prisma/schema-engine.ts), so the database is up to date before the first query.
//
// The schema engine (a WebAssembly module) and the PostgreSQL client are loaded only
// when needed: a SQLite process with nothing to migrate holds neither (about 16 MiB).
import { existsSync, readdirSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { pgConnection, providerOfUrl, resolveSqliteUrl } from '../../prisma/store-url.js';
import { PrismaClient } from './generated/client.js';
import type { Prisma } from './generated/client.js';
import { sqliteAdapter } from './sqlite-adapter.js';
import { useDirectPg } from './pg-sql.js';
import { useDirectSql } from './raw-sql.js';

/**
 * The store handle used by the rest of the bot. Typed from the SQLite
 * client; the PostgreSQL client is generated from the same models (see
 * prisma/postgres-schema.js) and so has the same API, which
 * ./client-parity.ts checks at type level.
 */
export type Db = PrismaClient;

/** The client handed to `db.$transaction(async (tx) => …)` callbacks. */
export type Tx = Prisma.TransactionClient;

/**
 * Options for the all-or-nothing bulk writes (plan and owners imports): one
 * transaction over thousands of rows. Prisma's default 5 s limit fits SQLite
 * in-process but not a province-sized plan over a network to PostgreSQL
 * (a 1,500-task import makes some 7,500 round trips).
 */
export const BULK_TRANSACTION = { timeout: 10 * 60_000, maxWait: 30_000 } as const;

/**
 * Prisma's errors without the caller's source line: any other format captures a stack trace (`new Error()`)
 * at every query to point at the call site, about 3% of a worker's time sending nudges (docs/performance.md).
 * The message and code stay; the log has the stack.
 */
const ERROR_FORMAT = 'minimal';

/** The migrations folder of each engine, found from this file so the cwd does not matter. */
const MIGRATIONS_DIR = {
  sqlite: fileURLToPath(new URL('../../prisma/migrations/', import.meta.url)),
  postgresql: fileURLToPath(new URL('../../prisma/postgres/migrations/', import.meta.url)),
};

export interface OpenStoreOptions {
  /** Told the names of the migrations just applied (empty when up to date). */
  onMigrated?: (appliedNames: string[]) => void;
  /** PostgreSQL: most connections this process keeps open (pg's pool size, default 10). */
  poolSize?: number;
}

/**
 * Applies pending migrations to the database at `databaseUrl` (for SQLite
 * creating the file and its folder if needed) and returns a
 * connected-on-demand client.
 */
export async function openStore(databaseUrl: string, options: OpenStoreOptions = {}): Promise<Db> {
  const provider = providerOfUrl(databaseUrl);
  const url = provider === 'sqlite' ? resolveSqliteUrl(databaseUrl) : databaseUrl; // file:<absolute path>
  const pending = provider === 'sqlite' ? migrationsPending(url) : true;
  const applied = pending ? await (await import('../../prisma/schema-engine.js')).applyMigrations(url, MIGRATIONS_DIR[provider]) : [];
  options.onMigrated?.(applied);
  if (provider === 'sqlite') {
    const adapter = sqliteAdapter(url);
    const db = new PrismaClient({ adapter, errorFormat: ERROR_FORMAT });
    await useWriteAheadLog(db);
    useDirectSql(db, adapter.connection); // the store's raw SQL on the adapter's connection (./raw-sql.ts)
    return db;
  }
  const { connectionString, schema } = pgConnection(url);
  const [{ PrismaClient: PgPrismaClient }, { pgAdapter }] = await Promise.all([import('./generated-pg/client.js'), import('./pg-adapter.js')]);
  const adapter = pgAdapter({ connectionString, max: options.poolSize ?? 10 }, { schema });
  const pg = new PgPrismaClient({ adapter, errorFormat: ERROR_FORMAT });
  useDirectPg(pg, adapter.adapter); // the store's raw SQL on the adapter Prisma connects (./pg-sql.ts)
  // The one cast between the two generated clients (same models, checked above).
  return pg as unknown as Db;
}

/** Names of the migrations this code carries for the engine of `databaseUrl`. */
export async function knownMigrations(databaseUrl: string): Promise<string[]> {
  // The folder's sub-folders in the schema engine's order (readMigrationsDir), without loading it.
  const dir = MIGRATIONS_DIR[providerOfUrl(databaseUrl)];
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isDirectory()).map((e) => e.name).sort((a, b) => a.localeCompare(b));
}

/**
 * Write-ahead log with synchronous=NORMAL, SQLite's advice for servers: a
 * commit costs no fsync (checkpoints do), readers never block the writer, and
 * the receiver, workers and CLI share the file. In the default rollback-journal
 * mode every write fsyncs several times (~15 ms each on the benchmark machine),
 * which held the sender to ~20 nudges/s (bench/fanout.ts). A power cut may lose
 * the last commits but never corrupts the file; sends carry uuids, so a nudge
 * whose record was lost is not shown twice. The WAL setting stays in the file;
 * `synchronous` is per connection (the adapter keeps one).
 */
async function useWriteAheadLog(db: Db): Promise<void> {
  await db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await db.$queryRawUnsafe('PRAGMA synchronous = NORMAL');
}

/**
 * Whether the file lacks a migration of prisma/migrations/ (or does not exist
 * yet). Only then is the schema engine run: it locks the file exclusively,
 * which a write-ahead-log file open in another process (a running worker, the
 * receiver) refuses, so starting a second process would fail as busy. A
 * migration that is new must still be applied with the bot stopped.
 */
function migrationsPending(url: string): boolean {
  const file = url.slice('file:'.length);
  if (!existsSync(file)) return true;
  const wanted = readdirSync(MIGRATIONS_DIR.sqlite, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  const sql = new Database(file, { readonly: true, fileMustExist: true });
  try {
    if (!sql.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get()) return true;
    const rows = sql.prepare('SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL').all();
    const done = new Set((rows as { name: string }[]).map((r) => r.name));
    return wanted.some((name) => !done.has(name));
  } finally {
    sql.close();
  }
}

/** Closes the client's database connection. */
export async function closeStore(db: Db): Promise<void> {
  await db.$disconnect();
}
