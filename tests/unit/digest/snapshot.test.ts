/** readSnapshot: stored snapshots of older versions read as today's shape; changesSince: what moved against one. */
import { describe, expect, it } from 'vitest';
import { changesSince, readSnapshot } from '../../../bot/domain/digest/changes.js';
import type { SnapshotEntry } from '../../../bot/domain/digest/types.js';
import type { TargetState } from '../../../bot/domain/task-state/types.js';

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

it.each([
  ['tasks missing', '{"week":"2022-W14"}'],
  ['tasks not an object', '{"week":"2022-W14","tasks":"x"}'],
  ['tasks null', '{"week":"2022-W14","tasks":null}'],
  ['a week that is not a string', '{"week":14,"tasks":{}}'],
])('a snapshot with %s is no snapshot', (_what, json) => {
  expect(readSnapshot(json)).toBeNull();
});

it('entries and values that cannot be read are left out; a light not known reads as none', () => {
  const json = '{"week":"2022-W14","tasks":{"1":null,"2":5,"3":{"status":"at_risk","light":"toString","values":7},'
    + '"4":{"light":3,"values":{"7":1e400,"8":"9","9":2.5}},"5":{"status":"on_track","light":"yellow","values":{"1":1,"2":null}},'
    // A one-element array would pass for its string if the type were not checked.
    + '"6":{"status":["at_risk"],"light":["red"]},"7":{"status":"blocked","light":"red","values":null}}}';
  expect(readSnapshot(json)).toEqual({
    week: '2022-W14',
    tasks: {
      '3': { status: 'at_risk', light: 'none', values: {} },
      '4': { status: null, light: 'none', values: { '9': 2.5 } },
      '5': { status: 'on_track', light: 'yellow', values: { '1': 1, '2': null } },
      '6': { status: null, light: 'none', values: {} },
      '7': { status: 'blocked', light: 'red', values: {} },
    },
  });
});

describe('changesSince', () => {
  const g = (targetId: number, latest: number | null) => ({ targetId, label: `指标${targetId}`, unit: '家', latest }) as TargetState;

  it('status, light and each value the previous digest held, in that order', () => {
    const before: SnapshotEntry = { status: 'on_track', light: 'green', values: { '1': 112, '2': null, '3': 5 } };
    const now: SnapshotEntry = { status: 'at_risk', light: 'yellow', values: {} };
    expect(changesSince(before, now, [g(1, 118), g(2, 3), g(3, 5), g(4, 9)])).toEqual([
      { kind: 'status', from: 'on_track', to: 'at_risk' },
      { kind: 'light', from: 'green', to: 'yellow' },
      { kind: 'value', targetId: 1, label: '指标1', unit: '家', from: 112, to: 118 },
      { kind: 'value', targetId: 2, label: '指标2', unit: '家', from: null, to: 3 },
    ]);
  });

  it('nothing when the task was not in the previous digest, or nothing moved; no status change from or to a status not known', () => {
    const entry: SnapshotEntry = { status: 'on_track', light: 'green', values: { '1': 3 } };
    expect(changesSince(undefined, entry, [g(1, 5)])).toEqual([]);
    expect(changesSince(entry, { ...entry }, [g(1, 3)])).toEqual([]);
    expect(changesSince({ ...entry, status: null }, entry, [])).toEqual([]);
    expect(changesSince(entry, { ...entry, status: null }, [])).toEqual([]);
  });
});
