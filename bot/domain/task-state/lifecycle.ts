/**
 * A task's life (交办 → 承办 → 报完成 → 审核 → 办结): which lifecycle an event leads to. Pure.
 * An owner's 「已完成」 (button, form or words) asks for confirmation (done_pending), which stops
 * its check-ins and deadline ladder at once; the leader (or an admin) confirms (closed) or returns
 * it with a reason (active). An admin's /done closes at once; /pause and /resume set it aside and
 * back; a closed or pending task can be reopened. Anything else is refused with the reason.
 */
import type { Lifecycle } from './types.js';

export type LifecycleEvent = 'owner_done' | 'confirm' | 'return' | 'admin_done' | 'pause' | 'resume' | 'reopen';

export type Transition = { ok: true; to: Lifecycle } | { ok: false; why: string };

const WORDS: Record<Lifecycle, string> = { active: '进行中', done_pending: '待确认办结', closed: '已办结', paused: '已暂停' };

export function lifecycleWord(l: Lifecycle): string {
  return WORDS[l];
}

export function transition(from: Lifecycle, event: LifecycleEvent): Transition {
  const to = (l: Lifecycle): Transition => ({ ok: true, to: l });
  const no = (why: string): Transition => ({ ok: false, why });
  switch (event) {
    case 'owner_done':
      return from === 'active' ? to('done_pending') : no(`任务${WORDS[from]}，无需再报完成`);
    case 'confirm':
      return from === 'done_pending' ? to('closed') : no(from === 'closed' ? '任务已办结' : `任务${WORDS[from]}，没有待确认的完成`);
    case 'return':
      return from === 'done_pending' ? to('active') : no(from === 'closed' ? '任务已办结，如需继续请先重新打开' : `任务${WORDS[from]}，没有待确认的完成`);
    case 'admin_done':
      return from === 'closed' ? no('任务已办结') : to('closed');
    case 'pause':
      return from === 'active' ? to('paused') : no(`任务${WORDS[from]}，不能暂停`);
    case 'resume':
      return from === 'paused' ? to('active') : no(`任务${WORDS[from]}，无需恢复`);
    case 'reopen':
      return from === 'closed' || from === 'done_pending' ? to('active') : no(`任务${WORDS[from]}，无需重新打开`);
  }
}

/** A stored status as a lifecycle: the old 'done' is 'closed'; anything unknown reads as active. */
export function lifecycleOf(stored: string): Lifecycle {
  if (stored === 'done') return 'closed';
  return stored === 'done_pending' || stored === 'closed' || stored === 'paused' ? stored : 'active';
}
