/** A 5,000-task plan builds and renders (no timing assertion: bench/ is for timing). */
import { expect, it } from 'vitest';
import { buildDigest } from '../../../bot/domain/digest/build-digest.js';
import { digestText } from '../../../bot/domain/digest/digest-text.js';
import { digestCards } from '../../../bot/feishu/cards/digest-cards.js';
import { expectValid, panelItems } from './card-helpers.js';
import { bigInput } from './fixtures.js';

it('builds a 5,000-task digest and renders every task once', () => {
  const model = buildDigest(bigInput(5000));
  expect(model.total).toBe(5000);
  expect(Object.values(model.counts).reduce((a, b) => a + b, 0)).toBe(5000);
  expect(Object.keys(model.snapshot.tasks)).toHaveLength(5000);
  const cards = digestCards(model, { audience: 'group' });
  expectValid(cards);
  expect(panelItems(cards)).toHaveLength(5000);
  expect(digestText(model).split('\n').length).toBeGreaterThan(5000);
});
