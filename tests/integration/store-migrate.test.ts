// openStore() on a real SQLite file in a temp dir: migrations are applied
// once, recorded in _prisma_migrations like `prisma migrate deploy` does, and
// data survives reopening. No mocks.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeStore, openStore } from '../../bot/store/db.js';

const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../prisma/migrations');
const migrationNames = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: string | null;
  rolled_back_at: string | null;
  applied_steps_count: bigint | number;
}

let dir: string;
let url: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'workplan-store-'));
  url = `file:${path.join(dir, 'nested', 'workplan.db')}`; // folder does not exist yet
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('openStore', () => {
  it('has at least the init migration to apply', () => {
    expect(migrationNames.some((n) => /^\d{14}_init$/.test(n))).toBe(true);
  });

  it('applies the migrations once and keeps data across reopening', async () => {
    let applied: string[] = [];
    const db = await openStore(url, { onMigrated: (names) => (applied = names) });
    expect(applied).toEqual(migrationNames);

    // The migration connection is closed: it took an exclusive lock
    // (locking_mode=EXCLUSIVE) that would otherwise block everyone else.
    const other = await new PrismaBetterSqlite3({ url, timeout: 0 }).connect();
    try {
      await expect((async () => other.executeScript('BEGIN EXCLUSIVE; COMMIT'))()).resolves.toBeUndefined();
    } finally {
      await other.dispose();
    }

    const created = await db.plan.create({
      data: {
        key: 'demo|2025 工作要点|2025',
        title: '2025年工作要点',
        year: 2025,
        periodEnd: '2025-12-31',
        sourceText: '一、总体要求',
        sourceHash: 'abc123',
        importedAt: new Date('2025-03-01T01:00:00Z'),
        updatedAt: new Date('2025-03-01T01:00:00Z'),
      },
    });
    const read = await db.plan.findUnique({ where: { key: 'demo|2025 工作要点|2025' } });
    expect(read).toMatchObject({ id: created.id, title: '2025年工作要点', year: 2025, issuer: null });
    expect(read?.importedAt).toEqual(new Date('2025-03-01T01:00:00Z'));
    await closeStore(db);

    // Second open: nothing to apply, the row is still there.
    const db2 = await openStore(url, { onMigrated: (names) => (applied = names) });
    try {
      expect(applied).toEqual([]);
      expect(await db2.plan.count()).toBe(1);
      expect((await db2.plan.findFirstOrThrow()).sourceHash).toBe('abc123');

      const rows = await db2.$queryRawUnsafe<MigrationRow[]>(
        'SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name',
      );
      expect(rows.map((r) => r.migration_name)).toEqual(migrationNames);
      for (const row of rows) {
        // Same bookkeeping as `prisma migrate deploy`: sha256 of migration.sql, finished, 1 step.
        const sql = readFileSync(path.join(MIGRATIONS_DIR, row.migration_name, 'migration.sql'));
        expect(row.checksum).toBe(createHash('sha256').update(sql).digest('hex'));
        expect(row.finished_at).not.toBeNull();
        expect(row.rolled_back_at).toBeNull();
        expect(Number(row.applied_steps_count)).toBe(1);
      }
      // Times as Unix milliseconds, as the native engine writes them on SQLite.
      const types = await db2.$queryRawUnsafe<{ s: string; f: string }[]>(
        'SELECT typeof(started_at) AS s, typeof(finished_at) AS f FROM _prisma_migrations',
      );
      expect(types.every((t) => t.s === 'integer' && t.f === 'integer')).toBe(true);
    } finally {
      await closeStore(db2);
    }
  });

  it('resolves a relative file: URL against the current directory', async () => {
    const cwd = process.cwd();
    process.chdir(dir); // fine with vitest's forks pool
    try {
      const db = await openStore('file:./data/rel.db');
      await closeStore(db);
    } finally {
      process.chdir(cwd);
    }
    expect(existsSync(path.join(dir, 'data', 'rel.db'))).toBe(true);
  });

  it('keeps the file in write-ahead-log mode with synchronous NORMAL, and a second connection sees committed rows', async () => {
    const db = await openStore(url);
    try {
      expect(await db.$queryRawUnsafe('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
      expect(await db.$queryRawUnsafe('PRAGMA synchronous')).toEqual([{ synchronous: 1n }]); // 1 = NORMAL
      const t = new Date('2023-01-03T00:00:00Z');
      await db.person.create({ data: { name: '张敏', openId: 'ou_wal', createdAt: t, updatedAt: t } });
      const other = await openStore(url);
      try {
        expect(await other.person.count({ where: { openId: 'ou_wal' } })).toBe(1);
      } finally {
        await closeStore(other);
      }
    } finally {
      await closeStore(db);
    }
  });
});
