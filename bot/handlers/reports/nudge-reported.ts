/**
 * A report answers its period for the task (bot/store/nudge-store.ts), so every nudge card sent for
 * that task and period — to each owner, and to leaders on escalation — shows the period as the store
 * holds it: 「已报送」 with who reported, when and what was recorded (the latest report of the period
 * not withdrawn), and still the buttons, form and reply to correct it (nudge-card.ts); once every
 * report of the period is withdrawn (撤销这条记录) or the latest was returned for more (退回补充), the card
 * asks again as it did when sent. A leader's escalation cards (`leader-*`) are cards of their own: they
 * are refreshed with the task's latest words instead (escalation-cards.ts). Cards past Feishu's 14-day
 * update window are left as they are (update-cards.ts).
 */
import type { Deps } from '../../deps.js';
import { shanghaiMinute } from '../../domain/calendar/shanghai-time.js';
import { nudgeCard, type NudgeCardInput } from '../../feishu/cards/nudge-card.js';
import { recordedLine } from '../../feishu/cards/report-cards.js';
import { nudgeCardInput } from '../../store/nudge-card-input.js';
import { returnedReportOf } from '../../store/return-report.js';
import { refreshEscalations } from '../instructions/escalation-cards.js';
import { CARD_UPDATE_WINDOW_MS, updateCards } from '../update-cards.js';
import { loadReport, summaryOf } from './confirmation.js';
import { loadTask } from './record-reply.js';

/** Patches the period's nudge cards of the task to show its latest report, or to ask again when none remains. */
export async function showPeriodOnNudges(deps: Deps, p: { taskId: number; period: string }): Promise<void> {
  const now = deps.clock.now();
  const nudges = await deps.db.nudge.findMany({
    where: {
      taskId: p.taskId, period: p.period, state: 'sent', messageId: { not: null }, sentAt: { gte: new Date(now.getTime() - CARD_UPDATE_WINDOW_MS) },
      NOT: { kind: { startsWith: 'leader-' } },
    },
    orderBy: { id: 'asc' },
  });
  await refreshEscalations(deps, p.taskId);
  if (nudges.length === 0) return;
  const reported = await latestReported(deps, p);
  for (const n of nudges) {
    // A 退回补充 nudge is answered by the first report after the one returned, whatever came later.
    const returned = returnedReportOf(n.kind);
    const shown = returned === null ? reported : await supplementOf(deps, p.taskId, returned);
    const card = nudgeCard({ ...(await nudgeCardInput(deps, n, now)), ...(shown ? { reported: shown } : {}) });
    await updateCards(deps, [{ messageId: n.messageId!, sentAt: n.sentAt }], card);
  }
}

/** 「已报送」 from the first report not withdrawn after the returned one, or null while none came. */
async function supplementOf(deps: Deps, taskId: number, returnedId: number): Promise<NudgeCardInput['reported'] | null> {
  const returned = await deps.db.report.findUnique({ where: { id: returnedId }, select: { createdAt: true } });
  if (!returned) return null;
  const next = await deps.db.report.findFirst({
    where: { taskId, revokedAt: null, createdAt: { gt: returned.createdAt } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true },
  });
  return next ? reportedOf(deps, taskId, next.id) : null;
}

/** 「已报送」 from the period's latest report not withdrawn: who, when, what was recorded. */
async function latestReported(deps: Deps, p: { taskId: number; period: string }): Promise<NudgeCardInput['reported'] | null> {
  const latest = await deps.db.report.findFirst({
    where: { taskId: p.taskId, period: p.period, revokedAt: null },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { id: true, returnedAt: true },
  });
  // A report returned for more (退回补充) does not answer the period: the cards ask again.
  return latest && !latest.returnedAt ? reportedOf(deps, p.taskId, latest.id) : null;
}

/** Who reported, when, and what was recorded. */
async function reportedOf(deps: Deps, taskId: number, reportId: number): Promise<NudgeCardInput['reported'] | null> {
  const report = await loadReport(deps, reportId);
  if (!report) return null;
  const by = report.personId === null ? null : await deps.db.person.findUnique({ where: { id: report.personId }, select: { name: true } });
  const line = recordedLine(summaryOf(await loadTask(deps, taskId), report, null));
  return { by: by?.name ?? '责任人', at: shanghaiMinute(report.createdAt), line };
}
