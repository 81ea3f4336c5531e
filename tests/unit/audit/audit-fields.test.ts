import { describe, expect, it } from 'vitest';
import { fieldsTouched, readJson, sameField } from '../../../bot/domain/audit-fields.js';

const entry = (action: string, before: unknown, after: unknown) => ({ action, before: before === null ? null : JSON.stringify(before), after: after === null ? null : JSON.stringify(after) });

describe('fieldsTouched / sameField', () => {
  it.each([
    ['deadline vs deadline', entry('task.deadline', { deadline: 'a' }, { deadline: 'b' }), entry('task.deadline', null, { deadline: 'c' }), true],
    ['deadline vs cadence', entry('task.deadline', null, { deadline: 'b' }), entry('task.cadence', null, { cadence: 'off' }), false],
    ['same target', entry('task.target', { position: 0, value: 1 }, { position: 0, value: 2 }), entry('task.target', { position: 0 }, { position: 0, value: 3 }), true],
    ['other target', entry('task.target', null, { position: 0, value: 2 }), entry('task.target', null, { position: 1, value: 3 }), false],
    ['a re-import touches every target', entry('task.target', null, { position: 1, value: 2 }), entry('task.reimported', {}, {}), true],
    ['added then ended, same person and role', entry('assignment.added', null, { personId: 3, role: 'owner' }), entry('assignment.ended', { personId: 3, role: 'owner' }, null), true],
    ['another person', entry('assignment.added', null, { personId: 3, role: 'owner' }), entry('assignment.ended', { personId: 4, role: 'owner' }, null), false],
    ['another role', entry('assignment.added', null, { personId: 3, role: 'owner' }), entry('assignment.added', null, { personId: 3, role: 'leader' }), false],
    ['removal touches everything', entry('task.status', null, { status: 'paused' }), entry('task.removed', {}, null), true],
    ['a report touches nothing', entry('task.status', null, { status: 'paused' }), entry('report.added', null, { status: 'done' }), false],
    ['an owner’s 已完成 touches the status an admin’s /done set (and an older /pause)', entry('task.lifecycle', { status: 'active' }, { status: 'closed', event: 'admin_done' }), entry('task.lifecycle', null, { status: 'done_pending', event: 'owner_done' }), true],
    ['a lifecycle change and an older status change', entry('task.status', null, { status: 'paused' }), entry('task.lifecycle', null, { status: 'active', event: 'resume' }), true],
    ['a lifecycle change is not a deadline', entry('task.lifecycle', null, { status: 'closed' }), entry('task.deadline', null, { deadline: 'b' }), false],
    ['a prototype name is just an action', entry('task.status', null, { status: 'paused' }), entry('constructor', null, null), false],
  ])('%s', (_name, a, b, same) => {
    expect(sameField(fieldsTouched(a), fieldsTouched(b))).toBe(same);
  });
});

describe('fieldsTouched: the keys of each action', () => {
  it.each<[string, unknown, unknown, string[]]>([
    ['task.deadline', null, { deadline: '2023-06-30' }, ['deadline']],
    // A target's position from its new state, else its old one (a target removed).
    ['task.target', { position: 2 }, { position: 1 }, ['target:1']],
    ['task.target', { position: 2 }, null, ['target:2']],
    ['task.target', { position: 0 }, { position: 0 }, ['target:0']],
    ['task.cadence', null, { cadence: 'monthly' }, ['cadence']],
    ['task.status', null, { status: 'paused' }, ['status']],
    ['task.lifecycle', null, { status: 'closed' }, ['status']],
    ['assignment.added', { personId: 9, role: 'leader' }, { personId: 3, role: 'owner' }, ['assignment:3:owner']],
    ['assignment.ended', { personId: 3, role: 'owner' }, { personId: 9, role: 'leader' }, ['assignment:3:owner']],
    ['task.reimported', {}, {}, ['deadline', 'target:*']],
    ['task.removed', {}, null, ['*']],
    ['report.added', null, { status: 'done' }, []],
  ])('%s (%j → %j) touches %j', (action, before, after, keys) => expect(fieldsTouched(entry(action, before, after))).toEqual(keys));
});

describe('readJson: an audit entry\'s before or after, an object or nothing', () => {
  it.each<[string | null, Record<string, unknown>]>([
    [null, {}],
    ['', {}],
    ['{"deadline":"2023-06-30"}', { deadline: '2023-06-30' }],
    ['not json', {}],
    ['[1,2]', {}],
    ['null', {}],
    ['7', {}],
    ['"text"', {}],
  ])('%j → %j', (text, json) => expect(readJson(text)).toEqual(json));
});

describe('sameField: any key of one list against any of the other', () => {
  it.each<[string[], string[], boolean]>([
    [['deadline', 'target:1'], ['target:1'], true],
    [['target:1'], ['cadence', 'target:1'], true],
    [['deadline', 'cadence'], ['status'], false],
    [[], ['*'], false],
    // 'target:*' covers every target, on either side, and nothing else.
    [['target:*'], ['target:3'], true],
    [['target:3'], ['target:*'], true],
    [['target:*'], ['deadline'], false],
    [['deadline'], ['target:*'], false],
    [['target:*'], ['assignment:3:owner'], false],
    [['assignment:3:owner'], ['target:*'], false],
    [['*'], ['assignment:3:owner'], true],
    [['cadence'], ['*'], true],
  ])('%j and %j: %s', (a, b, same) => expect(sameField(a, b)).toBe(same));
});
