/**
 * Telling the admins (configured and stored) about something that needs a person, such as a nudge
 * Feishu refused: a card, and when Feishu refuses the card, the same news as a plain text message
 * (built by the botText tag, so it is fully neutralised) — an alert does not vanish. What could not
 * be delivered even as text is logged, by key and code. Each send carries a uuid from `key`.
 */
import type { Deps } from '../deps.js';
import type { Card } from '../feishu/cards/card.js';
import { classifyFeishuError } from '../feishu/errors.js';
import type { BotText } from '../feishu/safe-text.js';
import { adminOpenIds } from '../store/people.js';

export interface AdminAlert {
  card: Card;
  /** The same news as plain words, for when the card cannot be delivered. */
  text: BotText;
}

/** Sends the alert to every admin; never throws for a Feishu failure (the caller's own error matters more). */
export async function alertAdmins(deps: Pick<Deps, 'db' | 'config' | 'messenger' | 'log'>, alert: AdminAlert, key: string): Promise<void> {
  for (const openId of await adminOpenIds(deps)) {
    try {
      await deps.messenger.send({ openId }, { card: alert.card }, `${key}:${openId}`);
      continue;
    } catch (e) {
      const err = classifyFeishuError(e);
      deps.log.warn({ key, openId, code: err.code, kind: err.kind }, 'admin alert card not delivered; sending it as plain text');
    }
    try {
      await deps.messenger.send({ openId }, { text: alert.text }, `${key}:${openId}:text`);
    } catch (e) {
      const err = classifyFeishuError(e);
      deps.log.error({ key, openId, code: err.code, kind: err.kind }, 'admin alert not delivered, neither as a card nor as text');
    }
  }
}
