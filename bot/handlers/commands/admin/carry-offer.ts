/**
 * After /import of a new plan: when an earlier plan has tasks whose people this one could take over
 * (承接责任人, bot/domain/plan/carry-over.ts), the admin gets the preview card with 「确认承接」 /
 * 「不承接」 (carry-actions.ts decides). The offer is an audit entry ('carry.proposed', keyed on the
 * /import message, so a retried job offers once); nothing is carried before the click.
 */
import type { Deps } from '../../../deps.js';
import { ambiguousLine, carryRow, carrySummary } from '../../../domain/plan/carry-words.js';
import { carryPreviewCard } from '../../../feishu/cards/carry-card.js';
import { audit } from '../../../store/audit.js';
import { carrySource, previewCarry } from '../../../store/carry-over.js';
import { keepSentCard } from '../../../store/sent-cards.js';
import type { CommandContext } from '../../types.js';
import { sayCard } from '../command.js';

export const carrySubject = (proposalId: number) => `carry:${proposalId}`;

/** What a 'carry.proposed' entry records. */
export interface CarryProposal {
  fromPlanId: number;
  toPlanId: number;
  /** The plans' titles (toTitle: not 'to', which the audit words read as a requested date). */
  from: string;
  toTitle: string;
}

/**
 * Offers the carry-over after an import that created the plan — or, when the job runs again after the
 * import (no longer a creation), when this /import already offered it: the same card again, never a second offer.
 */
export async function offerCarry(deps: Deps, ctx: CommandContext, plan: { id: number; title: string; issuer: string | null; year: number; created: boolean }): Promise<boolean> {
  if (!plan.created && !(await deps.db.auditEntry.count({ where: { action: 'carry.proposed', messageId: ctx.messageId } }))) return false;
  const source = await carrySource(deps.db, { issuer: plan.issuer, year: plan.year, exceptId: plan.id });
  if (!source) return false;
  const preview = await previewCarry(deps.db, { fromPlanId: source.id, toPlanId: plan.id });
  if (!preview.carry.length) return false;
  const now = deps.clock.now();
  const proposal: CarryProposal = { fromPlanId: source.id, toPlanId: plan.id, from: source.title, toTitle: plan.title };
  const proposalId = await deps.db.$transaction(async (tx) => {
    const earlier = await tx.auditEntry.findFirst({ where: { action: 'carry.proposed', messageId: ctx.messageId }, select: { id: true } });
    if (earlier) return earlier.id;
    return audit(tx, { actor: ctx.senderOpenId, action: 'carry.proposed', now, chatId: ctx.chatId, messageId: ctx.messageId, after: { ...proposal, tasks: preview.carry.length } });
  });
  const card = carryPreviewCard({
    proposalId, from: source.title, to: plan.title,
    rows: preview.carry.map(carryRow), ambiguous: preview.ambiguous.map(ambiguousLine), summary: carrySummary(preview),
  });
  const sent = await sayCard(deps, ctx, card, 'carry');
  await keepSentCard(deps.db, { subject: carrySubject(proposalId), openId: ctx.senderOpenId, messageId: sent.messageId, now });
  return true;
}
