/** The seed plan and its example owners in a store (and, when given, their users in the fake Feishu). */
import { readFileSync } from 'node:fs';
import { parseOwners, type OwnerRow } from '../../bot/domain/owners/parse-owners.js';
import { parsePlan } from '../../bot/domain/plan/parse-plan.js';
import type { Db } from '../../bot/store/db.js';
import { importOwners } from '../../bot/store/import-owners.js';
import { importPlan } from '../../bot/store/import-plan.js';
import type { Fake } from './bot-harness.js';

export const SEED = readFileSync(new URL('../../plans/qijiang-2022-work-plan.txt', import.meta.url), 'utf8');
export const OWNERS = readFileSync(new URL('../../plans/qijiang-2022-owners.csv', import.meta.url), 'utf8');

export async function seedPlan(
  db: Db,
  opts: { now: Date; fake?: Fake; onlyTasks?: Set<string> },
): Promise<{ planId: number; rows: OwnerRow[] }> {
  const parsed = parsePlan({ kind: 'text', name: 'seed.txt', text: SEED });
  const { planId } = await importPlan(db, { parsed, sourceName: 'seed.txt', sourceText: SEED, actor: 'test', now: opts.now });
  const rows = parseOwners(OWNERS.trim().split('\n').map((l) => l.split(','))).filter((r) => !opts.onlyTasks || opts.onlyTasks.has(r.taskCode));
  await importOwners(db, { planId, rows, by: 'test', now: opts.now });
  const fake = opts.fake;
  if (fake) for (const r of rows) if (!fake.users().some((u) => u.openId === r.openId)) fake.addUser({ openId: r.openId!, name: r.name });
  return { planId, rows };
}
