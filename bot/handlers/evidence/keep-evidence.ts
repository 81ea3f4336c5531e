/**
 * Keeping a message's evidence (佐证材料) on a report: each piece recorded once (message id and
 * key), each file downloaded within EVIDENCE_MAX_BYTES into the evidence store, then one answer to
 * the owner saying what was kept. Runs in the queued inbound job, never in the webhook. A retried
 * job finds its rows and downloads only what is neither stored nor refused; its answer carries
 * the same idempotency key, so it shows once. A file over the limit or refused by Feishu is
 * recorded with its name and the reason, and the owner is told.
 */
import { namedTask } from '../../store/plan-codes.js';
import type { Deps } from '../../deps.js';
import { evidencePath, imageExtension } from '../../domain/evidence/file-name.js';
import type { EvidenceParts } from '../../domain/evidence/parts.js';
import { evidenceRoot, writeEvidenceFile } from '../../evidence/evidence-dir.js';
import { DownloadTooLarge, FeishuError } from '../../feishu/errors.js';
import { markFailed, markStored, recordEvidence, type EvidencePiece, type EvidenceRow } from '../../store/evidence.js';
import { reporterPersonId, type Reporter } from '../reports/may-report.js';
import type { MessageContext } from '../types.js';
import { evidenceAnswer } from './evidence-words.js';

export interface EvidenceFor {
  taskId: number;
  /** null: the piece waits on the task for the owner's report. */
  reportId: number | null;
  reporter: Reporter;
}

type Ctx = Pick<MessageContext, 'messageId' | 'senderOpenId'> & { chatId: string | null };

/** Records, downloads and confirms; resolves to the rows as they end. */
export async function keepEvidence(deps: Deps, ctx: Ctx, to: EvidenceFor, parts: EvidenceParts): Promise<EvidenceRow[]> {
  const pieces: EvidencePiece[] = [
    ...parts.files.map((f) => ({ kind: f.kind, key: f.key, name: f.name })),
    ...parts.links.map((url) => ({ kind: 'link' as const, key: url, name: url })),
  ];
  if (!pieces.length) return [];
  const personId = await reporterPersonId(deps, to.reporter);
  const of = { taskId: to.taskId, reportId: to.reportId, personId, messageId: ctx.messageId, actor: ctx.senderOpenId, chatId: ctx.chatId, now: deps.clock.now() };
  const rows: EvidenceRow[] = [];
  for (const row of await recordEvidence(deps.db, of, pieces)) rows.push(await fetchPiece(deps, row));
  const task = await namedTask(deps.db, to.taskId);
  const text = evidenceAnswer({ code: task.shownCode, rows, waiting: rows.every((r) => r.reportId === null), skipped: parts.skipped, config: deps.config });
  await deps.messenger.reply(ctx.messageId, { text }, `reply:${ctx.messageId}:evidence`);
  return rows;
}

/** Downloads a file not yet stored nor refused into the store; links and settled rows as they are. */
async function fetchPiece(deps: Deps, row: EvidenceRow): Promise<EvidenceRow> {
  if (row.kind === 'link' || row.storedPath || row.error) return row;
  const type = row.kind === 'image' ? 'image' : 'file';
  try {
    const bytes = await deps.messenger.downloadFile(row.messageId, row.key, type, { maxBytes: deps.config.EVIDENCE_MAX_BYTES });
    const storedPath = evidencePath(row.taskId, row.id, row.name, row.kind === 'image' ? imageExtension(bytes) : '');
    await writeEvidenceFile(evidenceRoot(deps.config.EVIDENCE_DIR), storedPath, bytes);
    return await markStored(deps.db, row.id, { storedPath, size: bytes.length });
  } catch (e) {
    if (e instanceof DownloadTooLarge) return markFailed(deps.db, row.id, { error: 'too_large', size: e.size });
    if (e instanceof FeishuError && !e.retryable) {
      deps.log.warn({ messageId: row.messageId, code: e.code }, 'evidence download refused');
      return markFailed(deps.db, row.id, { error: `refused:${e.code ?? 'unknown'}`, size: null });
    }
    throw e;
  }
}
