#!/usr/bin/env node
// Runs `prisma generate` for both clients, offline-safe: the SQLite one
// (prisma/prisma.config.ts → bot/store/generated) and the PostgreSQL one
// (prisma/postgres/prisma.config.ts → bot/store/generated-pg), after writing
// prisma/postgres/schema.prisma from prisma/schema.prisma.
//
// Every prisma CLI command first tries to download the schema-engine binary,
// which fails without internet. `generate` does not actually need that
// engine (the client uses a driver adapter), and the CLI skips the download
// when PRISMA_SCHEMA_ENGINE_BINARY names an existing file; it only checks that
// the file exists. So, unless the caller already set it, point it at a
// harmless executable. Used as the package's `postinstall` and by
// `npm run db:generate`; works from any cwd (it runs in the repo root).
// Plain Node ESM so it runs before tsx is even needed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { POSTGRES_SCHEMA_PATH, currentPostgresSchema } from './postgres-schema.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

// The prisma CLI entry (package "prisma", bin "build/index.js").
let prismaCli;
try {
  prismaCli = path.join(path.dirname(require.resolve('prisma/package.json')), 'build', 'index.js');
} catch {
  console.error('prisma/generate.js: the "prisma" package is not installed.');
  process.exit(1);
}

const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) {
  // Any existing executable will do; node itself is the portable fallback.
  env.PRISMA_SCHEMA_ENGINE_BINARY =
    ['/usr/bin/true', '/bin/true'].find((p) => existsSync(p)) ?? process.execPath;
}
// Do not phone home for update checks (no network here anyway).
env.CHECKPOINT_DISABLE ??= '1';

// Derived, never edited by hand; rewritten only when it changed.
const pgSchema = currentPostgresSchema();
if (!existsSync(POSTGRES_SCHEMA_PATH) || readFileSync(POSTGRES_SCHEMA_PATH, 'utf8') !== pgSchema) {
  writeFileSync(POSTGRES_SCHEMA_PATH, pgSchema, 'utf8');
}

for (const config of [path.join('prisma', 'prisma.config.ts'), path.join('prisma', 'postgres', 'prisma.config.ts')]) {
  const result = spawnSync(process.execPath, [prismaCli, 'generate', '--config', config], { cwd: repoRoot, env, stdio: 'inherit' });
  if (result.error) {
    console.error(`prisma/generate.js: could not run prisma: ${result.error.message}`);
    process.exit(1);
  }
  // A signal-killed child has status null: still a failure.
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// Prisma's generated client imports its query compiler (3.3 MB of WebAssembly) as a module exporting
// one 4.4 MB base64 string, decoded at the first query. An ES module stays loaded for good, so every
// process kept that string and its source besides the compiled module: about 19 MiB resident after a
// full collection (26 MiB against 7 MiB for the same module compiled from the .wasm file;
// docs/performance.md). So the bytes are written beside the generated client and the client reads
// that file instead. If a Prisma upgrade changes the generated code, the client keeps the base64
// import (correct, only larger) and this says so.
const WASM_IMPORT = /const \{ wasm \} = await import\("(@prisma\/client\/runtime\/query_compiler_fast_bg\.\w+\.wasm-base64\.mjs)"\)\n(\s*)return await decodeBase64AsWasm\(wasm\)/;
for (const dir of ['bot/store/generated', 'bot/store/generated-pg']) {
  const classFile = path.join(repoRoot, dir, 'internal', 'class.ts');
  const source = readFileSync(classFile, 'utf8');
  const found = WASM_IMPORT.exec(source);
  if (!found) {
    if (!source.includes('query-compiler.wasm')) console.warn(`prisma/generate.js: ${dir}/internal/class.ts no longer imports the query compiler as base64; left as generated.`);
    continue;
  }
  const require = createRequire(path.join(repoRoot, 'package.json'));
  const { wasm } = await import(pathToFileURL(require.resolve(found[1])).href);
  writeFileSync(path.join(repoRoot, dir, 'query-compiler.wasm'), Buffer.from(wasm, 'base64'));
  const read = `const { readFile } = await import('node:fs/promises')\n${found[2]}return new WebAssembly.Module(await readFile(new URL('../query-compiler.wasm', import.meta.url)))`;
  writeFileSync(classFile, source.replace(found[0], read), 'utf8');
}
