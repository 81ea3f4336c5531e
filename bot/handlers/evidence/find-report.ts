/**
 * Which report an image, file or link is evidence (佐证材料) of:
 * - in a thread (the message's parent first, then its root): a card the sender received — their
 *   report's confirmation (SentCard 'report:<id>') or a completion card ('completion:<entry>') —;
 *   a message recorded as a report (a confirmation replies to it, so it roots the thread); or a
 *   nudge (催办): the task, and the sender's report of the nudge's period when there is one;
 * - else, in the private chat, the sender's latest report made within EVIDENCE_WINDOW_MINUTES.
 * A thread that finds the task but no report (nothing reported yet this period, or the report
 * withdrawn) gives reportId null: the piece waits on the task for the report (store/evidence.ts).
 * Whether the sender may add to the task is mayReport's rule, as for the report itself.
 */
import type { Deps } from '../../deps.js';
import { completionRequest } from '../../store/lifecycle.js';
import { mayReport, type Reporter } from '../reports/may-report.js';
import type { MessageContext } from '../types.js';

export type EvidenceTarget =
  | { kind: 'report'; taskId: number; reportId: number | null; reporter: Reporter }
  | { kind: 'refused'; why: string }
  | { kind: 'none' };

interface Found {
  taskId: number;
  reportId: number | null;
}

type Ctx = Pick<MessageContext, 'senderOpenId' | 'parentId' | 'rootId' | 'chatType'>;

export async function evidenceTarget(deps: Pick<Deps, 'db' | 'config' | 'clock'>, ctx: Ctx): Promise<EvidenceTarget> {
  const found = (await fromThread(deps, ctx)) ?? (ctx.chatType === 'p2p' ? await fromWindow(deps, ctx.senderOpenId) : null);
  if (!found) return { kind: 'none' };
  const reporter = await mayReport(deps, ctx.senderOpenId, found.taskId);
  return reporter.ok ? { kind: 'report', ...found, reporter } : { kind: 'refused', why: reporter.why };
}

async function fromThread(deps: Pick<Deps, 'db'>, ctx: Ctx): Promise<Found | null> {
  const ids = [...new Set([ctx.parentId, ctx.rootId].filter((x): x is string => !!x))];
  for (const id of ids) {
    const found = await byMessage(deps, ctx.senderOpenId, id);
    if (found) return found;
  }
  return null;
}

async function byMessage(deps: Pick<Deps, 'db'>, openId: string, messageId: string): Promise<Found | null> {
  const card = await deps.db.sentCard.findFirst({ where: { messageId, openId }, select: { subject: true } });
  const fromCard = card ? await bySubject(deps, card.subject) : null;
  if (fromCard) return fromCard;
  const report = await deps.db.report.findFirst({ where: { messageId }, orderBy: { id: 'desc' }, select: { id: true, taskId: true, revokedAt: true } });
  if (report) return { taskId: report.taskId, reportId: report.revokedAt ? null : report.id };
  const nudge = await deps.db.nudge.findFirst({ where: { messageId }, select: { taskId: true, period: true } });
  if (nudge) return { taskId: nudge.taskId, reportId: await periodReport(deps, openId, nudge.taskId, nudge.period) };
  return null;
}

/** 'report:<id>' (a confirmation) → that report; 'completion:<entry>' → the report that asked. */
async function bySubject(deps: Pick<Deps, 'db'>, subject: string): Promise<Found | null> {
  const m = /^(report|completion):(\d+)$/.exec(subject);
  if (!m) return null;
  const reportId = m[1] === 'report' ? Number(m[2]) : (await completionRequest(deps.db, Number(m[2])))?.reportId ?? null;
  if (reportId === null) return null;
  const report = await deps.db.report.findUnique({ where: { id: reportId }, select: { id: true, taskId: true, revokedAt: true } });
  return report ? { taskId: report.taskId, reportId: report.revokedAt ? null : report.id } : null;
}

/** The sender's latest report on the task in that check-in period, not withdrawn. */
async function periodReport(deps: Pick<Deps, 'db'>, openId: string, taskId: number, period: string): Promise<number | null> {
  const r = await deps.db.report.findFirst({
    where: { taskId, period, revokedAt: null, person: { openId } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { id: true },
  });
  return r?.id ?? null;
}

/** The sender's latest report made within the window, not withdrawn. */
async function fromWindow(deps: Pick<Deps, 'db' | 'config' | 'clock'>, openId: string): Promise<Found | null> {
  const now = deps.clock.now();
  const since = new Date(now.getTime() - deps.config.EVIDENCE_WINDOW_MINUTES * 60_000);
  const r = await deps.db.report.findFirst({
    where: { person: { openId }, revokedAt: null, createdAt: { gte: since, lte: now } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { id: true, taskId: true },
  });
  return r ? { taskId: r.taskId, reportId: r.id } : null;
}
