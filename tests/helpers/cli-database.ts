/**
 * The `workplan` command line against a test database of its own, for a test file: `workplan(...args)` runs
 * it as a real process (tests/helpers/run-cli.ts) in the database's folder, `workplanWith(env, ...args)` with
 * more environment. The database is made before the file's tests and dropped after them.
 */
import { afterAll, beforeAll } from 'vitest';
import { createTestDatabase, type TestDatabase } from './test-database.js';
import { runCli } from './run-cli.js';

export const SEED = new URL('../../plans/qijiang-2022-work-plan.txt', import.meta.url).pathname;

export function useCliDatabase() {
  let database: TestDatabase;
  const cli = {
    dir: '',
    env: {} as NodeJS.ProcessEnv,
    workplan: (...args: string[]) => cli.workplanWith({}, ...args),
    workplanWith: (extraEnv: NodeJS.ProcessEnv, ...args: string[]) => runCli({ ...cli.env, ...extraEnv }, cli.dir, ...args),
  };
  beforeAll(async () => {
    database = await createTestDatabase();
    cli.dir = database.dir;
    cli.env = { ...process.env, DATABASE_URL: database.url };
  });
  afterAll(() => database.drop());
  return cli;
}
