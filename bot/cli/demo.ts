/**
 * `workplan demo` (npm run demo): the main job on embedded defaults. Until
 * the live demo lands it imports the seed plan into the local SQLite store
 * and lists its tasks.
 */
import { fileURLToPath } from 'node:url';
import type { Io } from './io.js';
import { runImport } from './import.js';
import { runTasks } from './tasks.js';

const SEED = fileURLToPath(new URL('../../plans/qijiang-2022-work-plan.txt', import.meta.url));

export async function runDemo(_args: string[], io: Io): Promise<number> {
  const imported = await runImport([SEED], io);
  if (imported !== 0) return imported;
  io.out('\n');
  return runTasks([], io);
}
