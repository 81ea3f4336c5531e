/**
 * An owner's 「已完成」 — the status button, the form or words read as done — asks for
 * confirmation: an active task moves to done_pending (its check-ins, follow-ups and deadline
 * ladder stop at once: only active tasks are nudged, and the sender drops pending ones), and its
 * leaders — or, with none, the admins — get the completion card (确认办结 / 退回). A repeated
 * 「已完成」 while it waits, or on a paused task, is recorded as a report and asks nothing new.
 * Sending the cards is keyed on the request, so a retried job sends each card once.
 */
import type { Deps } from '../../deps.js';
import { completionCard } from '../../feishu/cards/completion-card.js';
import { FeishuError } from '../../feishu/errors.js';
import { changeLifecycle, openRequest, type CompletionRequest } from '../../store/lifecycle.js';
import { adminOpenIds } from '../../store/people.js';
import { completionView, keepCompletionCard, showCompletionState } from './completion-cards.js';

export interface Deciders {
  /** Who gets the card: the task's leaders, or the admins when it has none. */
  openIds: string[];
  /** How the owner is told who decides: 「何建国」 or 「管理员」. */
  word: string;
}

export async function decidersOf(deps: Pick<Deps, 'db' | 'config'>, taskId: number): Promise<Deciders> {
  const rows = await deps.db.assignment.findMany({ where: { taskId, role: 'leader', active: true }, include: { person: true }, orderBy: { id: 'asc' } });
  const leaders = rows.filter((r) => r.person.openId);
  if (leaders.length) return { openIds: [...new Set(leaders.map((r) => r.person.openId!))], word: [...new Set(leaders.map((r) => r.person.name))].join('、') };
  return { openIds: await adminOpenIds(deps), word: '管理员' };
}

/** What the owner is told while their 「已完成」 waits for a decision. */
const waitingWords = (deciders: Deciders): string =>
  deciders.openIds.length
    ? `已报送完成，待${deciders.word}确认办结；确认前不再催办。如报错了，可撤销这条记录。`
    : '已报送完成，但暂无责任领导或管理员可以确认办结，请联系管理员；确认前不再催办。';

/** The same words for a confirmation card drawn again while this report's request still waits; null when it does not. */
export async function waitingNote(deps: Pick<Deps, 'db' | 'config'>, taskId: number, reportId: number): Promise<string | null> {
  const request = await openRequest(deps.db, taskId);
  return request && request.reportId === reportId ? waitingWords(await decidersOf(deps, taskId)) : null;
}

/** After a report that says done: the lifecycle change and the cards; the words for the owner's confirmation. */
export async function askCompletion(deps: Deps, o: { taskId: number; reportId: number; actor: string; chatId: string | null; messageId: string | null }): Promise<string> {
  const change = await changeLifecycle(deps.db, { taskId: o.taskId, cause: 'owner_done', actor: o.actor, now: deps.clock.now(), reportId: o.reportId, chatId: o.chatId, messageId: o.messageId });
  // The request this report opened — also when a retried job finds the change already made.
  const request = await openRequest(deps.db, o.taskId);
  if (request && request.reportId === o.reportId) {
    const deciders = await sendCompletionCards(deps, request);
    return waitingWords(deciders);
  }
  if (!change.ok && change.current === 'paused') return '任务目前已暂停，未提交办结确认；如已完成，请联系管理员办结。';
  return '任务已报送完成，正在等待确认办结。';
}

/** The completion card to every decider, once per request and person; each is kept so that it can follow the request. */
export async function sendCompletionCards(deps: Deps, request: CompletionRequest): Promise<Deciders> {
  const deciders = await decidersOf(deps, request.taskId);
  if (!deciders.openIds.length) {
    deps.log.warn({ taskId: request.taskId }, 'a completion request has nobody to decide it (no leader, no admin)');
    return deciders;
  }
  const card = completionCard(await completionView(deps, request));
  for (const openId of deciders.openIds) {
    try {
      const sent = await deps.messenger.send({ openId }, { card }, `completion:${request.entryId}:${openId}`);
      await keepCompletionCard(deps, request, openId, sent.messageId);
    } catch (e) {
      // One decider Feishu refuses for good (left, out of the app's scope) must not cost the others their card, nor the owner the answer.
      if (!(e instanceof FeishuError) || e.retryable) throw e;
      deps.log.warn({ taskId: request.taskId, openId, code: e.code }, 'completion card not delivered to a decider');
    }
  }
  return deciders;
}

/**
 * The owner takes back the report that asked (撤销, or a status changed away from 已完成): while
 * the task still waits on that request it returns to active, and the deciders' cards say so. True when it did.
 */
export async function withdrawCompletion(deps: Deps, o: { taskId: number; reportId: number; actor: string; chatId: string | null }): Promise<boolean> {
  const request = await openRequest(deps.db, o.taskId);
  if (!request || request.reportId !== o.reportId) return false;
  const change = await changeLifecycle(deps.db, {
    taskId: o.taskId, cause: 'withdraw', actor: o.actor, now: deps.clock.now(), expect: { lifecycle: 'done_pending', since: request.at }, reportId: o.reportId, chatId: o.chatId,
  });
  if (change.ok) await showCompletionState(deps, request);
  return change.ok;
}
