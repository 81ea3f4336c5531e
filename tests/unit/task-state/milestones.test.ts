/** The engine's next milestone (时间节点): the earliest open step of an active task, with working days to it. */
import { describe, expect, it } from 'vitest';
import { taskState } from '../../../bot/domain/task-state/task-state.js';
import { nextMilestonePhrase, phraseText } from '../../../bot/domain/task-state/phrases.js';
import { taskStateJson } from '../../../bot/domain/task-state/state-json.js';
import { at, ctxAt, task } from './helpers.js';

const NOW = '2022-06-13T10:00:00';
const steps = [
  { id: 3, due: '2022-09-30', text: '三季度完成验收', doneAt: null },
  { id: 1, due: '2022-06-30', text: '6月底前完成评估', doneAt: null },
  { id: 2, due: '2022-05-31', text: '5月底前完成方案', doneAt: null },
];
const next = (o: Parameters<typeof task>[0], now = NOW) => taskState(task(o), ctxAt(now)).nextMilestone;

describe('nextMilestone', () => {
  it.each([
    ['no milestones', {}, null],
    ['the earliest open one, overdue as it is', { milestones: steps }, { id: 2, due: '2022-05-31', workdaysLeft: -8 }],
    ['the earliest once the overdue one is done', { milestones: steps.map((m) => (m.id === 2 ? { ...m, doneAt: at('2022-06-01') } : m)) }, { id: 1, due: '2022-06-30', workdaysLeft: 13 }],
    ['a done mark made after now does not count yet', { milestones: steps.map((m) => (m.id === 2 ? { ...m, doneAt: at('2022-07-01') } : m)) }, { id: 2 }],
    ['all done', { milestones: steps.map((m) => ({ ...m, doneAt: at('2022-06-01') })) }, null],
    ['a paused task states none', { lifecycle: 'paused' as const, milestones: steps }, null],
    ['a task reported done states none', { lifecycle: 'done_pending' as const, milestones: steps }, null],
  ])('%s', (_what, o, want) => {
    const got = next(o);
    if (want === null) expect(got).toBeNull();
    else expect(got).toMatchObject(want);
  });

  it('reads 「6月30日 6月底前完成评估（还剩 13 个工作日）」', () => {
    const m = next({ milestones: steps.filter((s) => s.id !== 2) })!;
    expect(phraseText(nextMilestonePhrase(m, '2022-06-13'))).toBe('6月30日 6月底前完成评估（还剩 13 个工作日）');
    expect(phraseText(nextMilestonePhrase(m, null))).toBe('2022年6月30日 6月底前完成评估（还剩 13 个工作日）');
  });
});

describe('the documented JSON (status --json, digest --preview --json)', () => {
  it('carries the next milestone as the engine states it, or null', () => {
    const json = (o: Parameters<typeof task>[0]) => taskStateJson({ code: '7', title: 't', owners: [], state: taskState(task(o), ctxAt(NOW)) }).nextMilestone;
    expect(json({ milestones: steps })).toEqual({ due: '2022-05-31', text: '5月底前完成方案' });
    expect(json({})).toBeNull();
  });
});
