import { describe, expect, it } from 'vitest';
import { fieldsTouched, sameField } from '../../../bot/domain/audit-fields.js';

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
