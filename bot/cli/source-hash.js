// One hash over the TypeScript sources that dist/ is compiled from, so a
// start can tell a dist/ built from other sources (a `git pull` without a
// build) and refuse it. Plain JavaScript: build-dist.js and run-dist.js use
// it without a transpiler.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The folders compiled into dist/ (tsconfig.build.json) or copied there. */
export const SOURCE_ROOTS = ['bot', 'jobs', 'prisma'];

/** sha256 of every source's path and content, in a stable order; null when the sources are not here. */
export function sourceHash(root) {
  const files = [];
  for (const top of SOURCE_ROOTS) {
    const dir = join(root, top);
    if (!existsSync(dir)) return null;
    walk(dir, files);
  }
  const hash = createHash('sha256');
  for (const f of files.sort()) {
    hash.update(relative(root, f)).update('\0').update(readFileSync(f)).update('\0');
  }
  return hash.digest('hex');
}

function walk(dir, out) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules') walk(p, out);
    } else if (/\.(ts|js|sql|prisma|html|css|svg)$/.test(e.name) && !e.name.endsWith('.d.ts')) {
      out.push(p);
    }
  }
}

/** Whether dist/ was built from the sources as they are now (its stamp, written by build-dist.js, matches). */
export function builtFromSources(root) {
  const stamp = join(root, 'dist/source-hash');
  return existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === sourceHash(root);
}
