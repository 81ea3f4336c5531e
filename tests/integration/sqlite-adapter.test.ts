/**
 * A COMMIT that fails because another connection holds the file must not
 * leave the process's connection stuck inside the transaction (which stalls
 * every later transaction for good): bot/store/sqlite-adapter.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { sqliteAdapter } from '../../bot/store/sqlite-adapter.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const q = (sql: string) => ({ sql, args: [], argTypes: [] });

/** Commits a write while another connection reads (rollback journal: COMMIT needs the file to itself), as Prisma's manager does. */
async function commitWhileRead(factory: (url: string) => SqlDriverAdapterFactory) {
  const dir = mkdtempSync(join(tmpdir(), 'workplan-sqlite-'));
  dirs.push(dir);
  const file = join(dir, 'x.db');
  const other = new Database(file, { timeout: 50 });
  other.exec('PRAGMA journal_mode = DELETE; CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (1)');
  const adapter = await factory(`file:${file}`).connect();
  const tx = await adapter.startTransaction();
  await tx.executeRaw(q('INSERT INTO t VALUES (2)'));
  other.exec('BEGIN');
  other.prepare('SELECT * FROM t').all(); // a SHARED lock held by another connection
  const commit = await tx.executeRaw(q('COMMIT')).then(() => 'committed', (e: Error) => e.message);
  if (commit !== 'committed') await tx.rollback(); // what Prisma's transaction manager does after a failed COMMIT
  try {
    other.exec('COMMIT');
  } catch {
    other.exec('ROLLBACK'); // the stuck connection still holds its lock on the file
  }
  const next = await Promise.race([
    adapter.startTransaction().then(async (t) => {
      await t.executeRaw(q('INSERT INTO t VALUES (3)'));
      await t.executeRaw(q('COMMIT'));
      await t.commit();
      return 'ok';
    }, (e: Error) => `failed: ${e.message}`),
    new Promise<string>((r) => setTimeout(() => r('stalled'), 2000)),
  ]);
  let rows: number[] | 'locked';
  try {
    rows = (other.prepare('SELECT n FROM t ORDER BY n').all() as { n: number }[]).map((r) => r.n);
  } catch {
    rows = 'locked'; // another connection still holds the file
  }
  other.close();
  await adapter.dispose().catch(() => {});
  return { commit, next, rows };
}

describe('SQLite adapter after a failed COMMIT', () => {
  it('the stock adapter is stuck: the next transaction fails or never starts', async () => {
    const r = await commitWhileRead((url) => new PrismaBetterSqlite3({ url, timeout: 50 }));
    expect(r.commit).not.toBe('committed');
    expect(r.next).not.toBe('ok');
    expect(r.rows).toBe('locked');
  });

  it('ours rolls the failed transaction back and the next one commits', async () => {
    const r = await commitWhileRead((url) => sqliteAdapter(url, 50));
    expect(r.commit).not.toBe('committed');
    expect(r.next).toBe('ok');
    expect(r.rows).toEqual([1, 3]);
  });
});
