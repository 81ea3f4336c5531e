/**
 * The soak's store: a SQLite file (the default) or a fresh PostgreSQL database on TEST_POSTGRES_URL's
 * server, copied from the migrated template as the test suite's are, and what the fault injector may
 * do to it: hold its locks (store-busy) and, on PostgreSQL, drop every connection of the bot's
 * processes (pg-drop). The soak's own connections carry an application name, so a drop spares them.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { createPostgresDatabase, preparePostgresTemplate, urlOf, withAdmin } from '../helpers/test-database.js';

/** The application name of the soak's own PostgreSQL connections. */
export const SOAK_APPLICATION = 'workplan-soak';
/** Soak databases are named wpsoak_<unix seconds>_<random>; one a killed run left is dropped two days later. */
const PREFIX = 'wpsoak_';

export interface StoreFaults {
  /** Another client holds the store's locks for `ms`: SQLite's write lock; on PostgreSQL, the busiest tables. */
  hold(ms: number): Promise<void>;
  /** Terminates every connection of the bot's processes (PostgreSQL); null on SQLite. Resolves to how many. */
  dropConnections: (() => Promise<number>) | null;
}

export interface SoakDatabase {
  /** What the bot's processes are given. */
  url: string;
  /** What the soak itself opens (the same database; named on PostgreSQL). */
  ownUrl: string;
  fault: StoreFaults;
  drop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function createSoakDatabase(engine: 'sqlite' | 'postgres', dir: string): Promise<SoakDatabase> {
  if (engine === 'sqlite') {
    const file = join(dir, 'soak.db');
    return {
      url: `file:${file}`,
      ownUrl: `file:${file}`,
      fault: {
        async hold(ms) {
          const sql = new Database(file);
          try {
            sql.exec('BEGIN IMMEDIATE');
            await sleep(ms);
            sql.exec('COMMIT');
          } finally {
            sql.close();
          }
        },
        dropConnections: null,
      },
      drop: async () => {},
    };
  }
  await preparePostgresTemplate();
  await dropLeftovers();
  const name = `${PREFIX}${Math.floor(Date.now() / 1000)}_${randomUUID().slice(0, 8)}`;
  const drop = await createPostgresDatabase(name);
  const url = urlOf(name);
  const own = new URL(url);
  own.searchParams.set('application_name', SOAK_APPLICATION);
  return {
    url,
    ownUrl: own.toString(),
    fault: {
      async hold(ms) {
        // Writers of nudges, reports and events wait (readers do not), as behind SQLite's write lock.
        const client = new pg.Client({ connectionString: own.toString() });
        await client.connect();
        try {
          await client.query('BEGIN');
          await client.query('LOCK TABLE "Nudge", "Task", "ProcessedEvent", "DigestPost" IN EXCLUSIVE MODE');
          await sleep(ms);
          await client.query('COMMIT');
        } finally {
          await client.end();
        }
      },
      dropConnections: () =>
        withAdmin(async (admin) => {
          const r = await admin.query<{ n: string }>(
            'SELECT count(pg_terminate_backend(pid)) AS n FROM pg_stat_activity WHERE datname = $1 AND application_name <> $2 AND pid <> pg_backend_pid()',
            [name, SOAK_APPLICATION],
          );
          return Number(r.rows[0]?.n ?? 0);
        }),
    },
    drop,
  };
}

async function dropLeftovers(): Promise<void> {
  await withAdmin(async (admin) => {
    const old = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${PREFIX}%`]);
    const twoDaysAgo = Date.now() / 1000 - 2 * 86_400;
    for (const { datname } of old.rows) {
      const born = Number(new RegExp(`^${PREFIX}(\\d+)_`).exec(datname)?.[1]);
      if (born < twoDaysAgo) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  });
}
