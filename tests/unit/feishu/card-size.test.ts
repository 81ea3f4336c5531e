/** Card size as Feishu measures it: request-body bytes, and elements with every plain_text counted. */
import { describe, expect, it } from 'vitest';
import { bodyBytes, CARD_BUDGET, elementCount, fitsOneCard } from '../../../bot/feishu/cards/card-size.js';
import { button, buttonRow, card, chart, form, input, markdown, select, submitButton } from '../../../bot/feishu/cards/card.js';
import { md } from '../../../bot/feishu/safe-text.js';

describe('elementCount', () => {
  it.each([
    ['a card with a title only: the title is a plain_text element', card({ title: 't', elements: [] }), 1],
    ['title and subtitle', card({ title: 't', subtitle: 's', elements: [] }), 2],
    ['a markdown element', card({ title: 't', elements: [markdown(md`x`)] }), 2],
    ['a button and its text', card({ title: 't', elements: [button('b', { action: 'x' })] }), 3],
    ['a row of two buttons: column_set, 2 columns, 2 buttons, 2 texts', card({ title: 't', elements: [buttonRow([button('a', {}), button('b', {})])] }), 8],
    ['a drop-down: itself, its placeholder and each option text', card({ title: 't', elements: [select({ placeholder: 'p', options: [{ text: 'a', value: '1' }, { text: 'b', value: '2' }], value: {} })] }), 5],
    ['a form with an input (and placeholder) and a submit button (and text)', card({ title: 't', elements: [form('f', [input({ name: 'i', placeholder: 'p', maxLength: 9 }), submitButton('ok', {}, 's')])] }), 6],
    ['a chart: its spec is data', card({ title: 't', elements: [chart({ chart_spec: { type: 'bar', data: [{ tag: 'x' }] } })] }), 2],
    ['a button value is data, whatever it holds', card({ title: 't', elements: [button('b', { tag: 'x' })] }), 3],
  ])('%s', (_, c, n) => {
    expect(elementCount(c)).toBe(n);
  });
});

describe('fitsOneCard', () => {
  const options = (n: number) => Array.from({ length: n }, (_, i) => ({ text: `任务${i}`, value: String(i) }));
  const menu = (n: number) => card({ title: 't', elements: [select({ placeholder: 'p', options: options(n), value: {} })] });

  it('refuses a small card with too many elements, and accepts one element fewer', () => {
    // title + select + placeholder = 3 elements besides the options; the bot's budget is 190.
    expect(bodyBytes(menu(188))).toBeLessThan(20_000);
    expect(fitsOneCard(menu(187))).toBe(true);
    expect(fitsOneCard(menu(188))).toBe(false);
  });

  it('refuses a card of few elements whose request body is too big', () => {
    const big = card({ title: 't', elements: [markdown(md`${'"'.repeat(400)}`)] });
    expect(fitsOneCard(big)).toBe(true);
    // `"` becomes &#34; in markdown, then \" … inside the body: measured, not guessed.
    const huge = card({ title: 't', elements: Array.from({ length: 20 }, () => markdown(md`${'"'.repeat(500)}`)) });
    expect(elementCount(huge)).toBe(21);
    expect(bodyBytes(huge)).toBeGreaterThan(28 * 1024);
    expect(fitsOneCard(huge)).toBe(false);
  });

  it('agrees with the body measured exactly, on either side of the budget and whatever the text escapes to', () => {
    // A button's value is data and keeps its characters: `"` and `\` are escaped in the card's JSON and again in
    // the body, a Chinese character takes 3 bytes both times; sizes run from well under half the budget to past it.
    for (const ch of ['a', '"', '\\', '中', 'a"']) {
      for (let n = 2_000; n <= 30_000; n += 1_000) {
        for (const d of [-40, -1, 0, 1, 40]) {
          const c = card({ title: 't', elements: [button('b', { note: ch.repeat(Math.max(0, Math.floor((n + d) / Buffer.byteLength(ch)))) })] });
          expect(fitsOneCard(c), `${JSON.stringify(ch)} × ${n + d}`).toBe(bodyBytes(c) <= CARD_BUDGET);
        }
      }
    }
  });
});
