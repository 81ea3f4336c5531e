/** The task-state engine: one pure place that decides a task's state for every channel. */
export { stateContext } from './context.js';
export { taskState } from './task-state.js';
export { lifecycleOf, lifecycleWord, transition, type LifecycleEvent } from './lifecycle.js';
export { amountWord, figureWord, roundForUnit, sharePercent, shareWord, unitDigits } from './amounts.js';
export { dateWord, fullDateWord, LIGHT_EMOJI, LIGHT_WORDS, PROGRESS_WORDS } from './words.js';
export type * from './types.js';
export { DEFAULT_STATE_SETTINGS, LIFECYCLES } from './types.js';
