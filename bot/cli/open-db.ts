/** Opens the configured store for a CLI command (migrations applied). */
import { loadConfig } from '../config.js';
import { openStore, type Db } from '../store/db.js';

export async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const config = loadConfig(process.env, "store");
  const db = await openStore(config.DATABASE_URL);
  try {
    return await fn(db);
  } finally {
    await db.$disconnect();
  }
}
