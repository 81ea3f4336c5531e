#!/usr/bin/env node
// `npm start`, `npm run receiver`, `npm run worker`: the compiled bot in
// dist/, with no TypeScript transpiler at run time. Refuses a dist/ that is
// missing or was built from other sources than the ones beside it (a
// `git pull` without `npm run build`); a deployment that ships dist/ without
// the sources is not checked.
import { existsSync, readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { sourceHash } from './source-hash.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const entry = join(root, 'dist/bot/cli/entry.js');
const stamp = join(root, 'dist/source-hash');

if (!existsSync(entry) || !existsSync(stamp)) {
  console.error('还没有编译：请先运行 npm run build（npm install 也会编译）。\ndist/ is missing: run npm run build (npm install runs it too).');
  process.exit(1);
}
const current = sourceHash(root);
if (current !== null && current !== readFileSync(stamp, 'utf8').trim()) {
  console.error('dist/ 与源码不一致（源码更新后没有重新编译）：请运行 npm run build。\ndist/ was built from other sources: run npm run build.');
  process.exit(1);
}
// Prisma's query compiler is a 3 MB WebAssembly module. V8 compiles it with its baseline compiler
// and then again, for hot functions, with its optimising one; the second copy costs some 50 MB
// resident and, measured on this bot's queries, buys no speed (docs/performance.md). Set before
// anything is compiled; the flag only concerns WebAssembly.
setFlagsFromString('--liftoff-only');
await import(pathToFileURL(entry).href);
