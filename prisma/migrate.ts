// `npm run db:migrate`: the offline stand-in for `prisma migrate deploy`.
//
// Applies the pending migrations of prisma/migrations/ to DATABASE_URL
// (default file:./data/workplan.db, relative to the current directory; the
// folder is created) and prints the names applied. Running it again applies
// nothing. `_prisma_migrations` is kept exactly as `prisma migrate deploy`
// keeps it, so the real CLI can take over the same database later.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyMigrations } from './schema-engine.js';

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const databaseUrl = process.env.DATABASE_URL ?? 'file:./data/workplan.db';

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
