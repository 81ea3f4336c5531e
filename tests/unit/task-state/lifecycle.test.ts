import { describe, expect, it } from 'vitest';
import { lifecycleOf, lifecycleWord, transition, type LifecycleEvent } from '../../../bot/domain/task-state/lifecycle.js';
import type { Lifecycle } from '../../../bot/domain/task-state/types.js';

const EVENTS: LifecycleEvent[] = ['owner_done', 'confirm', 'return', 'admin_done', 'pause', 'resume', 'reopen'];
// Every lifecycle × event: where it leads, or null when refused.
const TABLE: Record<Lifecycle, Record<LifecycleEvent, Lifecycle | null>> = {
  active: { owner_done: 'done_pending', confirm: null, return: null, admin_done: 'closed', pause: 'paused', resume: null, reopen: null },
  done_pending: { owner_done: null, confirm: 'closed', return: 'active', admin_done: 'closed', pause: null, resume: null, reopen: 'active' },
  closed: { owner_done: null, confirm: null, return: null, admin_done: null, pause: null, resume: null, reopen: 'active' },
  paused: { owner_done: null, confirm: null, return: null, admin_done: 'closed', pause: null, resume: 'active', reopen: null },
};

describe('lifecycle transitions', () => {
  for (const [from, row] of Object.entries(TABLE) as [Lifecycle, Record<LifecycleEvent, Lifecycle | null>][]) {
    for (const event of EVENTS) {
      const want = row[event];
      it(`${from} + ${event} → ${want ?? 'refused'}`, () => {
        const t = transition(from, event);
        if (want === null) {
          expect(t.ok).toBe(false);
          expect(t.ok ? '' : t.why).toMatch(/任务|办结/);
        } else expect(t).toEqual({ ok: true, to: want });
      });
    }
  }

  it.each([
    ['done', 'closed'], ['closed', 'closed'], ['done_pending', 'done_pending'], ['paused', 'paused'], ['active', 'active'], ['removed', 'active'], ['', 'active'],
  ])('a stored %j reads as %s', (stored, want) => expect(lifecycleOf(stored)).toBe(want));
});

describe('refusals say why, in the task’s own words', () => {
  it.each<[Lifecycle, LifecycleEvent, string]>([
    ['active', 'confirm', '任务进行中，没有待确认的完成'],
    ['active', 'return', '任务进行中，没有待确认的完成'],
    ['active', 'resume', '任务进行中，无需恢复'],
    ['active', 'reopen', '任务进行中，无需重新打开'],
    ['done_pending', 'owner_done', '任务待确认办结，无需再报完成'],
    ['done_pending', 'pause', '任务待确认办结，不能暂停'],
    ['done_pending', 'resume', '任务待确认办结，无需恢复'],
    ['closed', 'owner_done', '任务已办结，无需再报完成'],
    ['closed', 'confirm', '任务已办结'],
    ['closed', 'return', '任务已办结，如需继续请先重新打开'],
    ['closed', 'admin_done', '任务已办结'],
    ['closed', 'pause', '任务已办结，不能暂停'],
    ['closed', 'resume', '任务已办结，无需恢复'],
    ['paused', 'owner_done', '任务已暂停，无需再报完成'],
    ['paused', 'confirm', '任务已暂停，没有待确认的完成'],
    ['paused', 'return', '任务已暂停，没有待确认的完成'],
    ['paused', 'pause', '任务已暂停，不能暂停'],
    ['paused', 'reopen', '任务已暂停，无需重新打开'],
  ])('%s + %s: 「%s」', (from, event, why) => expect(transition(from, event)).toEqual({ ok: false, why }));

  it.each<[Lifecycle, string]>([['active', '进行中'], ['done_pending', '待确认办结'], ['closed', '已办结'], ['paused', '已暂停']])(
    '%s is 「%s」',
    (l, word) => expect(lifecycleWord(l)).toBe(word),
  );
});
