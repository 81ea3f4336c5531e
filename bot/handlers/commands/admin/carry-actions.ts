/**
 * 「确认承接」 / 「不承接」 on the carry-over preview (carry-offer.ts): any admin decides, once. Confirming
 * carries the people over (bot/store/carry-over.ts, matching afresh: a task given someone since the
 * preview keeps them) and records 'plan.carried'; declining records 'carry.declined'. Each decision
 * names its click (the event id): the job that made it — run again or not — updates every copy of the
 * card and tells the admin; a later click only gets a toast.
 */
import { z } from 'zod';
import type { Deps } from '../../../deps.js';
import { shanghaiMinute } from '../../../domain/calendar/shanghai-time.js';
import { wordTable } from '../../../domain/word-table.js';
import { carryDecidedCard } from '../../../feishu/cards/carry-card.js';
import type { CardAction, Envelope } from '../../../feishu/envelope.js';
import { botText, cut } from '../../../feishu/safe-text.js';
import { audit } from '../../../store/audit.js';
import { applyInTx } from '../../../store/carry-over.js';
import { BULK_TRANSACTION, type Tx } from '../../../store/db.js';
import { sentCards } from '../../../store/sent-cards.js';
import { updateCards } from '../../update-cards.js';
import type { CardActionEntry } from '../../types.js';
import { toast } from '../../reports/checked-action.js';
import { isAdmin } from '../command.js';
import { carrySubject, type CarryProposal } from './carry-offer.js';

const clickValue = z.object({ proposalId: z.number().int() });
const proposalSchema = z.object({ fromPlanId: z.number().int(), toPlanId: z.number().int(), from: z.string(), toTitle: z.string() });
const decisionSchema = z.object({ proposalId: z.number().int(), click: z.string().optional(), tasks: z.number().optional(), count: z.number().optional() });
const DECISIONS = ['plan.carried', 'carry.declined'];
const DONE_WORDS = wordTable({ 'plan.carried': '已承接', 'carry.declined': '未承接' });

type Decision = { action: string; actor: string; at: Date; after: z.infer<typeof decisionSchema> };

/** The proposal's decision, if any: the first 'plan.carried' or 'carry.declined' naming it. */
async function decisionOf(db: Pick<Tx, 'auditEntry'>, proposalId: number): Promise<Decision | null> {
  const rows = await db.auditEntry.findMany({ where: { action: { in: DECISIONS }, id: { gt: proposalId } }, orderBy: { id: 'asc' } });
  for (const r of rows) {
    const after = decisionSchema.safeParse(JSON.parse(r.after ?? '{}'));
    if (after.success && after.data.proposalId === proposalId) return { action: r.action, actor: r.actor, at: r.at, after: after.data };
  }
  return null;
}

async function look(deps: Deps, a: CardAction) {
  const v = clickValue.safeParse(a.action.value);
  const openId = a.operator.open_id;
  if (!v.success || !openId) return null;
  const entry = await deps.db.auditEntry.findUnique({ where: { id: v.data.proposalId } });
  const proposal = entry?.action === 'carry.proposed' ? proposalSchema.safeParse(JSON.parse(entry.after ?? '{}')) : null;
  if (!entry || !proposal?.success) return null;
  return { id: entry.id, proposal: proposal.data, openId, allowed: await isAdmin(deps, openId), decided: await decisionOf(deps.db, entry.id) };
}

function answer(carry: boolean) {
  return async (deps: Deps, a: CardAction) => {
    const l = await look(deps, a);
    if (!l) return toast('error', '无法识别的承接预览');
    if (l.decided) return toast('info', `该预览已处理（${DONE_WORDS[l.decided.action]}），无需重复操作`);
    if (!l.allowed) return toast('error', '只有管理员可以决定是否承接责任人');
    return carry ? toast('success', '已确认，正在承接责任人') : toast('success', '已记录：不承接');
  };
}

function work(carry: boolean) {
  return async (deps: Deps, a: CardAction, envelope: Envelope) => {
    const l = await look(deps, a);
    if (!l || !l.allowed) return;
    const click = envelope.header.event_id;
    const now = deps.clock.now();
    const messageId = a.context?.open_message_id ?? null;
    if (!l.decided) {
      await deps.db.$transaction(async (tx) => {
        if (await decisionOf(tx, l.id)) return;
        const p: CarryProposal = l.proposal;
        if (carry) await applyInTx(tx, { fromPlanId: p.fromPlanId, toPlanId: p.toPlanId, by: l.openId, now, messageId, proposalId: l.id, click });
        else await audit(tx, { actor: l.openId, action: 'carry.declined', now, messageId, after: { proposalId: l.id, from: p.from, click } });
      }, BULK_TRANSACTION);
    }
    const decided = await decisionOf(deps.db, l.id);
    // Another click decided it first: that click's job tells the admin and updates the cards.
    if (!decided || decided.after.click !== click) return;
    await tellDecision(deps, l.proposal, l.id, decided);
  };
}

async function tellDecision(deps: Deps, p: CarryProposal, proposalId: number, d: Decision): Promise<void> {
  const person = await deps.db.person.findUnique({ where: { openId: d.actor }, select: { name: true } });
  const carried = d.action === 'plan.carried';
  const decided = carryDecidedCard({ from: p.from, to: p.toTitle, carried, by: person?.name ?? '管理员', at: shanghaiMinute(d.at), tasks: d.after.tasks, added: d.after.count });
  await updateCards(deps, await sentCards(deps.db, carrySubject(proposalId)), decided);
  const text = carried
    ? botText`已从《${cut(p.from, 60)}》承接 ${d.after.tasks ?? 0} 项任务的责任人（新增 ${d.after.count ?? 0} 人次）。可用 /status 查看，需调整的用 /reassign 或 /unassign。`
    : botText`已记录：不从《${cut(p.from, 60)}》承接责任人。请用 /assign 为新计划的任务指派责任人。`;
  await deps.messenger.send({ openId: d.actor }, { text }, `carry-result:${proposalId}`);
}

export const carryCardActions: Record<string, CardActionEntry> = {
  'carry-confirm': { answer: answer(true), work: work(true) },
  'carry-decline': { answer: answer(false), work: work(false) },
};
