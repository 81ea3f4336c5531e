// `npm run db:migrate`: the offline stand-in for `prisma migrate deploy`.
//
// Applies the pending migrations to DATABASE_URL (default
// file:./data/workplan.db, relative to the current directory; the folder is
// created) from the folder of its engine: prisma/migrations/ for SQLite,
// prisma/postgres/migrations/ for PostgreSQL. Prints the names applied;
// running it again applies nothing. `_prisma_migrations` is kept exactly as
// `prisma migrate deploy` keeps it, so the real CLI can take over the same
// database later. On PostgreSQL several runs at once wait for each other
// (Prisma's advisory lock), so every process may migrate at start.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyMigrations, providerOfUrl } from './schema-engine.js';

const prismaDir = path.dirname(fileURLToPath(import.meta.url));
const databaseUrl = process.env.DATABASE_URL ?? 'file:./data/workplan.db';
const migrationsDir = {
  sqlite: path.join(prismaDir, 'migrations'),
  postgresql: path.join(prismaDir, 'postgres', 'migrations'),
}[providerOfUrl(databaseUrl)];

async function main(): Promise<void> {
  const applied = await applyMigrations(databaseUrl, migrationsDir);
  if (applied.length === 0) {
    console.log('database is up to date; no migration applied');
  } else {
    for (const name of applied) console.log(`applied ${name}`);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
