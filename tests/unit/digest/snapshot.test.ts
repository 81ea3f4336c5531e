/** readSnapshot: stored snapshots of older versions read as today's shape. */
import { expect, it } from 'vitest';
import { readSnapshot } from '../../../bot/domain/digest/changes.js';

it.each([
  ['an older light 「grey」 reads as 「none」', { week: '2022-W14', tasks: { '1': { status: 'unknown', light: 'grey', values: {} } } }, { '1': { status: 'unknown', light: 'none', values: {} } }],
  ['the old 「done」 status stays a known status', { week: '2022-W14', tasks: { '1': { status: 'done', light: 'green', values: { '7': 3 } } } }, { '1': { status: 'done', light: 'green', values: { '7': 3 } } }],
  ['an unknown status is dropped (no status change is claimed)', { week: '2022-W14', tasks: { '1': { status: 'constructor', light: 'red', values: { '7': 'x', '8': null } } } }, { '1': { status: null, light: 'red', values: { '8': null } } }],
])('%s', (_what, stored, tasks) => {
  expect(readSnapshot(JSON.stringify(stored))).toEqual({ week: '2022-W14', tasks });
});

it.each(['not json', 'null', '[]', '{"week":1}'])('an unreadable snapshot (%s) is no snapshot', (json) => {
  expect(readSnapshot(json)).toBeNull();
});
