/**
 * Updating cards already sent, once what they offered has been decided (im.v1.message.patch,
 * server-docs/im-v1/message-card/patch; every card is JSON 2.0, so update_multi is true). Feishu's
 * limits: a card can be updated for 14 days after it was sent (230031), so older cards are skipped;
 * 5 updates per second per message (one update per card per decision stays far below); a card whose
 * click is still being answered refuses updates (230099 "card action is lock"), so that one is tried
 * again a few times, shortly. A card that cannot be updated is logged and never fails the work:
 * the decision itself is already recorded and told.
 */
import type { Deps } from '../deps.js';
import type { Card } from '../feishu/cards/card.js';
import { FeishuError } from '../feishu/errors.js';

/** Feishu: cards can be updated (and clicked) for 14 days; a minute's margin for clocks. */
export const CARD_UPDATE_WINDOW_MS = 14 * 24 * 60 * 60 * 1000 - 60_000;
const LOCK_TRIES = 6;
const LOCK_WAIT_MS = 250;

export interface SentCardRef {
  messageId: string;
  /** When it was sent; null when unknown (a card just clicked is within the window). */
  sentAt: Date | null;
}

const isLock = (e: unknown) => e instanceof FeishuError && e.code === 230099 && e.kind !== 'permanent';

/** Patches each card (once per message id) with `card`; resolves to how many were updated. */
export async function updateCards(deps: Pick<Deps, 'messenger' | 'log' | 'clock'>, cards: readonly SentCardRef[], card: Card): Promise<number> {
  const now = deps.clock.now().getTime();
  const seen = new Set<string>();
  let updated = 0;
  for (const c of cards) {
    if (!c.messageId || seen.has(c.messageId)) continue;
    seen.add(c.messageId);
    if (c.sentAt && now - c.sentAt.getTime() > CARD_UPDATE_WINDOW_MS) continue;
    for (let attempt = 1; ; attempt++) {
      try {
        await deps.messenger.updateCard(c.messageId, card);
        updated += 1;
        break;
      } catch (e) {
        if (isLock(e) && attempt < LOCK_TRIES) {
          await new Promise((r) => setTimeout(r, LOCK_WAIT_MS * attempt));
          continue;
        }
        deps.log.warn({ err: (e as Error).message, messageId: c.messageId }, 'a card could not be updated');
        break;
      }
    }
  }
  return updated;
}
