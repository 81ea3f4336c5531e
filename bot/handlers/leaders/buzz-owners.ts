/**
 * The buzz itself: each owner's latest nudge is buzzed (加急) through Feishu, in the client and, when
 * configured, by SMS / phone as well (the app buzz first, so a used-up SMS quota still leaves the owner
 * alerted). Each call names one person, so Feishu's "all ids invalid" (230001) and a listed invalid id
 * both mean that owner is not a receiver of the message. Nothing is retried here: a failed call is
 * reported to the leader with the reason, not repeated behind their back (a repeated buzz alerts twice).
 */
import type { Deps } from '../../deps.js';
import { classifyFeishuError, reasonOf } from '../../feishu/errors.js';
import type { UrgentVia } from '../../feishu/messenger.js';
import type { UrgeTarget } from '../../store/urges.js';

export interface OwnerOutcome {
  name: string;
  openId: string;
  /** The ways Feishu accepted. */
  buzzed: UrgentVia[];
  failed: { via: UrgentVia; reason: string }[];
}

const NOT_A_RECEIVER = '不是该催办消息的接收人（可能已离职或不在会话中）';

export async function buzzOwners(deps: Pick<Deps, 'messenger' | 'log'>, targets: UrgeTarget[], vias: UrgentVia[]): Promise<OwnerOutcome[]> {
  const out: OwnerOutcome[] = [];
  for (const t of targets) {
    const o: OwnerOutcome = { name: t.name, openId: t.openId, buzzed: [], failed: [] };
    for (const via of vias) {
      try {
        const invalid = await deps.messenger.urgent(t.messageId, [t.openId], via);
        if (invalid.includes(t.openId)) o.failed.push({ via, reason: NOT_A_RECEIVER });
        else o.buzzed.push(via);
      } catch (e) {
        const err = classifyFeishuError(e);
        deps.log.warn({ messageId: t.messageId, via, code: err.code, kind: err.kind }, 'buzz refused by Feishu');
        const reason = err.code === 230001 ? NOT_A_RECEIVER : err.retryable ? '飞书暂时无法处理，请稍后再试' : reasonOf(err);
        o.failed.push({ via, reason });
      }
    }
    out.push(o);
  }
  return out;
}
