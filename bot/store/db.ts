// Opening the workplan-bot store: migrate, then hand out a Prisma client.
//
// openStore() first applies any pending migration of prisma/migrations/
// (through the wasm schema engine, see prisma/schema-engine.ts), so a fresh or
// old database file is always brought up to date before the first query.
// SQLite only for now; the URL is `file:<path>`, a relative path resolving
// against process.cwd().
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { applyMigrations, providerOfUrl, resolveSqliteUrl } from '../../prisma/schema-engine.js';
import { PrismaClient } from './generated/client.js';
import type { Prisma } from './generated/client.js';

/** The store handle used by the rest of the bot. */
export type Db = PrismaClient;

/** The client handed to `db.$transaction(async (tx) => …)` callbacks. */
export type Tx = Prisma.TransactionClient;

/** prisma/migrations/, found from this file so the cwd does not matter. */
const MIGRATIONS_DIR = fileURLToPath(new URL('../../prisma/migrations/', import.meta.url));

export interface OpenStoreOptions {
  /** Told the names of the migrations just applied (empty when up to date). */
  onMigrated?: (appliedNames: string[]) => void;
}

/**
 * Applies pending migrations to the database at `databaseUrl` (creating the
 * file and its folder if needed) and returns a connected-on-demand client.
 */
export async function openStore(databaseUrl: string, options: OpenStoreOptions = {}): Promise<Db> {
  const provider = providerOfUrl(databaseUrl);
  if (provider !== 'sqlite') {
    // PostgreSQL later: the generated client is per provider, so that needs a
    // second generated client and @prisma/adapter-pg here.
    throw new Error(`openStore: ${provider} is not supported yet`);
  }
  const url = resolveSqliteUrl(databaseUrl); // file:<absolute path>
  const applied = migrationsPending(url) ? await applyMigrations(url, MIGRATIONS_DIR) : [];
  options.onMigrated?.(applied);
  const db = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url }) });
  await useWriteAheadLog(db);
  return db;
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
  const wanted = readdirSync(MIGRATIONS_DIR, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
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
