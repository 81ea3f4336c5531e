/**
 * The migration that made accepted events durable (#14 item 14): rows
 * recorded before it — handed to Redis alone, with no payload to replay —
 * come out 'done' (finished when received), so the recovery never picks them
 * up and the sweep purges them after 24 hours as before. SQLite.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { closeStore, openStore } from '../../bot/store/db.js';
import { applyMigrations } from '../../prisma/schema-engine.js';

const MIGRATIONS = path.resolve(import.meta.dirname, '../../prisma/migrations');
const DURABLE = readdirSync(MIGRATIONS).find((n) => n.endsWith('_durable_events'))!;

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the durable_events migration', () => {
  it('marks the event ids recorded before it as done', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'workplan-migrate-'));
    const before = path.join(dir, 'migrations');
    cpSync(MIGRATIONS, before, { recursive: true, filter: (src) => !src.includes(DURABLE) });
    const file = path.join(dir, 'old.db');
    await applyMigrations(`file:${file}`, before);
    const sql = new Database(file);
    sql.prepare('INSERT INTO "ProcessedEvent" ("eventId", "messageId", "eventType", "receivedAt") VALUES (?, ?, ?, ?)').run('ev-old', 'om_old', 'im.message.receive_v1', Date.parse('2022-04-15T08:00:00Z'));
    sql.close();

    const db = await openStore(`file:${file}`);
    try {
      expect(await db.processedEvent.findUniqueOrThrow({ where: { eventId: 'ev-old' } })).toMatchObject({
        state: 'done', via: 'webhook', payload: null, messageId: 'om_old', finishedAt: new Date('2022-04-15T08:00:00Z'),
      });
    } finally {
      await closeStore(db);
    }
  });
});
