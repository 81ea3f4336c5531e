/**
 * Card actions on reports: a status button, the progress form, undo, and
 * choosing the task for a free message. Each is one check shared by the fast
 * answer (the toast, within Feishu's budget) and the queued work: the value's
 * shape, mayReport, the report that can still be changed. A refused click gets
 * an error toast with the reason, and the work does nothing.
 */
import { z } from 'zod';
import { parseNumber } from '../../domain/plan/numerals.js';
import type { CardAction } from '../../feishu/envelope.js';
import { botText, cut, joinText } from '../../feishu/safe-text.js';
import { STATUS_WORDS } from '../../feishu/cards/nudge-card.js';
import { revokeReport, setReportStatus } from '../../store/reports.js';
import type { Deps } from '../../deps.js';
import type { CardActionEntry } from '../types.js';
import { checkedAction, refuse, toast, type Check } from './checked-action.js';
import { mayReport } from './may-report.js';
import { loadTask, recordReport, type Said } from './record-reply.js';
import { checkChoice, recordChoice } from './choose-task.js';
import { askCompletion, withdrawCompletion } from './completion.js';
import { showPeriodOnNudges } from './nudge-reported.js';

const status = z.enum(['on_track', 'not_started', 'at_risk', 'blocked', 'done']);
const statusValue = z.object({ taskId: z.number().int(), status, reportId: z.number().int().optional() });
const formValue = z.object({ taskId: z.number().int() });
const undoValue = z.object({ reportId: z.number().int() });

/** Where a click's confirmation goes: a reply to the card. */
const from = (a: CardAction) => ({ chatId: a.context?.open_chat_id ?? null, replyTo: a.context?.open_message_id ?? null });

/** May this click report on the task? The reporter, or the refusal as an error toast. */
export async function reporterFor(deps: Deps, a: CardAction, taskId: number) {
  const openId = a.operator.open_id;
  if (!openId) return refuse('无法识别操作人');
  const r = await mayReport(deps, openId, taskId);
  return r.ok ? { ok: true as const, reporter: r } : refuse(`${r.why}，未作记录`);
}

/** A report the clicker may still change: theirs, not withdrawn. */
export async function ownReport(deps: Deps, a: CardAction, reportId: number) {
  const openId = a.operator.open_id;
  const [r, person] = await Promise.all([
    deps.db.report.findUnique({ where: { id: reportId } }),
    openId ? deps.db.person.findUnique({ where: { openId } }) : null,
  ]);
  if (!r) return refuse('没有找到这条记录，未作修改');
  if (r.revokedAt) return refuse('这条记录已撤销，未作修改');
  if (!person || r.personId !== person.id) return refuse('这条记录不是您提交的，未作修改');
  return { ok: true as const, report: r, openId: openId! };
}

type EditPlan = { kind: 'edit'; reportId: number; taskId: number; openId: string; status: string };

const checkStatus: Check<EditPlan | { kind: 'new'; said: Said }> = async (deps, a) => {
  const v = statusValue.safeParse(a.action.value);
  if (!v.success) return refuse('无法识别的操作');
  const word = STATUS_WORDS[v.data.status];
  const who = await reporterFor(deps, a, v.data.taskId);
  if (!who.ok) return who;
  if (v.data.reportId !== undefined) {
    const own = await ownReport(deps, a, v.data.reportId);
    if (!own.ok) return own;
    if (own.report.taskId !== v.data.taskId) return refuse('这条记录不属于该任务，未作修改');
    return { ok: true, toast: toast('success', `已修改为：${word}`), plan: { kind: 'edit', reportId: own.report.id, taskId: own.report.taskId, openId: own.openId, status: v.data.status } };
  }
  const said: Said = { text: `［按钮］${word}`, source: 'button', messageId: null, ...from(a), reporter: who.reporter, status: v.data.status };
  return { ok: true, toast: toast('success', `已记录：${word}`), plan: { kind: 'new', said } };
};

const checkForm: Check<Said> = async (deps, a) => {
  const v = formValue.safeParse(a.action.value);
  if (!v.success) return refuse('无法识别的操作');
  const who = await reporterFor(deps, a, v.data.taskId);
  if (!who.ok) return who;
  const form = a.action.form_value ?? {};
  const numbers = new Map<number, number>();
  for (const [name, raw] of Object.entries(form)) {
    const m = name.match(/^t(\d+)$/);
    const n = m && typeof raw === 'string' ? parseNumber(raw.trim().replace(/[^\d.．０-９一二三四五六七八九十百千万亿零〇两]/g, '')) : null;
    if (m && n !== null) numbers.set(Number(m[1]), n);
  }
  const note = typeof form.note === 'string' ? form.note : '';
  const text = note || `［表单］${JSON.stringify(form)}`;
  return { ok: true, toast: toast('success', '已提交，稍后回复记录结果'), plan: { text, source: 'form', messageId: null, ...from(a), reporter: who.reporter, formValues: numbers } };
};

const checkUndo: Check<{ reportId: number; taskId: number; period: string; personId: number; openId: string }> = async (deps, a) => {
  const v = undoValue.safeParse(a.action.value);
  if (!v.success) return refuse('无法识别的操作');
  const own = await ownReport(deps, a, v.data.reportId);
  if (!own.ok) return own;
  return { ok: true, toast: toast('info', '正在撤销…'), plan: { reportId: own.report.id, taskId: own.report.taskId, period: own.report.period, personId: own.report.personId!, openId: own.openId } };
};

/**
 * A status picked for a report the reader could not read: 「已完成」 asks for confirmation like any
 * other 「已完成」; picking another status for the report that asked withdraws the request.
 */
async function edit(deps: Deps, a: CardAction, plan: EditPlan): Promise<void> {
  await setReportStatus(deps.db, plan.reportId, plan.status, plan.openId, deps.clock.now());
  const chatId = a.context?.open_chat_id ?? null;
  const messageId = a.context?.open_message_id;
  const said = plan.status === 'done'
    ? await askCompletion(deps, { taskId: plan.taskId, reportId: plan.reportId, actor: plan.openId, chatId, messageId: null })
    : (await withdrawCompletion(deps, { taskId: plan.taskId, reportId: plan.reportId, actor: plan.openId, chatId })) ? '已撤回完成申请，任务恢复为进行中。' : null;
  if (said && messageId) await deps.messenger.reply(messageId, { text: botText`${said}` }, `edit:${plan.reportId}:${plan.status}`);
}

/** The work of a click that reports: record what it said, on the task it was checked for. */
async function record(deps: Deps, _a: CardAction, said: Said): Promise<void> {
  await recordReport(deps, await loadTask(deps, said.reporter.taskId), said);
}

export const reportCardActions: Record<string, CardActionEntry> = {
  'report-status': checkedAction(checkStatus, async (deps, a, plan) => {
    if (plan.kind === 'edit') await edit(deps, a, plan);
    else await record(deps, a, plan.said);
  }),
  'report-form': checkedAction(checkForm, record),
  'report-undo': checkedAction(checkUndo, async (deps, a, plan) => {
    const done = await revokeReport(deps.db, plan.reportId, plan.personId, plan.openId, deps.clock.now());
    // Withdrawing the 「已完成」 the task waits on takes the request back (after a retry too: the revoke is done, the request may not be).
    const back = await withdrawCompletion(deps, { taskId: plan.taskId, reportId: plan.reportId, actor: plan.openId, chatId: a.context?.open_chat_id ?? null });
    // The period's nudge cards show the report that remains, or ask again (after a retry too: patching is idempotent).
    await showPeriodOnNudges(deps, { taskId: plan.taskId, period: plan.period });
    const messageId = a.context?.open_message_id;
    if (messageId) {
      const steps = done && done.reopened.length ? botText`时间节点${joinText(done.reopened.map((s) => botText`「${cut(s, 60)}」`), '、')}恢复为未完成。` : botText``;
      const text = back ? botText`已撤销这条记录，完成申请一并撤回，任务恢复为进行中。${steps}` : done ? botText`已撤销这条记录。${steps}` : botText`这条记录已撤销或不是您提交的，未作修改。`;
      await deps.messenger.reply(messageId, { text }, `undo:${plan.reportId}`);
    }
  }),
  'choose-task': checkedAction(checkChoice, recordChoice),
};
