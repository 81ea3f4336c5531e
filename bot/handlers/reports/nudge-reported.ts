/**
 * A report answers its period for the task (bot/store/nudge-store.ts), so every nudge card sent for
 * that task and period — to each owner, and to leaders on escalation — is updated in place to
 * 「已报送」: who reported, what was recorded, and still the buttons, form and reply to correct it
 * (nudge-card.ts). Cards past Feishu's 14-day update window are left as they are (update-cards.ts).
 */
import type { Deps } from '../../deps.js';
import { shanghaiMinute } from '../../domain/calendar/shanghai-time.js';
import { nudgeCard } from '../../feishu/cards/nudge-card.js';
import { nudgeCardInput } from '../../store/nudge-card-input.js';
import { CARD_UPDATE_WINDOW_MS, updateCards } from '../update-cards.js';

export async function showReportedOnNudges(deps: Deps, r: { taskId: number; period: string; personId: number; line: string }): Promise<void> {
  const now = deps.clock.now();
  const nudges = await deps.db.nudge.findMany({
    where: { taskId: r.taskId, period: r.period, state: 'sent', messageId: { not: null }, sentAt: { gte: new Date(now.getTime() - CARD_UPDATE_WINDOW_MS) } },
    orderBy: { id: 'asc' },
  });
  if (nudges.length === 0) return;
  const by = (await deps.db.person.findUnique({ where: { id: r.personId }, select: { name: true } }))?.name ?? '责任人';
  const reported = { by, at: shanghaiMinute(now), line: r.line };
  for (const n of nudges) {
    const card = nudgeCard({ ...(await nudgeCardInput(deps, n, now)), reported });
    await updateCards(deps, [{ messageId: n.messageId!, sentAt: n.sentAt }], card);
  }
}
