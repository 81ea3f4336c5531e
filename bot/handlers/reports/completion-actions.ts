/**
 * The completion card's two answers: 「确认办结」 (done_pending → closed) and 「退回」 with a reason
 * (done_pending → active; the engine no longer counts the earlier 「已完成」). The task's leaders and
 * the admins may decide; the first decision counts — the change is conditional on the request
 * still being the one the task waits on — and any later click gets 「已处理」 with what happened.
 * One check serves the fast toast and the queued work (checked-action.ts). The reporter and the
 * owners are told; every decider's card shows the decision (completion-cards.ts).
 */
import { namedTask } from '../../store/plan-codes.js';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { shanghaiMinute } from '../../domain/calendar/shanghai-time.js';
import { RETURN_REASON_MAX } from '../../feishu/cards/completion-card.js';
import type { CardAction } from '../../feishu/envelope.js';
import { botText, cut } from '../../feishu/safe-text.js';
import { changeLifecycle, completionRequest, isOpen, requestOutcome, type CompletionRequest } from '../../store/lifecycle.js';
import { isAdmin, taskLabel } from '../commands/command.js';
import { peopleOn, tell } from '../commands/admin/shared.js';
import type { CardActionEntry } from '../types.js';
import { checkedAction, refuse, toast, type Check } from './checked-action.js';
import { showCompletionState } from './completion-cards.js';

const decisionValue = z.object({ taskId: z.number().int(), requestId: z.number().int() });

interface Decision {
  request: CompletionRequest;
  openId: string;
  name: string;
  reason: string | null;
}

const OUTCOME = new Map([
  ['confirm', '确认办结'], ['return', '退回'], ['admin_done', '办结'], ['withdraw', '撤回了完成申请'], ['reopen', '重新打开了任务'],
]);

async function nameOf(deps: Pick<Deps, 'db'>, openId: string): Promise<string> {
  return (await deps.db.person.findUnique({ where: { openId }, select: { name: true } }))?.name ?? '管理员';
}

/** 「何建国已于 2022-04-11 10:05 确认办结」: what closed a request. */
async function outcomeWords(deps: Pick<Deps, 'db'>, r: CompletionRequest): Promise<string> {
  const o = await requestOutcome(deps.db, r);
  if (!o) return '任务状态已有变化';
  return `${cut(await nameOf(deps, o.actor), 12)}已于 ${shanghaiMinute(o.at)} ${OUTCOME.get(o.event) ?? '调整了任务状态'}`;
}

async function isLeader(deps: Pick<Deps, 'db'>, taskId: number, openId: string): Promise<boolean> {
  return (await deps.db.assignment.count({ where: { taskId, role: 'leader', active: true, person: { openId } } })) > 0;
}

function readReason(a: CardAction): string {
  const raw = a.action.form_value?.reason;
  return typeof raw === 'string' ? [...raw.trim()].slice(0, RETURN_REASON_MAX).join('') : '';
}

function check(confirm: boolean): Check<Decision> {
  return async (deps, a) => {
    const v = decisionValue.safeParse(a.action.value);
    const openId = a.operator.open_id;
    if (!v.success || !openId) return refuse('无法识别的操作');
    const request = await completionRequest(deps.db, v.data.requestId);
    if (!request || request.taskId !== v.data.taskId) return refuse('无法识别的办结确认');
    if (!(await isOpen(deps.db, request))) return { ok: false, toast: toast('info', `该完成申请已处理（${await outcomeWords(deps, request)}），无需重复操作`) };
    if (!(await isLeader(deps, request.taskId, openId)) && !(await isAdmin(deps, openId))) return refuse('只有该任务的责任领导或管理员可以确认办结或退回');
    const reason = confirm ? null : readReason(a);
    if (reason === '') return refuse('请填写退回理由，理由将告知责任人');
    const plan: Decision = { request, openId, name: await nameOf(deps, openId), reason };
    return { ok: true, toast: toast('success', confirm ? '已确认办结，将告知责任人' : '已退回，理由将告知责任人'), plan };
  };
}

function decide(confirm: boolean) {
  return async (deps: Deps, a: CardAction, d: Decision): Promise<void> => {
    const now = deps.clock.now();
    const { request: r } = d;
    const messageId = a.context?.open_message_id ?? null;
    const change = await changeLifecycle(deps.db, {
      taskId: r.taskId, cause: confirm ? 'confirm' : 'return', actor: d.openId, now, expect: { lifecycle: 'done_pending', since: r.at },
      ...(r.reportId !== null ? { reportId: r.reportId } : {}), ...(d.reason !== null ? { reason: d.reason } : {}),
      chatId: a.context?.open_chat_id ?? null, messageId,
    });
    if (!change.ok) {
      deps.log.info({ taskId: r.taskId, requestId: r.entryId, why: change.why }, 'completion decision lost to an earlier change');
      return;
    }
    const task = await namedTask(deps.db, r.taskId);
    const label = taskLabel(task);
    const text = confirm
      ? botText`${label}已由${cut(d.name, 12)}确认办结，不再催办。`
      : botText`${label}的完成申请被${cut(d.name, 12)}退回，理由：${(d.reason ?? '').replace(/[。．.！!；;，,、\s]+$/u, '')}。任务已恢复为进行中，请继续推进，并按时报送进展。`;
    const reporter = await deps.db.person.findUnique({ where: { openId: r.actor } });
    const owners = await peopleOn(deps, task.id, 'owner');
    const told = [...(reporter ? [reporter] : []), ...owners.filter((p) => p.id !== reporter?.id)];
    await tell(deps, told, text, `completion-${confirm ? 'confirmed' : 'returned'}:${change.entryId}`);
    // Every decider's card (and this one, if it was a forwarded copy) shows the decision, without buttons.
    await showCompletionState(deps, r, messageId);
  };
}

export const completionCardActions: Record<string, CardActionEntry> = {
  'completion-confirm': checkedAction(check(true), decide(true)),
  'completion-return': checkedAction(check(false), decide(false)),
};
