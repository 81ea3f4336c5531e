import { describe, expect, it } from 'vitest';
import { eventCreatedMs, isStaleEvent, STALE_EVENT_MS } from '../../../bot/feishu/event-age.js';

const T = Date.parse('2022-04-11T02:00:00Z');

describe('eventCreatedMs: the unit read from the size', () => {
  it.each([
    ['ms (im events)', String(T), T],
    ['µs (card callbacks)', String(T * 1000 + 999), T],
    ['s (older kinds)', String(T / 1000), T],
    ['absent', undefined, null],
    ['not a number', '2022-04-11', null],
    ['negative', '-1', null],
    ['empty', '', null],
  ])('%s', (_what, input, want) => {
    expect(eventCreatedMs(input)).toBe(want);
  });
});

describe('isStaleEvent', () => {
  it('an event is stale only past the memory less an hour; a time ahead of ours or unreadable is not', () => {
    expect(STALE_EVENT_MS).toBe(23 * 3600_000);
    expect(isStaleEvent(String(T), T + STALE_EVENT_MS)).toBe(false);
    expect(isStaleEvent(String(T), T + STALE_EVENT_MS + 1)).toBe(true);
    expect(isStaleEvent(String(T * 1000), T + STALE_EVENT_MS + 1)).toBe(true);
    expect(isStaleEvent(String(T), T - 3600_000)).toBe(false);
    expect(isStaleEvent(undefined, T + 365 * 86_400_000)).toBe(false);
    // Feishu's last retry comes about 7 hours after the first push: well inside.
    expect(isStaleEvent(String(T), T + 7.5 * 3600_000)).toBe(false);
  });
});
