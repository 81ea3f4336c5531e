/** Walking digest cards in tests: validity, size, markdown contents, entity decoding. */
import { expect } from 'vitest';
import { bodyBytes, CARD_BUDGET, ELEMENT_BUDGET, elementCount } from '../../../bot/feishu/cards/card-size.js';
import { validateCardObject } from '../../../bot/sandbox/card-validator.js';

export type Card = Record<string, unknown>;
type El = Record<string, unknown>;

export const FEISHU_CARD_BYTES = 30 * 1024;
export const cardBytes = (card: Card): number => Buffer.byteLength(JSON.stringify(card), 'utf8');

/** Every card passes the fake Feishu's validator and stays under 30 KB of request body (our margin: 28 KB, card-size.ts). */
export function expectValid(cards: Card[]): void {
  for (const card of cards) {
    const check = validateCardObject(JSON.parse(JSON.stringify(card)));
    expect(check.ok ? 'ok' : `${check.sub} ${check.detail}`).toBe('ok');
    expect(cardBytes(card)).toBeLessThanOrEqual(28 * 1024);
    expect(cardBytes(card)).toBeLessThanOrEqual(FEISHU_CARD_BYTES);
    expect(bodyBytes(card)).toBeLessThanOrEqual(CARD_BUDGET);
    expect(elementCount(card)).toBeLessThanOrEqual(ELEMENT_BUDGET);
  }
}

export const bodyOf = (card: Card): El[] => ((card.body as { elements: El[] }).elements);
export const headerTitle = (card: Card): string => ((card.header as { title: { content: string } }).title.content);

/** Top-level elements of a tag. */
export const topLevel = (card: Card, tag: string): El[] => bodyOf(card).filter((e) => e.tag === tag);

/** Markdown of every element, panel headers included, in document order. */
export function markdownOf(card: Card): string[] {
  const out: string[] = [];
  const visit = (els: El[]): void => {
    for (const e of els) {
      if (e.tag === 'markdown') out.push(String(e.content));
      if (e.tag === 'collapsible_panel') {
        out.push(String((e.header as { title: { content: string } }).title.content));
        visit(e.elements as El[]);
      }
    }
  };
  visit(bodyOf(card));
  return out;
}

/** The task items inside section panels, in order. */
export function panelItems(cards: Card[]): string[] {
  return cards.flatMap((c) => topLevel(c, 'collapsible_panel').flatMap((p) => (p.elements as El[]).map((e) => String(e.content))));
}

/** What a reader sees of escaped markdown: `&#60;` → `<`. */
export const decode = (md: string): string => md.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));
