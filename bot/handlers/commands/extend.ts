/**
 * /extend N 日期 理由 (延期申请): an owner asks for a later deadline. The request
 * is an audit entry ('extension.requested'); the task's leaders and the admins
 * get a card and the first to decide settles it. Approval moves the deadline; each request
 * is decided once, and then every decider's card shows who decided and loses its buttons (the
 * cards' message ids are kept in SentCard under 'extend:<request id>').
 */
import { namedTask } from '../../store/plan-codes.js';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { extensionDecidedCard, extensionRequestCard, type ExtensionRequestView } from '../../feishu/cards/extend-card.js';
import { shanghaiMinute } from '../../domain/calendar/shanghai-time.js';
import { keepSentCard, sentCards } from '../../store/sent-cards.js';
import { updateCards } from '../update-cards.js';
import type { CardAction } from '../../feishu/envelope.js';
import { audit } from '../../store/audit.js';
import { adminOpenIds } from '../../store/people.js';
import type { Tx } from '../../store/db.js';
import type { CardActionEntry } from '../types.js';
import { CommandError, isAdmin, requireTask, say, taskLabel, type CommandSpec } from './command.js';
import { botText, cut, type BotText } from '../../feishu/safe-text.js';
import { readDay } from '../../domain/reply/read-day.js';
import { wordTable } from '../../domain/word-table.js';

const decisionValue = z.object({ requestId: z.number().int(), taskId: z.number().int(), to: z.string().optional() });
const pending = z.object({ taskId: z.number().int(), to: z.string(), reason: z.string(), requestedBy: z.string() });
const cardSubject = (requestId: number) => `extend:${requestId}`;
const toast = (type: 'success' | 'info' | 'error', content: string) => ({ toast: { type, content } });

async function leaderOpenIds(deps: Deps, taskId: number): Promise<string[]> {
  const rows = await deps.db.assignment.findMany({ where: { taskId, role: 'leader', active: true }, include: { person: true } });
  return [...new Set(rows.map((a) => a.person.openId).filter((x): x is string => !!x))];
}

export const extendCommand: CommandSpec = {
  names: ['extend', '延期申请', '延期'],
  example: '/extend 7 6月底 等待上级批复',
  admin: false,
  usage: '/extend 任务编号 新的完成时限 理由（如：/extend 7 6月底 等待上级批复）',
  summary: '申请延长任务完成时限，由责任领导审批',
  run: async (deps, ctx) => {
    const [ref, when, ...rest] = ctx.args.trim().split(/\s+/);
    const found = await requireTask(deps, ref || undefined);
    const now = deps.clock.now();
    const to = when ? readDay(when, now) : null;
    if (!to) throw new CommandError(when ? botText`没有读懂日期「${cut(when, 20)}」，请写成「6月30日」「6月底」或「2022-06-30」。` : botText`请写明申请延至的日期。`);
    const reason = rest.join(' ').trim();
    if (!reason) throw new CommandError(botText`请写明延期理由。`);
    const task = await deps.db.task.findUniqueOrThrow({ where: { id: found.id } });
    if (to <= task.deadline) throw new CommandError(botText`申请的日期（${to}）不晚于当前完成时限（${task.deadline}），无需延期。`);
    const me = await deps.db.person.findUnique({ where: { openId: ctx.senderOpenId } });
    const onTask = me ? await deps.db.assignment.count({ where: { personId: me.id, taskId: task.id, active: true, role: { in: ['owner', 'collaborator'] } } }) : 0;
    if (!me || !onTask) throw new CommandError(botText`您不是任务${found.shownCode}的责任人或协办人，不能为该任务申请延期。`);
    const request = await deps.db.$transaction(async (tx) => {
      const existing = await tx.auditEntry.findFirst({ where: { action: 'extension.requested', messageId: ctx.messageId } });
      if (existing) return existing;
      await audit(tx, {
        actor: ctx.senderOpenId, action: 'extension.requested', now, taskId: task.id, chatId: ctx.chatId, messageId: ctx.messageId,
        before: { deadline: task.deadline }, after: { taskId: task.id, to, reason, requestedBy: ctx.senderOpenId, status: 'pending' },
      });
      return tx.auditEntry.findFirstOrThrow({ where: { action: 'extension.requested', messageId: ctx.messageId }, orderBy: { id: 'desc' } });
    });
    const leaders = await leaderOpenIds(deps, task.id);
    // Leaders decide, and admins may decide for them (the office often does); the first decision counts.
    const deciders = [...new Set([...leaders, ...(await adminOpenIds(deps))])];
    const view = { requestId: request.id, taskId: task.id, code: found.shownCode, title: task.title, requester: me.name, from: task.deadline, to, reason };
    for (const openId of deciders) {
      const sent = await deps.messenger.send({ openId }, { card: extensionRequestCard(view) }, `extend:${request.id}:${openId}`);
      await keepSentCard(deps.db, { subject: cardSubject(request.id), openId, messageId: sent.messageId, now });
    }
    await say(deps, ctx, botText`已提交任务${found.shownCode}的延期申请（延至 ${to}），已发送给${leaders.length ? '责任领导和管理员' : '管理员'}审批，结果会通知您。`, 'extend');
  },
};

/** The request behind a click, whether it was decided, and whether this person may decide it. */
async function look(deps: Deps, a: CardAction) {
  const v = decisionValue.safeParse(a.action.value);
  const openId = a.operator.open_id;
  if (!v.success || !openId) return { kind: 'bad' as const };
  const entry = await deps.db.auditEntry.findUnique({ where: { id: v.data.requestId } });
  const req = entry?.action === 'extension.requested' && entry.after ? pending.safeParse(JSON.parse(entry.after)) : null;
  if (!entry || !req?.success || req.data.taskId !== v.data.taskId) return { kind: 'bad' as const };
  const decided = await decisionOf(deps.db, req.data.taskId, entry.id);
  const allowed = (await leaderOpenIds(deps, req.data.taskId)).includes(openId) || (await isAdmin(deps, openId));
  return { kind: 'ok' as const, id: entry.id, request: req.data, decided, allowed, openId };
}

/** The request's latest decision: approved, refused, or an approval since undone (/undo). */
async function decisionOf(db: Pick<Tx, 'auditEntry'>, taskId: number, requestId: number): Promise<string | null> {
  const rows = await db.auditEntry.findMany({
    where: { taskId, action: { in: ['extension.approved', 'extension.refused', 'extension.approval-undone'] } },
    select: { action: true, after: true },
    orderBy: { id: 'asc' },
  });
  const hit = rows.findLast((r) => r.after && (JSON.parse(r.after) as { requestId?: number }).requestId === requestId);
  return hit ? hit.action : null;
}

const DONE_WORDS = wordTable({ 'extension.approved': '已同意', 'extension.refused': '未同意', 'extension.approval-undone': '同意后已撤销' });

function answer(approve: boolean) {
  return async (deps: Deps, a: CardAction) => {
    const l = await look(deps, a);
    if (l.kind === 'bad') return toast('error', '无法识别的延期申请');
    if (l.decided) return toast('info', `该申请已处理（${DONE_WORDS[l.decided]}），无需重复操作`);
    if (!l.allowed) return toast('error', '只有该任务的责任领导或管理员可以审批此申请');
    return approve ? toast('success', `已同意，完成时限将调整为 ${l.request.to}`) : toast('success', '已记录：不同意延期');
  };
}

function work(approve: boolean) {
  return async (deps: Deps, a: CardAction) => {
    const l = await look(deps, a);
    if (l.kind === 'bad' || l.decided || !l.allowed) return;
    const now = deps.clock.now();
    const { request: r } = l;
    const task = await deps.db.$transaction(async (tx) => {
      if (await decisionOf(tx, r.taskId, l.id)) return null;
      const t = await tx.task.findUniqueOrThrow({ where: { id: r.taskId } });
      const action = approve ? 'extension.approved' : 'extension.refused';
      await audit(tx, { actor: l.openId, action, now, taskId: t.id, after: { requestId: l.id, to: r.to, status: approve ? 'approved' : 'refused' }, messageId: a.context?.open_message_id ?? null });
      if (approve) {
        await tx.task.update({ where: { id: t.id }, data: { deadline: r.to, updatedAt: now } });
        await audit(tx, { actor: l.openId, action: 'task.deadline', now, taskId: t.id, before: { deadline: t.deadline }, after: { deadline: r.to }, messageId: a.context?.open_message_id ?? null });
      }
      return t;
    });
    if (!task) return;
    const named = await namedTask(deps.db, task.id);
    await showDecision(deps, { requestId: l.id, taskId: task.id, code: named.shownCode, title: task.title, from: task.deadline, to: r.to, reason: r.reason }, r.requestedBy, {
      approved: approve, by: l.openId, at: now,
    });
    const name = taskLabel(named);
    const tell: BotText = approve
      ? botText`${name}的延期申请已同意，完成时限由 ${task.deadline} 调整为 ${r.to}。`
      : botText`${name}的延期申请（延至 ${r.to}）未获同意，完成时限仍为 ${task.deadline}。`;
    await deps.messenger.send({ openId: r.requestedBy }, { text: tell }, `extend-result:${l.id}`);
    if (!approve) return;
    const owners = await deps.db.assignment.findMany({ where: { taskId: task.id, role: 'owner', active: true }, include: { person: true } });
    for (const o of owners) {
      if (!o.person.openId || o.person.openId === r.requestedBy) continue;
      await deps.messenger.send({ openId: o.person.openId }, { text: botText`${name}的完成时限已调整为 ${r.to}。` }, `extend-owner:${l.id}:${o.person.id}`);
    }
  };
}

/** Every decider's card of the request shows the decision and loses its buttons. */
async function showDecision(deps: Deps, v: Omit<ExtensionRequestView, 'requester'>, requestedBy: string, d: { approved: boolean; by: string; at: Date }) {
  const names = await deps.db.person.findMany({ where: { openId: { in: [requestedBy, d.by] } }, select: { openId: true, name: true } });
  const nameOf = (openId: string, fallback: string) => names.find((p) => p.openId === openId)?.name ?? fallback;
  const decided = extensionDecidedCard({ ...v, requester: nameOf(requestedBy, '申请人') }, { approved: d.approved, by: nameOf(d.by, '管理员'), at: shanghaiMinute(d.at) });
  await updateCards(deps, await sentCards(deps.db, cardSubject(v.requestId)), decided);
}

export const extendCardActions: Record<string, CardActionEntry> = {
  'extend-approve': { answer: answer(true), work: work(true) },
  'extend-refuse': { answer: answer(false), work: work(false) },
};
