/**
 * Every completion card of a request (one per decider, kept in SentCard as they are sent) shows
 * the request as the store holds it: while the task still waits on it, the card that asks
 * (确认办结 / 退回); once settled — a decision, the owner's withdrawal, an admin's /done or /reopen —
 * who did what and when, without buttons; and asking again when /undo opens it once more. A card
 * forwarded and clicked elsewhere is updated too (`clicked`). Cards past Feishu's 14-day update
 * window are left as they are (update-cards.ts).
 */
import type { Deps } from '../../deps.js';
import { shanghaiDate, shanghaiMinute } from '../../domain/calendar/shanghai-time.js';
import { amountWord, dateWord } from '../../domain/task-state/index.js';
import { completionCard, completionDecidedCard, type CompletionOutcome, type CompletionView } from '../../feishu/cards/completion-card.js';
import { isOpen, requestOutcome, type CompletionRequest } from '../../store/lifecycle.js';
import { keepSentCard, sentCards } from '../../store/sent-cards.js';
import { loadTaskState } from '../../store/task-states.js';
import { updateCards } from '../update-cards.js';

/** The SentCard subject of a request's completion cards. */
export const completionSubject = (request: CompletionRequest) => `completion:${request.entryId}`;

/** Remembers the completion card sent to `openId`, so that its state can follow the request. */
export function keepCompletionCard(deps: Pick<Deps, 'db' | 'clock'>, request: CompletionRequest, openId: string, messageId: string): Promise<void> {
  return keepSentCard(deps.db, { subject: completionSubject(request), openId, messageId, now: deps.clock.now() });
}

const OUTCOME: Record<string, CompletionOutcome> = {
  confirm: '已确认办结', return: '已退回', withdraw: '已撤回完成申请', admin_done: '已办结', reopen: '已重新打开',
};

/** Patches every card of the request to show its state now; resolves to how many were updated. */
export async function showCompletionState(deps: Deps, request: CompletionRequest, clicked: string | null = null): Promise<number> {
  const view = await completionView(deps, request);
  const card = (await isOpen(deps.db, request)) ? completionCard(view) : await settledCard(deps, request, view);
  if (!card) return 0;
  const cards = [...(await sentCards(deps.db, completionSubject(request))), ...(clicked ? [{ messageId: clicked, sentAt: null }] : [])];
  return updateCards(deps, cards, card);
}

async function settledCard(deps: Pick<Deps, 'db'>, request: CompletionRequest, view: CompletionView) {
  const o = await requestOutcome(deps.db, request);
  if (!o) return null;
  const by = (await deps.db.person.findUnique({ where: { openId: o.actor }, select: { name: true } }))?.name ?? '管理员';
  return completionDecidedCard(view, { outcome: OUTCOME[o.event] ?? '任务状态已调整', by, at: shanghaiMinute(o.at), reason: o.event === 'return' ? o.reason : null });
}

/** What the card shows, from the engine's state of the task and the report behind the request. */
export async function completionView(deps: Pick<Deps, 'db' | 'clock' | 'calendar'>, request: CompletionRequest): Promise<CompletionView> {
  const now = deps.clock.now();
  const { task } = await loadTaskState(deps.db, { taskId: request.taskId, now, calendar: deps.calendar });
  const report = request.reportId === null ? null : await deps.db.report.findUnique({ where: { id: request.reportId }, include: { person: true } });
  const reporter = report?.person?.name ?? (await deps.db.person.findUnique({ where: { openId: request.actor } }))?.name ?? '（未知）';
  return {
    requestId: request.entryId,
    taskId: task.id,
    code: task.shownCode,
    title: task.title,
    reporter,
    saidAt: shanghaiMinute(report?.createdAt ?? request.at),
    words: report?.rawText ?? '已完成',
    deadline: dateWord(task.state.deadline.date, shanghaiDate(now)),
    targets: task.state.targets.map((t) => ({ label: t.label, latest: t.latest === null ? null : amountWord(t.latest, t.unit), target: amountWord(t.value, t.unit) })),
  };
}
