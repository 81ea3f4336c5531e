/**
 * Evidence (佐证材料) rows: recorded once per message and key (a redelivered or retried message
 * finds its rows), then marked stored or failed as the download goes; attached to a report when
 * it is sent before the report; read by /task, the digest and the ledger.
 */
import { audit } from './audit.js';
import { inChunks } from './chunks.js';
import type { Db } from './db.js';

export type EvidenceKind = 'image' | 'file' | 'link';

export interface EvidencePiece {
  kind: EvidenceKind;
  /** image_key / file_key, or the link's URL. */
  key: string;
  name: string;
}

export interface EvidenceOf {
  taskId: number;
  reportId: number | null;
  personId: number;
  messageId: string;
  actor: string;
  chatId: string | null;
  now: Date;
}

export type EvidenceRow = Awaited<ReturnType<Db['evidence']['findFirstOrThrow']>>;

/**
 * The rows of a message's pieces, in the order given: the ones already recorded as they are, the
 * others created (with one audit entry for the message).
 */
export async function recordEvidence(db: Db, of: EvidenceOf, pieces: EvidencePiece[]): Promise<EvidenceRow[]> {
  const keys = pieces.map((p) => p.key);
  const existing = await db.evidence.findMany({ where: { messageId: of.messageId, key: { in: keys } } });
  const known = new Set(existing.map((e) => e.key));
  const fresh = pieces.filter((p) => !known.has(p.key));
  if (fresh.length) {
    try {
      await db.$transaction(async (tx) => {
        for (const p of fresh) {
          await tx.evidence.create({
            data: { taskId: of.taskId, reportId: of.reportId, personId: of.personId, messageId: of.messageId, kind: p.kind, key: p.key, name: p.name, createdAt: of.now },
          });
        }
        await audit(tx, {
          actor: of.actor, action: 'evidence.added', now: of.now, taskId: of.taskId, chatId: of.chatId, messageId: of.messageId,
          after: { reportId: of.reportId, pieces: fresh.map((p) => ({ kind: p.kind, name: p.name })) },
        });
      });
    } catch (e) {
      // Another worker recorded the same message meanwhile (the unique key): its rows stand.
      if ((e as { code?: unknown }).code !== 'P2002') throw e;
    }
  }
  const rows = await db.evidence.findMany({ where: { messageId: of.messageId, key: { in: keys } } });
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return keys.flatMap((k) => byKey.get(k) ?? []);
}

export function markStored(db: Db, id: number, o: { storedPath: string; size: number }) {
  return db.evidence.update({ where: { id }, data: { storedPath: o.storedPath, size: o.size, error: null } });
}

export function markFailed(db: Db, id: number, o: { error: string; size: number | null }) {
  return db.evidence.update({ where: { id }, data: { error: o.error, size: o.size } });
}

/** Pieces a person sent for the task since `since` that wait for a report now belong to `reportId`; resolves to how many. */
export async function attachWaiting(db: Db, o: { taskId: number; personId: number; reportId: number; since: Date }): Promise<number> {
  const r = await db.evidence.updateMany({ where: { taskId: o.taskId, personId: o.personId, reportId: null, createdAt: { gte: o.since } }, data: { reportId: o.reportId } });
  return r.count;
}

/** The pieces of these reports, oldest first. */
export function evidenceOfReports(db: Db, reportIds: number[]) {
  return db.evidence.findMany({ where: { reportId: { in: reportIds } }, orderBy: { id: 'asc' } });
}

/** The pieces of a task still waiting for a report, oldest first. */
export function waitingEvidence(db: Db, taskId: number) {
  return db.evidence.findMany({ where: { taskId, reportId: null }, orderBy: { id: 'asc' } });
}

/**
 * What counts as a task's evidence: pieces kept (a link, or a file stored or still downloading —
 * not one refused or too large) of reports not withdrawn, or waiting for a report.
 */
const counted = { error: null, OR: [{ reportId: null }, { report: { revokedAt: null } }] };

/** Task id → how many pieces of evidence it had at `at` (tasks without any are absent). */
export async function evidenceCounts(db: Db, taskIds: number[], at: Date): Promise<Map<number, number>> {
  const rows = await inChunks(taskIds, (slice) => db.evidence.findMany({ where: { taskId: { in: slice }, createdAt: { lte: at }, ...counted }, select: { taskId: true } }));
  const out = new Map<number, number>();
  for (const r of rows) out.set(r.taskId, (out.get(r.taskId) ?? 0) + 1);
  return out;
}

/** Every piece of a plan's tasks (refused ones too, with their error), newest first, for the ledger. */
export function planEvidence(db: Db, planId: number) {
  return db.evidence.findMany({
    where: { task: { planId } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    include: {
      task: { select: { code: true, title: true } },
      report: { select: { createdAt: true, revokedAt: true } },
      person: { select: { name: true } },
    },
  });
}

export type PlanEvidenceRow = Awaited<ReturnType<typeof planEvidence>>[number];
