// Opening the workplan-bot store: migrate, then hand out a Prisma client.
//
// openStore() first applies any pending migration of prisma/migrations/
// (through the wasm schema engine, see prisma/schema-engine.ts), so a fresh or
// old database file is always brought up to date before the first query.
// SQLite only for now; the URL is `file:<path>`, a relative path resolving
// against process.cwd().
import { fileURLToPath } from 'node:url';
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
  const applied = await applyMigrations(url, MIGRATIONS_DIR);
  options.onMigrated?.(applied);
  return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url }) });
}

/** Closes the client's database connection. */
export async function closeStore(db: Db): Promise<void> {
  await db.$disconnect();
}
