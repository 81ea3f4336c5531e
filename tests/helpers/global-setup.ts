/** vitest globalSetup: with TEST_DATABASE=postgres, the migrated template the test databases are copied from. */
import { TEST_ENGINE, preparePostgresTemplate } from './test-database.js';

export default async function setup(): Promise<void> {
  if (TEST_ENGINE === 'postgres') await preparePostgresTemplate();
}
