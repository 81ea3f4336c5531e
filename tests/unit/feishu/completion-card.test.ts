/** The completion card (办结确认): the owner's words escaped, under Feishu's limit whatever they wrote, decided once. */
import { describe, expect, it } from 'vitest';
import { bodyBytes, CARD_BUDGET } from '../../../bot/feishu/cards/card-size.js';
import { completionCard, completionDecidedCard, type CompletionView } from '../../../bot/feishu/cards/completion-card.js';
import { validateCardObject } from '../../../bot/sandbox/card-validator.js';

type El = Record<string, any>;
const WORST = '"\\<at id=all></at>**'.repeat(200);
const view = (over: Partial<CompletionView> = {}): CompletionView => ({
  requestId: 77, taskId: 7, code: '7', title: '指导科技统计', reporter: '刘洋', saidAt: '2022-04-11 10:00', words: '统计年报已全部完成', deadline: '12月31日',
  targets: [{ label: '有效期高企', latest: '140家', target: '140家' }],
  ...over,
});

function expectSendable(c: El) {
  expect(validateCardObject(JSON.parse(JSON.stringify(c))).ok).toBe(true);
  expect(bodyBytes(c)).toBeLessThanOrEqual(CARD_BUDGET);
}

describe('completionCard', () => {
  it('asks to confirm or to return with a reason; the buttons carry only the task and the request', () => {
    const c = completionCard(view()) as El;
    expectSendable(c);
    const json = JSON.stringify(c);
    expect(json).toContain('{"action":"completion-confirm","taskId":7,"requestId":77}');
    expect(json).toContain('{"action":"completion-return","taskId":7,"requestId":77}');
    const form = c.body.elements.find((e: El) => e.tag === 'form');
    expect(form.elements.map((e: El) => e.name ?? e.tag)).toEqual(['reason', 'completion-return']);
    expect(json).toContain('统计年报已全部完成');
    expect(json).toContain('最新 **140家** / 目标 140家');
  });

  it('shows hostile words and labels as text, and stays within Feishu’s limit', () => {
    const targets = Array.from({ length: 50 }, () => ({ label: WORST, latest: '1家', target: '2家' }));
    const c = completionCard(view({ words: WORST, reporter: WORST, title: WORST, targets })) as El;
    expectSendable(c);
    const markdown = c.body.elements.filter((e: El) => e.tag === 'markdown').map((e: El) => e.content).join('\n');
    expect(markdown).not.toContain('<at');
    expect(markdown).toContain('&#60;at id&#61;all&#62;');
  });

  it('once decided, says who decided what and why, with no buttons left', () => {
    const c = completionDecidedCard(view(), { outcome: '已退回', by: '何建国', at: '2022-04-11 10:30', reason: '请补充 <b>材料</b>' }) as El;
    expectSendable(c);
    const json = JSON.stringify(c);
    expect(json).not.toContain('"tag":"button"');
    expect(json).toContain('**已退回**（何建国，2022-04-11 10:30）');
    expect(json).toContain('请补充 &#60;b&#62;材料&#60;&#47;b&#62;');
  });

  it.each([
    ['已确认办结', 'green'], ['已办结', 'green'], ['已退回', 'orange'], ['已撤回完成申请', 'grey'], ['已重新打开', 'grey'], ['任务状态已调整', 'grey'],
  ] as const)('settled as %s: coloured %s, says who and when, no buttons', (outcome, template) => {
    const c = completionDecidedCard(view(), { outcome, by: '刘洋', at: '2022-04-11 10:01', reason: null }) as El;
    expectSendable(c);
    expect(c.header.template).toBe(template);
    expect(JSON.stringify(c)).toContain(`**${outcome}**（刘洋，2022-04-11 10:01）`);
    expect(JSON.stringify(c)).not.toContain('"tag":"button"');
  });
});
