import { describe, expect, it } from 'vitest';
import { lifecycleOf, transition, type LifecycleEvent } from '../../../bot/domain/task-state/lifecycle.js';
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
