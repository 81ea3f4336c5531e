/**
 * The evidence store on disk (EVIDENCE_DIR): one folder per task, one file per piece, named from
 * ids and a sanitised name only (bot/domain/evidence/file-name.ts). A file is written under a
 * temporary name and renamed into place, so a reader never sees half a file and a crash leaves
 * no file under the final name. A path that would leave the store is refused, whatever made it.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The store's absolute folder: EVIDENCE_DIR, relative to the working directory unless absolute. */
export function evidenceRoot(dir: string): string {
  return path.resolve(dir);
}

/** The absolute path of `relative` inside the store; throws when it would be anywhere else. */
export function insideStore(root: string, relative: string): string {
  const abs = path.resolve(root, relative);
  const rel = path.relative(root, abs);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) throw new Error(`evidence path outside the store: ${relative}`);
  return abs;
}

/** Writes `bytes` at `relative` inside the store, atomically; resolves to the absolute path. */
export async function writeEvidenceFile(root: string, relative: string, bytes: Uint8Array): Promise<string> {
  const abs = insideStore(root, relative);
  await mkdir(path.dirname(abs), { recursive: true });
  const temp = `${abs}.${randomBytes(6).toString('hex')}.part`;
  try {
    await writeFile(temp, bytes, { flag: 'wx' });
    await rename(temp, abs);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
  return abs;
}
