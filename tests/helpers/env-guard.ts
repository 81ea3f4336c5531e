/**
 * vitest setup file of the shared project, whose files share a worker process (isolate: false): a file that
 * leaves process.env changed would change the configuration of every file after it in that worker, and which
 * files those are depends on scheduling. Each file's environment is put back as it found it, and the file that
 * changed it fails, naming the variables (never their values: they may be secrets).
 *
 * Node stores every assigned value as a string: `process.env.X = undefined` gives the string 'undefined', so a
 * restore must delete a variable that was unset.
 */
import { afterAll, beforeAll } from 'vitest';
import { envChanges, restoreEnv } from './env-diff.js';

let before: Record<string, string | undefined> = {};

beforeAll(() => {
  before = { ...process.env };
});

afterAll(() => {
  const changed = envChanges(before, process.env);
  restoreEnv(before, process.env);
  if (changed.length) {
    throw new Error(`this file left process.env changed (${changed.join(', ')}): restore it in afterAll, deleting a variable that was unset`);
  }
});
