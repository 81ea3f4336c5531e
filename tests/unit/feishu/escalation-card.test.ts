/**
 * The leader's escalation card, pure: it renders the engine's state and the words it is given,
 * escaped; its actions follow the state (退回补充 with a report, 确认办结 / 退回 while done_pending,
 * the extension buttons per request); any task fits one card within Feishu's limits.
 */
import { describe, expect, it } from 'vitest';
import { taskState } from '../../../bot/domain/task-state/task-state.js';
import type { TaskStateInput } from '../../../bot/domain/task-state/types.js';
import { bodyBytes, CARD_BUDGET, elementCount, ELEMENT_BUDGET } from '../../../bot/feishu/cards/card-size.js';
import { escalationCard, type EscalationCardInput } from '../../../bot/feishu/cards/escalation-card.js';
import { ctxAt, target, task } from '../task-state/helpers.js';

const NOW = '2022-04-15T09:00:00';

function cardFor(o: Partial<TaskStateInput>, extra: Partial<EscalationCardInput> = {}) {
  const state = taskState(task(o), ctxAt(NOW));
  return escalationCard({
    task: { id: 7, code: '1', title: '培育高新技术企业' }, owners: ['张敏'], collaborators: [], state, today: NOW.slice(0, 10),
    periodStart: '2022-01-01', latestReport: null, blocker: null, latestInstruction: null, completionRequestId: null, ...extra,
  });
}
const actionsOf = (c: unknown) => [...JSON.stringify(c).matchAll(/"action":"([\w-]+)"/g)].map((m) => m[1]);
const said = { reportId: 3, by: '张敏', at: '2022-04-14 10:00', text: '场地未落实' };

describe('the escalation card', () => {
  it('without a report: 最新进展 尚无报送, and no 退回补充', () => {
    const c = cardFor({ deadline: '2022-04-01' });
    expect(JSON.stringify(c)).toContain('尚无报送');
    expect(actionsOf(c)).toEqual(['leader-instruct', 'leader-urge']);
  });

  it('escapes the owner’s and the leader’s words', () => {
    const c = cardFor({}, { latestReport: { ...said, text: '<at id=all></at> [x](https://evil)' }, latestInstruction: { by: '何建国', at: '2022-04-14 11:00', text: '**快**' } });
    const raw = JSON.stringify(c);
    expect(raw).not.toContain('<at id=all>');
    expect(raw).not.toContain('](https');
    expect(raw).toContain('&#42;&#42;快&#42;&#42;');
    expect(actionsOf(c)).toContain('report-return');
  });

  it('while done_pending: 确认办结 and 退回 on the request, instead of 退回补充', () => {
    const c = cardFor({ lifecycle: 'done_pending' }, { latestReport: said, completionRequestId: 42 });
    expect(actionsOf(c)).toEqual(['leader-instruct', 'leader-urge', 'completion-confirm', 'completion-return']);
    expect(JSON.stringify(c)).toContain('"requestId":42');
  });

  it('shows three extension requests with their buttons and counts the rest', () => {
    const extensionRequests = [1, 2, 3, 4, 5].map((n) => ({ requestId: n, by: '张敏', to: '2022-06-30', reason: `理由${n}` }));
    const c = cardFor({ extensionRequests });
    expect(actionsOf(c).filter((a) => a === 'extend-approve')).toHaveLength(3);
    expect(JSON.stringify(c)).toContain('另有2项延期申请');
  });

  it('a task with 300 long-labelled targets and long words still fits one card', () => {
    const targets = Array.from({ length: 300 }, (_, i) => target({ id: i + 1, kind: 'cumulative', label: `指标名称很长很长很长很长很长很长很长很长${i}`, value: 100, history: [['2022-04-10', 5]] }));
    const long = '很长的话'.repeat(300);
    const c = cardFor({ targets }, {
      owners: Array.from({ length: 40 }, (_, i) => `责任人${i}`), latestReport: { ...said, text: long }, blocker: { ...said, reportId: 9, text: long, status: 'blocked' },
      latestInstruction: { by: '何建国', at: '2022-04-14 11:00', text: long },
    });
    expect(bodyBytes(c)).toBeLessThanOrEqual(CARD_BUDGET);
    expect(elementCount(c)).toBeLessThanOrEqual(ELEMENT_BUDGET);
    expect(JSON.stringify(c)).toContain('另有');
  });
});
