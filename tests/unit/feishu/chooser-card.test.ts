/** The task chooser (#14 item 6): small whatever the reply, every task choosable, under Feishu's limit whatever the titles. */
import { describe, expect, it } from 'vitest';
import { bodyBytes, CARD_BUDGET, ELEMENT_BUDGET, elementCount } from '../../../bot/feishu/cards/card-size.js';
import { chooserCard, CHOOSER_BUTTONS } from '../../../bot/feishu/cards/chooser-card.js';
import { validateCardObject } from '../../../bot/sandbox/card-validator.js';

type El = Record<string, any>;
const MSG = 'om_0123456789abcdef0123456789abcdef';
/** Titles that grow most in the request body: quotes and backslashes are escaped twice. */
const WORST = '"\\'.repeat(1000);
const tasks = (n: number, title = WORST) => Array.from({ length: n }, (_, i) => ({ id: 1000 + i, code: String(i + 1), title }));
const elements = (c: El): El[] => c.body.elements;
const menuOf = (c: El): El => elements(c).find((e) => e.tag === 'select_static')!;

function expectSendable(c: El) {
  expect(validateCardObject(JSON.parse(JSON.stringify(c))).ok).toBe(true);
  expect(bodyBytes(c)).toBeLessThanOrEqual(CARD_BUDGET);
  expect(elementCount(c)).toBeLessThanOrEqual(ELEMENT_BUDGET);
}

describe('chooserCard', () => {
  it('offers a few tasks as buttons that carry only the task and the message id, whatever the reply', () => {
    const c = chooserCard(tasks(CHOOSER_BUTTONS, '培育高新技术企业'), '进展'.repeat(10_000), MSG) as El;
    expectSendable(c);
    const values = JSON.stringify(c).match(/"value":\{[^}]*\}/g)!;
    expect(values).toHaveLength(CHOOSER_BUTTONS);
    expect(values[0]).toBe(`"value":{"action":"choose-task","taskId":1000,"messageId":"${MSG}"}`);
  });

  it.each([12, 150])('lists all %i tasks in one drop-down, shortening titles until the card fits', (n) => {
    const c = chooserCard(tasks(n), WORST, MSG) as El;
    expectSendable(c);
    expect(menuOf(c).options.map((o: El) => o.value)).toEqual(tasks(n).map((t) => String(t.id)));
    expect(menuOf(c).behaviors[0].value).toEqual({ action: 'choose-task', messageId: MSG });
  });

  it.each([300, 3000])('with more tasks (%i) than a card can list, lists what fits and adds a box for any task number', (n) => {
    const c = chooserCard(tasks(n), WORST, MSG) as El;
    expectSendable(c);
    // Each option's text is a plain_text element: the 200-element limit, not the bytes, bounds the list.
    expect(menuOf(c).options.length).toBeGreaterThan(150);
    expect(menuOf(c).options.length).toBeLessThan(ELEMENT_BUDGET);
    const box = elements(c).find((e) => e.tag === 'form')!;
    expect(box.elements.map((e: El) => e.tag)).toEqual(['input', 'button']);
    expect(box.elements[1].behaviors[0].value).toEqual({ action: 'choose-task', messageId: MSG });
  });
});
