/**
 * The leader's escalation cards of a task (sent nudges of kind `leader-*`, within Feishu's 14-day
 * update window) show the task as it is now: after a 批示 its latest 批示, after a report the
 * owner's latest words. Patching never fails the work (update-cards.ts).
 */
import type { Deps } from '../../deps.js';
import { escalationCard } from '../../feishu/cards/escalation-card.js';
import { escalationCardInput } from '../../store/escalation-card-input.js';
import { CARD_UPDATE_WINDOW_MS, updateCards } from '../update-cards.js';

export async function refreshEscalations(deps: Deps, taskId: number): Promise<void> {
  const now = deps.clock.now();
  const sent = await deps.db.nudge.findMany({
    where: { taskId, kind: { startsWith: 'leader-' }, state: 'sent', messageId: { not: null }, sentAt: { gte: new Date(now.getTime() - CARD_UPDATE_WINDOW_MS) } },
    select: { messageId: true, sentAt: true },
    orderBy: { id: 'asc' },
  });
  if (!sent.length) return;
  // A task gone from the plan has no state to show: its cards stay as they were.
  const task = await deps.db.task.findUnique({ where: { id: taskId }, select: { removedAt: true } });
  if (!task || task.removedAt) return;
  const card = escalationCard(await escalationCardInput(deps, taskId, now));
  await updateCards(deps, sent.map((n) => ({ messageId: n.messageId!, sentAt: n.sentAt })), card);
}
