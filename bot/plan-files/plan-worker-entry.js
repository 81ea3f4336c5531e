// Entry of the plan worker thread (read-in-worker.ts). A worker thread inherits
// neither tsx (registered by bin.js) nor vite (vitest's transform): run the
// compiled sibling when there is one (a build to dist/), else register tsx in
// this thread and run the TypeScript source. Only the plan readers and the
// parser are loaded here, so the thread starts quickly.
import { existsSync } from 'node:fs';

const compiled = new URL('./plan-worker.js', import.meta.url);
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('./plan-worker.ts', import.meta.url).href);
}
