/**
 * A report's doubts (what the reader could not settle) and the owner's correction of one: the
 * number moves to the target they chose, or the expected date becomes the one they chose. The raw
 * text stays; nothing else of the report changes; the task's state is the engine's to derive.
 * A correction applies only to the newest report on the task (a newer one is never overwritten),
 * once (the same choice again changes nothing), and is audited.
 */
import { z } from 'zod';
import { MAX_DOUBT_WORDS } from '../domain/reply/doubts.js';
import { DOUBTS_MAX, OPTIONS_MAX, settle, type Held, type KeptDoubt } from '../domain/reply/kept-doubts.js';
import { audit } from './audit.js';
import type { Db, Tx } from './db.js';

const picked = z.number().int().min(0).max(OPTIONS_MAX - 1);
const words = z.string().max(4 * MAX_DOUBT_WORDS);
const keptSchema = z.array(
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('value'), value: z.number(), unit: z.string().max(20), words, options: z.array(z.number().int().nullable()).min(2).max(OPTIONS_MAX), picked }),
    z.object({ kind: z.literal('date'), words, options: z.array(z.string().max(10).nullable()).min(2).max(OPTIONS_MAX), picked }),
  ]),
).max(DOUBTS_MAX);

/** The doubts a report keeps ([] for none or for a column that does not parse). */
export function doubtsOf(json: string | null): KeptDoubt[] {
  if (!json) return [];
  try {
    const r = keptSchema.safeParse(JSON.parse(json));
    return r.success ? (r.data as KeptDoubt[]) : [];
  } catch {
    return [];
  }
}

/** Is there a report on the task newer than this one (not withdrawn)? The engine reads the newest. */
export async function isSuperseded(db: Db | Tx, r: { id: number; taskId: number; createdAt: Date }): Promise<boolean> {
  const newer = await db.report.count({
    where: { taskId: r.taskId, revokedAt: null, id: { not: r.id }, OR: [{ createdAt: { gt: r.createdAt } }, { createdAt: r.createdAt, id: { gt: r.id } }] },
  });
  return newer > 0;
}

export type Correction =
  | { kind: 'corrected'; doubt: KeptDoubt }
  | { kind: 'same' }
  | { kind: 'superseded' }
  | { kind: 'refused'; why: 'revoked' | 'gone' };

export interface CorrectionInput {
  reportId: number;
  doubt: number;
  choice: number;
  actor: string;
  now: Date;
  chatId?: string | null;
  messageId?: string | null;
}

/**
 * Settles doubt `doubt` of the report with option `choice`. The write is conditional on the doubts
 * being as read, so two clicks at once settle it once; the loser throws and its retry finds 'same'.
 */
export async function correctReport(db: Db, c: CorrectionInput): Promise<Correction> {
  return db.$transaction(async (tx) => {
    const r = await tx.report.findUnique({ where: { id: c.reportId }, include: { values: true } });
    if (!r || r.revokedAt) return { kind: 'refused', why: 'revoked' };
    const doubts = doubtsOf(r.doubts);
    const d = doubts[c.doubt];
    if (!d || c.choice >= d.options.length) return { kind: 'refused', why: 'gone' };
    if (d.picked === c.choice) return { kind: 'same' };
    if (await isSuperseded(tx, r)) return { kind: 'superseded' };
    const ids = d.kind === 'value' ? d.options.filter((x): x is number => x !== null) : [];
    const targets = await tx.target.findMany({ where: { id: { in: ids }, taskId: r.taskId }, select: { id: true, unit: true, removedAt: true } });
    const chosen = d.options[c.choice];
    if (d.kind === 'value' && chosen !== null && !targets.some((t) => t.id === chosen && !t.removedAt)) return { kind: 'refused', why: 'gone' };
    const unitOf = (id: number) => targets.find((t) => t.id === id)?.unit ?? '';
    const before = { values: new Map(r.values.map((v) => [v.targetId, v.value])), expectedOn: r.expectedOn };
    const after = settle(before, d, c.choice, unitOf);
    const settled = { ...d, picked: c.choice } as KeptDoubt;
    const next = doubts.map((x, i) => (i === c.doubt ? settled : x));
    const claim = await tx.report.updateMany({
      where: { id: r.id, revokedAt: null, doubts: r.doubts },
      data: { doubts: JSON.stringify(next), expectedOn: after.expectedOn, updatedAt: c.now },
    });
    if (claim.count !== 1) throw new Error(`report ${r.id} changed while its doubt ${c.doubt} was being settled`);
    const changed = ids.filter((id) => before.values.get(id) !== after.values.get(id));
    if (changed.length) {
      await tx.reportValue.deleteMany({ where: { reportId: r.id, targetId: { in: changed } } });
      const kept = changed.filter((id) => after.values.has(id));
      if (kept.length) await tx.reportValue.createMany({ data: kept.map((id) => ({ reportId: r.id, targetId: id, value: after.values.get(id)!, unit: unitOf(id) })) });
    }
    const side = (h: Held) => (d.kind === 'date' ? { expectedOn: h.expectedOn } : { values: ids.filter((id) => h.values.has(id)).map((id) => ({ targetId: id, value: h.values.get(id)! })) });
    await audit(tx, {
      actor: c.actor, action: 'report.corrected', now: c.now, taskId: r.taskId, chatId: c.chatId ?? null, messageId: c.messageId ?? null,
      before: { reportId: r.id, doubt: c.doubt, picked: d.picked, ...side(before) },
      after: { reportId: r.id, doubt: c.doubt, picked: c.choice, ...side(after) },
    });
    return { kind: 'corrected', doubt: settled };
  });
}
