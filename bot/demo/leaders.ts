/**
 * How the demo's leaders (and the admin, for a task with no leader) decide a completion card
 * (办结确认), as a careful leader would: a report of 已完成 in the owner's own words is confirmed
 * (确认办结); a bare click on 已完成, with nothing said about what was done, is returned (退回) with a
 * reason asking for the facts. About 45 minutes after the card arrives, within office hours.
 */
import type { WorkCalendar } from '../domain/calendar/work-calendar.js';
import type { FakeFeishu, StoredMessage } from '../sandbox/index.js';
import type { Agenda } from './agenda.js';
import { cardParts } from './card-parts.js';
import type { CastMember } from './cast.js';

export const RETURN_REASON = '请补充完成情况说明和佐证材料（如验收报告、印发文件），再报办结。';

/** What a click on 已完成 reads as on the card (the owner wrote nothing). */
const BARE_CLICK = '［按钮］已完成';

export function decideLater(o: {
  fake: FakeFeishu;
  agenda: Agenda;
  calendar: WorkCalendar;
  who: CastMember;
  card: StoredMessage;
  at: number;
  onError(what: string, e: unknown): void;
}): boolean {
  const parts = cardParts(o.card.content);
  const confirm = parts.buttons.find((b) => b.value.action === 'completion-confirm');
  const back = parts.buttons.find((b) => b.value.action === 'completion-return' && b.submit);
  if (!confirm || !back || o.who.kind === 'staff') return false;
  const bare = JSON.stringify(o.card.content).includes(BARE_CLICK);
  const button = bare ? back : confirm;
  o.agenda.add({
    at: o.at, who: o.who.name, what: bare ? `退回${parts.title.replace('办结确认：', '')}的完成申请` : `确认${parts.title.replace('办结确认：', '')}办结`,
    run: async () => {
      const r = await o.fake.clickCard({
        from: o.who.openId, messageId: o.card.messageId, value: button.value, ...(button.name ? { name: button.name } : {}),
        ...(bare ? { formValue: { reason: RETURN_REASON } } : {}),
      });
      if (r.status !== 200) o.onError(`${o.who.name} 点击卡片`, new Error(`HTTP ${r.status}`));
    },
  });
  return true;
}
