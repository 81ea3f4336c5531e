/**
 * The database a test runs against: SQLite (a file in a temp folder, the
 * default) or, with TEST_DATABASE=postgres, a fresh PostgreSQL database on
 * TEST_POSTGRES_URL's server (default postgresql://postgres@127.0.0.1:5432/postgres,
 * trust auth), copied from a migrated template (tests/helpers/global-setup.ts)
 * and dropped afterwards. `.ci/run` runs the whole suite once with each.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { applyMigrations } from '../../prisma/schema-engine.js';

export type TestEngine = 'sqlite' | 'postgres';
export const TEST_ENGINE: TestEngine = process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite';
const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const PG_MIGRATIONS = new URL('../../prisma/postgres/migrations/', import.meta.url).pathname;
/** Test databases are named wpt_<unix seconds>_<random>, so stale ones can be told by age. */
const PREFIX = 'wpt_';

export interface TestDatabase {
  url: string;
  /** A scratch folder for the test's files (the SQLite file lives there too). */
  dir: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database for one test (file or suite). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'workplan-test-'));
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  if (TEST_ENGINE === 'sqlite') return { url: `file:${join(dir, 'test.db')}`, dir, drop: async () => removeDir() };
  const name = testDatabaseName();
  const drop = await createPostgresDatabase(name);
  return {
    url: urlOf(name),
    dir,
    drop: async () => {
      await drop();
      removeDir();
    },
  };
}

/** A migrated PostgreSQL database of this name on the test server, copied from the template; returns its drop. */
export async function createPostgresDatabase(name: string): Promise<() => Promise<void>> {
  await withAdmin(async (admin) => {
    // A concurrent copy of the same template can find it "being accessed"; try again.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${templateName()}"`);
        return;
      } catch (e) {
        if ((e as { code?: string }).code !== '55006' || attempt >= 20) throw e;
        await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
      }
    }
  });
  return async () => {
    await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  };
}

/**
 * Once per test run: the template database for this set of PostgreSQL
 * migrations (named after their hash), and the removal of test databases
 * older than an hour that a killed run left behind.
 */
export async function preparePostgresTemplate(): Promise<void> {
  await withAdmin(async (admin) => {
    await admin.query('SELECT pg_advisory_lock(7270736900)'); // one preparer at a time across runs
    try {
      const tpl = templateName();
      const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [tpl]);
      if (found.rowCount === 0) {
        await admin.query(`CREATE DATABASE "${tpl}"`);
        await applyMigrations(urlOf(tpl), PG_MIGRATIONS);
      }
      const old = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${PREFIX}%`]);
      const hourAgo = Date.now() / 1000 - 3600;
      for (const { datname } of old.rows) {
        const born = Number(/^wpt_(\d+)_/.exec(datname)?.[1]);
        if (born < hourAgo) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      }
    } finally {
      await admin.query('SELECT pg_advisory_unlock(7270736900)');
    }
  });
}

/** wpt_<unix seconds>_<random>: dropped by preparePostgresTemplate once an hour old. */
export function testDatabaseName(): string {
  return `${PREFIX}${Math.floor(Date.now() / 1000)}_${randomUUID().slice(0, 8)}`;
}

function templateName(): string {
  const hash = createHash('sha256');
  for (const entry of readdirSync(PG_MIGRATIONS, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
    hash.update(entry).update(readFileSync(join(PG_MIGRATIONS, entry, 'migration.sql')));
  }
  return `wptemplate_${hash.digest('hex').slice(0, 16)}`;
}

/** The URL of another database on the test server. */
export function urlOf(database: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs `fn` on a connection to the test server's admin database. */
export async function withAdmin<T>(fn: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}
