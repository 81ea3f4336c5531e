/**
 * 「全部确认」 on a proposal card: any admin applies the whole proposal once, through the owners file's path
 * (importOwners), audited. Every copy of the proposal's cards then shows the outcome and the admin is told;
 * a job run again, or a later click, finds it confirmed and only refreshes the cards (same content, same
 * message uuid). A refusal (a task removed since) leaves the proposal pending and says why.
 */
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { shanghaiMinute } from '../../domain/calendar/shanghai-time.js';
import { proposalRows } from '../../domain/owners/propose.js';
import { proposalConfirmedCard } from '../../feishu/cards/proposal-card.js';
import type { CardAction } from '../../feishu/envelope.js';
import { botText, cut } from '../../feishu/safe-text.js';
import { OwnersRefused } from '../../store/import-owners.js';
import { confirmProposal, findProposal, type StoredProposal } from '../../store/owner-proposals.js';
import { sentCardsUnder } from '../../store/sent-cards.js';
import { isAdmin } from '../commands/command.js';
import { toast } from '../reports/checked-action.js';
import type { CardActionEntry } from '../types.js';
import { updateCards } from '../update-cards.js';
import { proposalSubjects } from './propose-command.js';

const clickValue = z.object({ proposalId: z.number().int() });

async function look(deps: Deps, a: CardAction) {
  const v = clickValue.safeParse(a.action.value);
  const openId = a.operator.open_id;
  if (!v.success || !openId) return null;
  const proposal = await findProposal(deps.db, v.data.proposalId);
  return proposal ? { proposal, openId, allowed: await isAdmin(deps, openId) } : null;
}

const answer = async (deps: Deps, a: CardAction) => {
  const l = await look(deps, a);
  if (!l) return toast('error', '无法识别的责任人建议');
  if (!l.allowed) return toast('error', '只有管理员可以确认责任人建议');
  if (l.proposal.state === 'confirmed') return toast('info', '该建议已确认，无需重复操作');
  if (l.proposal.state === 'superseded') return toast('info', '该建议已被新的建议取代，请在最新的建议卡片上确认');
  return toast('success', '已确认，正在指派');
};

const work = async (deps: Deps, a: CardAction) => {
  const l = await look(deps, a);
  if (!l || !l.allowed) return;
  if (l.proposal.state === 'pending') {
    try {
      await confirmProposal(deps.db, { id: l.proposal.id, by: l.openId, now: deps.clock.now(), messageId: a.context?.open_message_id ?? null });
    } catch (e) {
      if (!(e instanceof OwnersRefused)) throw e;
      await deps.messenger.send({ openId: l.openId }, { text: botText`责任人建议未能应用：${cut(e.message, 800)}\n请重新发送 /propose 生成建议。` }, `proposal-refused:${l.proposal.id}`);
      return;
    }
  }
  const now = await findProposal(deps.db, l.proposal.id);
  if (now?.state === 'confirmed') await tellConfirmed(deps, now);
};

async function tellConfirmed(deps: Deps, p: StoredProposal): Promise<void> {
  const by = p.decidedBy ? (await deps.db.person.findUnique({ where: { openId: p.decidedBy }, select: { name: true } }))?.name ?? '管理员' : '管理员';
  const entry = await deps.db.auditEntry.findFirst({ where: { action: 'proposal.confirmed', after: { contains: `"proposalId":${p.id},` } }, select: { after: true } });
  const added = Number(JSON.parse(entry?.after ?? '{}').added ?? 0);
  const rows = proposalRows(p.tasks).length;
  const at = shanghaiMinute(p.decidedAt ?? deps.clock.now());
  await updateCards(deps, await sentCardsUnder(deps.db, proposalSubjects(p.id)), proposalConfirmedCard({ planTitle: p.planTitle, by, at, rows, added }));
  if (p.decidedBy) {
    await deps.messenger.send({ openId: p.decidedBy }, { text: botText`已按建议为《${cut(p.planTitle, 60)}》指派 ${rows} 项分工（新增 ${added} 项）。可用 /status 查看，需调整的用 /reassign 或 /unassign。` }, `proposal-result:${p.id}`);
  }
}

export const proposalCardActions: Record<string, CardActionEntry> = {
  'proposal-confirm': { answer, work },
};
