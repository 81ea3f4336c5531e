/**
 * The PostgreSQL store: its schema is derived from prisma/schema.prisma and
 * committed as generated; its migrations match that schema (no drift); a
 * fresh database is migrated once, recorded as `prisma migrate deploy`
 * does, also when several processes open it at the same moment. The parts
 * that need a server run with TEST_DATABASE=postgres (`npm run test:postgres`).
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { POSTGRES_SCHEMA_PATH, currentPostgresSchema } from '../../prisma/postgres-schema.js';
import { createMigrationSql } from '../../prisma/schema-engine.js';
import { closeStore, openStore } from '../../bot/store/db.js';
import { TEST_ENGINE, testDatabaseName, urlOf, withAdmin } from '../helpers/test-database.js';

const PG_DIR = path.resolve(import.meta.dirname, '../../prisma/postgres/migrations');
const SQLITE_DIR = path.resolve(import.meta.dirname, '../../prisma/migrations');
const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const TSX = path.resolve(import.meta.dirname, '../../node_modules/tsx/dist/cli.mjs');
const MIGRATE = path.resolve(import.meta.dirname, '../../prisma/migrate.ts');
const run = promisify(execFile);
const names = (dir: string) => readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();

describe('the PostgreSQL schema', () => {
  it('is prisma/schema.prisma with provider postgresql, committed as generated', () => {
    const committed = readFileSync(POSTGRES_SCHEMA_PATH, 'utf8');
    expect(committed, 'prisma/postgres/schema.prisma is stale: run `npm run db:generate`').toBe(currentPostgresSchema());
    expect(committed).toMatch(/provider\s*=\s*"postgresql"/);
    expect(readFileSync(path.join(PG_DIR, 'migration_lock.toml'), 'utf8')).toContain('provider = "postgresql"');
  });

  it('has no migration older than the SQLite history it started from', () => {
    // A change made after the PostgreSQL history began must land in both folders (npm run db:new-migration does that).
    const pgFirst = names(PG_DIR)[0]!;
    const sqliteAfter = names(SQLITE_DIR).filter((n) => n > pgFirst);
    for (const n of sqliteAfter) expect(names(PG_DIR), `prisma/postgres/migrations lacks ${n}`).toContain(n);
  });
});

describe.runIf(TEST_ENGINE === 'postgres')('PostgreSQL migrations on a server', () => {
  const created: string[] = [];
  /** An empty database (not a copy of the migrated template). */
  const freshDatabase = async () => {
    const name = testDatabaseName();
    await withAdmin((c) => c.query(`CREATE DATABASE "${name}"`));
    created.push(name);
    return urlOf(name);
  };
  afterAll(async () => {
    for (const name of created) await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  });

  it('match the schema: diffing the migrations against it finds nothing', async () => {
    expect(await createMigrationSql(currentPostgresSchema(), PG_DIR, { postgresUrl: ADMIN_URL })).toBe('');
  });

  it('are applied once when three processes migrate a fresh database at the same moment', async () => {
    const url = await freshDatabase();
    const outputs = await Promise.all(
      [0, 1, 2].map(() => run(process.execPath, [TSX, MIGRATE], { env: { ...process.env, DATABASE_URL: url } }).then((r) => r.stdout)),
    );
    const appliedBy = outputs.filter((o) => o.includes('applied '));
    expect(appliedBy).toHaveLength(1);
    expect(outputs.filter((o) => o.includes('up to date'))).toHaveLength(2);

    let again: string[] | undefined;
    const db = await openStore(url, { onMigrated: (n) => (again = n) });
    try {
      expect(again).toEqual([]);
      const rows = await db.$queryRaw<{ migration_name: string; checksum: string; finished_at: Date | null }[]>`
        SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name`;
      expect(rows.map((r) => r.migration_name)).toEqual(names(PG_DIR));
      for (const row of rows) {
        // Same bookkeeping as `prisma migrate deploy`: sha256 of migration.sql, finished.
        const sql = readFileSync(path.join(PG_DIR, row.migration_name, 'migration.sql'));
        expect(row.checksum).toBe(createHash('sha256').update(sql).digest('hex'));
        expect(row.finished_at).not.toBeNull();
      }
      // Millisecond instants survive (TIMESTAMP(3)), as on SQLite.
      await db.chat.create({ data: { chatId: 'oc_1', createdAt: new Date('2025-03-01T01:02:03.456Z') } });
      expect((await db.chat.findFirstOrThrow()).createdAt).toEqual(new Date('2025-03-01T01:02:03.456Z'));
    } finally {
      await closeStore(db);
    }
  });

  it('honour ?schema= in the URL', async () => {
    const url = `${await freshDatabase()}?schema=workplan`;
    const db = await openStore(url);
    try {
      await db.chat.create({ data: { chatId: 'oc_2', createdAt: new Date() } });
      const where = await db.$queryRaw<{ table_schema: string }[]>`SELECT table_schema FROM information_schema.tables WHERE table_name = 'Chat'`;
      expect(where.map((w) => w.table_schema)).toEqual(['workplan']);
    } finally {
      await closeStore(db);
    }
  });
});
