/**
 * 'report-doubt': the owner settles, in one click, something the reader could not (a number's
 * target, the expected date). Checked like the other report clicks (checked-action.ts): the value's
 * shape, the reporter's own report not withdrawn, mayReport; then the doubt and option must exist,
 * the report must still be the task's newest (a newer one is never overwritten: the toast says it
 * was superseded). The work records the correction (report-doubts.ts: audited, raw text kept) and
 * redraws the clicked card from the stored report; the same choice again records nothing and only
 * redraws the card (so a retry after a failed redraw still mends it).
 */
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { shanghaiDate } from '../../domain/calendar/shanghai-time.js';
import { DOUBTS_MAX, OPTIONS_MAX } from '../../domain/reply/kept-doubts.js';
import { choiceWords } from '../../feishu/cards/doubt-rows.js';
import { confirmationCard } from '../../feishu/cards/report-cards.js';
import type { CardAction } from '../../feishu/envelope.js';
import { botText } from '../../feishu/safe-text.js';
import { correctReport, doubtsOf, isSuperseded } from '../../store/report-doubts.js';
import type { CardActionEntry } from '../types.js';
import { ownReport, reporterFor } from './card-actions.js';
import { checkedAction, refuse, toast, type Check } from './checked-action.js';
import { waitingNote } from './completion.js';
import { doubtView, loadReport, summaryOf } from './confirmation.js';
import { loadTask } from './record-reply.js';

const doubtValue = z.object({
  reportId: z.number().int().positive(),
  doubt: z.number().int().min(0).max(DOUBTS_MAX - 1),
  choice: z.number().int().min(0).max(OPTIONS_MAX - 1),
});

interface DoubtPlan {
  reportId: number;
  taskId: number;
  doubt: number;
  choice: number;
  openId: string;
  /** The report already holds this choice: nothing to record, the card is only drawn again. */
  same: boolean;
}

const checkDoubt: Check<DoubtPlan> = async (deps, a) => {
  const v = doubtValue.safeParse(a.action.value);
  if (!v.success) return refuse('无法识别的操作');
  const own = await ownReport(deps, a, v.data.reportId);
  if (!own.ok) return own;
  const who = await reporterFor(deps, a, own.report.taskId);
  if (!who.ok) return who;
  const d = doubtsOf(own.report.doubts)[v.data.doubt];
  if (!d || v.data.choice >= d.options.length) return refuse('没有找到这项更正，未作修改');
  const task = await loadTask(deps, own.report.taskId);
  const said = choiceWords(doubtView(d, task), v.data.choice, Number(shanghaiDate(own.report.createdAt).slice(0, 4)));
  const plan = { reportId: own.report.id, taskId: own.report.taskId, doubt: v.data.doubt, choice: v.data.choice, openId: own.openId, same: d.picked === v.data.choice };
  if (plan.same) return { ok: true, toast: toast('info', botText`已记录为「${said}」，无需重复操作`.toString()), plan };
  if (await isSuperseded(deps.db, own.report)) return { ok: false, toast: toast('warning', '这条记录之后已有更新的进展，以最新一条为准，未作修改') };
  const target = d.options[v.data.choice];
  if (d.kind === 'value' && typeof target === 'number' && !task.targets.some((t) => t.id === target)) return refuse('该指标已不在计划中，未作修改');
  return { ok: true, toast: toast('success', botText`已更正：${said}`.toString()), plan };
};

async function correct(deps: Deps, a: CardAction, plan: DoubtPlan): Promise<void> {
  const messageId = a.context?.open_message_id ?? null;
  const r = plan.same ? { kind: 'same' as const } : await correctReport(deps.db, { ...plan, actor: plan.openId, now: deps.clock.now(), chatId: a.context?.open_chat_id ?? null, messageId });
  if (r.kind !== 'corrected' && r.kind !== 'same') {
    deps.log.info({ reportId: plan.reportId, outcome: r.kind }, 'doubt correction not applied');
    return;
  }
  const [task, report] = await Promise.all([loadTask(deps, plan.taskId), loadReport(deps, plan.reportId)]);
  if (!messageId || !report) return;
  const note = report.status === 'done' ? await waitingNote(deps, plan.taskId, report.id) : null;
  await deps.messenger.updateCard(messageId, confirmationCard(summaryOf(task, report, note)));
}

export const doubtCardActions: Record<string, CardActionEntry> = {
  'report-doubt': checkedAction(checkDoubt, correct),
};
