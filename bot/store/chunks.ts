/**
 * Reads over many rows in slices. Prisma turns nested includes into
 * `IN (…)` lists, and SQLite refuses a statement with too many parameters
 * (P2029) — a province-sized plan has thousands of tasks.
 */
export const CHUNK = 300;

export async function inChunks<T, K = number>(ids: K[], read: (slice: K[]) => Promise<T[]>, size = CHUNK): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += size) out.push(...(await read(ids.slice(i, i + size))));
  return out;
}
