/**
 * The database of one benchmark: a SQLite file in a temp folder (the default), or with
 * `npm run bench -- --postgres` a fresh PostgreSQL database `wp_bench_<name>_<unix seconds>_<random>`
 * on TEST_POSTGRES_URL's server (default 127.0.0.1:5432, trust auth), migrated as the tests migrate
 * theirs (tests/helpers/test-database.ts) and dropped afterwards. Bench databases an hour old, left
 * by a killed run, are dropped when the next one is made.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { applyMigrations } from '../prisma/schema-engine.js';
import { urlOf, withAdmin } from '../tests/helpers/test-database.js';

export type StoreKind = 'sqlite' | 'postgres';

const PG_MIGRATIONS = new URL('../prisma/postgres/migrations/', import.meta.url).pathname;
const PREFIX = 'wp_bench_';

export interface BenchDatabase {
  kind: StoreKind;
  /** DATABASE_URL of the bot's processes. */
  url: string;
  /** SQLite: the file; PostgreSQL: the database's name. */
  name: string;
  /**
   * A copy as it is now (SQLite: VACUUM INTO; PostgreSQL: CREATE DATABASE … TEMPLATE, which needs
   * no other session on it: disconnect the store's clients first, Prisma reconnects on its next query).
   */
  copy(): Promise<BenchDatabase>;
  /**
   * After seeding, what a running server's autovacuum would have done by then: PostgreSQL: ANALYZE
   * (this server runs without autovacuum, and with no statistics the planner picks plans for empty
   * tables: the digest's value look-up scanned every report once per target). SQLite: nothing.
   */
  analyze(): Promise<void>;
  drop(): Promise<void>;
}

export async function createBenchDatabase(name: string, kind: StoreKind): Promise<BenchDatabase> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), `wp-bench-${name}-`));
    return sqliteDatabase(join(dir, 'bench.db'), () => rmSync(dir, { recursive: true, force: true }));
  }
  const db = pgName(name);
  await withAdmin(async (admin) => {
    await dropStale(admin);
    await admin.query(`CREATE DATABASE "${db}"`);
  });
  await applyMigrations(urlOf(db), PG_MIGRATIONS);
  return pgDatabase(name, db);
}

function sqliteDatabase(file: string, remove: () => void): BenchDatabase {
  return {
    kind: 'sqlite',
    url: `file:${file}`,
    name: file,
    copy: async () => {
      const copy = `${file}.copy-${randomUUID().slice(0, 8)}`;
      const sql = new Database(file);
      sql.exec(`VACUUM INTO '${copy}'`);
      sql.close();
      return sqliteDatabase(copy, () => rmSync(copy, { force: true }));
    },
    analyze: async () => {},
    drop: async () => remove(),
  };
}

function pgDatabase(name: string, db: string): BenchDatabase {
  return {
    kind: 'postgres',
    url: urlOf(db),
    name: db,
    copy: async () => {
      const copy = pgName(`${name}_copy`);
      await withAdmin((admin) => admin.query(`CREATE DATABASE "${copy}" TEMPLATE "${db}"`));
      return pgDatabase(`${name}_copy`, copy);
    },
    analyze: async () => {
      const client = new pg.Client({ connectionString: urlOf(db) });
      await client.connect();
      try {
        await client.query('ANALYZE');
      } finally {
        await client.end();
      }
    },
    drop: async () => void (await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`))),
  };
}

const pgName = (name: string) => `${PREFIX}${name.replace(/\W/g, '_')}_${Math.floor(Date.now() / 1000)}_${randomUUID().slice(0, 8)}`;

async function dropStale(admin: pg.Client): Promise<void> {
  const found = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${PREFIX}%`]);
  const hourAgo = Date.now() / 1000 - 3600;
  for (const { datname } of found.rows) {
    const born = Number(/_(\d{10})_[0-9a-f]{8}$/.exec(datname)?.[1]);
    if (born < hourAgo) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  }
}
