/** A fresh SQLite store in a temp folder for each test. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Db } from '../../bot/store/db.js';

export async function tempStore(): Promise<{ db: Db; url: string; dir: string; cleanup: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'workplan-test-'));
  const url = `file:${join(dir, 'test.db')}`;
  const db = await openStore(url);
  return {
    db,
    url,
    dir,
    cleanup: async () => {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
