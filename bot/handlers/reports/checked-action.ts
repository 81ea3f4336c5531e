/**
 * A card action as one check and the work it allows. The fast answer runs the
 * check and shows its toast; the queued work runs it again (the world may have
 * moved in between) and does the work only when it still passes. So a toast
 * never says 「已记录」 for a click the work refuses.
 */
import type { Deps } from '../../deps.js';
import type { CardAction, Envelope } from '../../feishu/envelope.js';
import type { CardActionEntry } from '../types.js';

export type Toast = { toast: { type: 'success' | 'info' | 'error' | 'warning'; content: string } };
export type Refused = { ok: false; toast: Toast };
export type Verdict<P> = { ok: true; toast: Toast; plan: P } | Refused;
export type Check<P> = (deps: Deps, a: CardAction) => Promise<Verdict<P>>;

export const toast = (type: Toast['toast']['type'], content: string): Toast => ({ toast: { type, content } });
export const refuse = (why: string): Refused => ({ ok: false, toast: toast('error', why) });

/** `run` gets the click's envelope too: its event id names the click (what a job run twice records once). */
export function checkedAction<P>(check: Check<P>, run: (deps: Deps, a: CardAction, plan: P, envelope: Envelope) => Promise<void>): CardActionEntry {
  return {
    answer: async (deps, a) => (await check(deps, a)).toast,
    work: async (deps, a, envelope) => {
      const v = await check(deps, a);
      if (v.ok) await run(deps, a, v.plan, envelope);
      else deps.log.info({ operator: a.operator.open_id ?? null, why: v.toast.toast.content }, 'card click refused');
    },
  };
}
