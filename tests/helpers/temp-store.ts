/** A fresh store for each test: SQLite in a temp folder, or PostgreSQL with TEST_DATABASE=postgres. */
import { openStore, type Db } from '../../bot/store/db.js';
import { createTestDatabase } from './test-database.js';

export async function tempStore(): Promise<{ db: Db; url: string; dir: string; cleanup: () => Promise<void> }> {
  const database = await createTestDatabase();
  const db = await openStore(database.url, { poolSize: 4 });
  return {
    db,
    url: database.url,
    dir: database.dir,
    cleanup: async () => {
      await db.$disconnect();
      await database.drop();
    },
  };
}
