#!/usr/bin/env node
// `npm run build` (and the last step of `npm install`): compiles bot/, jobs/
// and prisma/*.ts to dist/ with tsc (emit only: type checking is
// `npm run typecheck`, so the build needs no @types packages), copies the
// files the compiled code reads at run time (migrations, the plan reader's
// thread entry, the sandbox console, the query compilers), and records the hash of the sources it
// was built from (run-dist.js refuses a dist/ built from other sources).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

const ASSETS = [
  'prisma/migrations',
  'prisma/postgres/migrations',
  'bot/plan-files/plan-worker-entry.js',
  'bot/sandbox/console/public',
  // Prisma's query compilers, written by prisma/generate.js beside the generated clients.
  'bot/store/generated/query-compiler.wasm',
  'bot/store/generated-pg/query-compiler.wasm',
];
for (const asset of ASSETS) {
  const from = join(root, asset);
  if (!existsSync(from)) continue;
  mkdirSync(dirname(join(dist, asset)), { recursive: true });
  cpSync(from, join(dist, asset), { recursive: true });
}
vendorSdk();
writeFileSync(join(dist, 'source-hash'), `${sourceHash(root)}\n`);
console.log(`dist/ 编译完成 / built in ${((Date.now() - started) / 1000).toFixed(1)} s`);

/**
 * dist/vendor/lark-sdk.cjs: the Feishu SDK's CommonJS bundle without its comments and blank space, and
 * in ASCII (esbuild: whitespace and syntax only, names kept). The package's 6 MB file is mostly Chinese
 * API documentation, so V8 held it as a two-byte string; the copy is 1.9 MB of one-byte source, and a
 * process that has used the SDK holds about 24 MiB less (docs/performance.md). loadSdk() in
 * bot/feishu/messenger.ts takes the copy when it is there, else the package. Skipped (the package is
 * used) when esbuild is missing or when one of the bundle's dependencies would resolve to another file
 * from dist/vendor/ than from the package.
 */
function vendorSdk() {
  const require = createRequire(join(root, 'package.json'));
  let esbuild;
  let source;
  try {
    esbuild = require('esbuild');
    source = require.resolve('@larksuiteoapi/node-sdk');
  } catch {
    return;
  }
  const out = join(dist, 'vendor', 'lark-sdk.cjs');
  const fromPackage = createRequire(source);
  const fromVendor = createRequire(out);
  const { code } = esbuild.transformSync(readFileSync(source, 'utf8'), { loader: 'js', format: 'cjs', platform: 'node', minifyWhitespace: true, minifySyntax: true, legalComments: 'none' });
  for (const [, dep] of code.matchAll(/require\("([^"]+)"\)/g)) {
    if (fromPackage.resolve(dep) !== fromVendor.resolve(dep)) return;
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, code);
}
