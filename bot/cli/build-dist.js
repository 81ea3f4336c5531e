#!/usr/bin/env node
// `npm run build` (and the last step of `npm install`): compiles bot/, jobs/
// and prisma/*.ts to dist/ with tsc (emit only: type checking is
// `npm run typecheck`, so the build needs no @types packages), copies the
// files the compiled code reads at run time (migrations, the plan reader's
// thread entry, the sandbox console), and records the hash of the sources it
// was built from (run-dist.js refuses a dist/ built from other sources).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceHash } from './source-hash.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = join(root, 'dist');
const started = Date.now();

rmSync(dist, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--noCheck'], { stdio: 'inherit', cwd: root });
if (result.status !== 0) {
  console.error('编译失败 / build failed: tsc exited with', result.status ?? result.signal);
  process.exit(1);
}

const ASSETS = ['prisma/migrations', 'prisma/postgres/migrations', 'bot/plan-files/plan-worker-entry.js', 'bot/sandbox/console/public'];
for (const asset of ASSETS) {
  const from = join(root, asset);
  if (!existsSync(from)) continue;
  mkdirSync(dirname(join(dist, asset)), { recursive: true });
  cpSync(from, join(dist, asset), { recursive: true });
}
writeFileSync(join(dist, 'source-hash'), `${sourceHash(root)}\n`);
console.log(`dist/ 编译完成 / built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
