/**
 * 退回补充 (return a report for more): the task's leaders and the admins may return the task's latest
 * report with a reason — from the leader's escalation card (card action `report-return`, a form with
 * input `reason`) or by command (/return N 理由). The report is kept as said and marked returned
 * (bot/store/return-report.ts): the period is 待补充 until a newer report, and each owner gets a
 * 退回补充 nudge with the reason and the report's words, the form and the buttons to make it good.
 * One check serves the toast, the queued work and the command; the returner is told what happened.
 */
import { namedTask } from '../../store/plan-codes.js';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { shanghaiMinute } from '../../domain/calendar/shanghai-time.js';
import { lifecycleOf } from '../../domain/task-state/lifecycle.js';
import { botText, cut, type BotText } from '../../feishu/safe-text.js';
import { recordReturnNudges, returnReport } from '../../store/return-report.js';
import { jobIdFor } from '../../../jobs/queues.js';
import { CommandError, isAdmin, names, requireTask, say, taskLabel, type CommandSpec } from '../commands/command.js';
import { peopleOn, tell } from '../commands/admin/shared.js';
import type { CardActionEntry } from '../types.js';
import { checkedAction, refuse, toast, type Check, type Verdict } from './checked-action.js';
import { showPeriodOnNudges } from './nudge-reported.js';

export const RETURN_REASON_MAX = 300;
const returnValue = z.object({ taskId: z.number().int(), reportId: z.number().int() });

interface ReturnPlan {
  taskId: number;
  reportId: number;
  period: string;
  reporterId: number | null;
  openId: string;
  reason: string;
}

/** Whether `openId` may return the report (`reportId`, or the task's latest when null), and what returning it means. */
export async function checkReturn(deps: Deps, o: { openId: string; taskId: number; reportId: number | null; reason: string }): Promise<Verdict<ReturnPlan>> {
  const task = await deps.db.task.findUnique({ where: { id: o.taskId }, select: { id: true, status: true, removedAt: true } });
  if (!task || task.removedAt) return refuse('没有找到该任务，未作退回');
  const leader = await deps.db.assignment.count({ where: { taskId: task.id, role: 'leader', active: true, person: { openId: o.openId } } });
  if (!leader && !(await isAdmin(deps, o.openId))) return refuse('只有该任务的责任领导或管理员可以退回报送');
  const lifecycle = lifecycleOf(task.status);
  if (lifecycle === 'closed') return refuse('任务已办结，无法退回报送');
  if (lifecycle === 'done_pending') return refuse('任务已报完成、待确认办结：请在办结确认卡片上「退回」');
  const latest = await deps.db.report.findFirst({ where: { taskId: task.id, revokedAt: null }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
  const report = o.reportId === null ? latest : await deps.db.report.findUnique({ where: { id: o.reportId } });
  if (!report || report.taskId !== task.id) return refuse(o.reportId === null ? '该任务还没有报送，无可退回' : '没有找到这条报送，未作退回');
  if (report.revokedAt) return refuse('这条报送已由报送人撤销，无需退回');
  if (report.returnedAt) {
    const by = report.returnedBy ? await deps.db.person.findUnique({ where: { openId: report.returnedBy }, select: { name: true } }) : null;
    return { ok: false, toast: toast('info', `这条报送已退回（${cut(by?.name ?? '管理员', 12)}，${shanghaiMinute(report.returnedAt)}），无需重复操作`) };
  }
  if (latest && latest.id !== report.id) return refuse('这条报送之后已有新的报送，请查看最新进展');
  const reason = [...o.reason.trim()].slice(0, RETURN_REASON_MAX).join('');
  if (!reason) return refuse('请填写退回理由（需要补充什么），理由将告知责任人');
  return {
    ok: true,
    toast: toast('success', '已退回，理由将告知责任人'),
    plan: { taskId: task.id, reportId: report.id, period: report.period, reporterId: report.personId, openId: o.openId, reason },
  };
}

/** Returns the report; the owners get their 退回补充 nudge, a reporter who is no owner a message; what the returner is told. */
async function doReturn(deps: Deps, p: ReturnPlan, where: { chatId: string | null; messageId: string | null }): Promise<BotText> {
  const now = deps.clock.now();
  const task = await namedTask(deps.db, p.taskId);
  const done = await returnReport(deps.db, { reportId: p.reportId, taskId: p.taskId, by: p.openId, reason: p.reason, now, ...where });
  const returned = await deps.db.report.findUniqueOrThrow({ where: { id: p.reportId }, select: { returnedBy: true } });
  // A retry after the change was made still sends what is missing; someone else's earlier return sends nothing.
  if (!done && returned.returnedBy !== p.openId) return botText`这条报送已由他人退回，未作修改。`;
  const owners = await peopleOn(deps, p.taskId, 'owner');
  const keys = await recordReturnNudges(deps.db, { taskId: p.taskId, reportId: p.reportId, period: p.period, personIds: owners.map((o) => o.id), now });
  if (keys.length) await deps.queues.nudges.addBulk(keys.map((key) => ({ name: 'send-nudge', data: { key }, opts: { jobId: jobIdFor('nudge', key) } })));
  const reporter = p.reporterId === null ? null : await deps.db.person.findUnique({ where: { id: p.reporterId } });
  if (reporter && !owners.some((o) => o.id === reporter.id)) {
    await tell(deps, [reporter], botText`您报送的${taskLabel(task)}进展被退回补充，理由：${p.reason}。责任人已收到补充提醒。`, `return-reporter:${p.reportId}`);
  }
  // The period's earlier nudge cards ask again instead of showing the returned report as 已报送.
  await showPeriodOnNudges(deps, { taskId: p.taskId, period: p.period });
  return owners.length
    ? botText`已退回${taskLabel(task)}的这条报送，理由已告知${names(owners)}；补充报送前，本期记为「待补充」并继续催报。`
    : botText`已退回${taskLabel(task)}的这条报送，但该任务没有责任人可以补充，请先 /assign 指派。`;
}

const checkCard: Check<ReturnPlan> = async (deps, a) => {
  const v = returnValue.safeParse(a.action.value);
  const openId = a.operator.open_id;
  if (!v.success || !openId) return refuse('无法识别的操作');
  const raw = a.action.form_value?.reason;
  return checkReturn(deps, { openId, taskId: v.data.taskId, reportId: v.data.reportId, reason: typeof raw === 'string' ? raw : '' });
};

export const returnCardActions: Record<string, CardActionEntry> = {
  'report-return': checkedAction(checkCard, async (deps, a, plan) => {
    const messageId = a.context?.open_message_id ?? null;
    const said = await doReturn(deps, plan, { chatId: a.context?.open_chat_id ?? null, messageId });
    if (messageId) await deps.messenger.reply(messageId, { text: said }, `return:${plan.reportId}`);
  }),
};

export const returnCommand: CommandSpec = {
  names: ['return', '退回补充', '退回'],
  example: '/退回 7 请补充已完成的企业名单',
  leaders: true,
  admin: false,
  usage: '/return 任务编号 退回理由（如：/return 7 请补充已完成的企业名单）',
  summary: '退回任务最近一次报送，要求补充（责任领导或管理员）',
  run: async (deps, ctx) => {
    const [ref, ...rest] = ctx.args.trim().split(/\s+/);
    const task = await requireTask(deps, ref || undefined);
    const v = await checkReturn(deps, { openId: ctx.senderOpenId, taskId: task.id, reportId: null, reason: rest.join(' ') });
    if (!v.ok) throw new CommandError(botText`${v.toast.toast.content}。`);
    await say(deps, ctx, await doReturn(deps, v.plan, { chatId: ctx.chatId, messageId: ctx.messageId }), 'return');
  },
};
