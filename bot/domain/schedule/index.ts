/** The schedule domain: when each nudge (催办) is due. Pure; time is always an argument. */
export { dueNudges } from './due-nudges.js';
export type { DueResult } from './due-nudges.js';
export { nextNudgeAt } from './next-nudge.js';
export { lastWorkdayOfWeek, periodOf } from './periods.js';
export type { Period } from './periods.js';
export { isQuiet, nextAllowedMoment } from './quiet-hours.js';
export { DEFAULT_SCHEDULE, checkSettings } from './settings.js';
export type { Cadence, FollowupDay, PeriodCadence, ScheduleSettings } from './settings.js';
export { spreadByPerson } from './send-order.js';
export { nudgeKey } from './types.js';
export type { DueNudge, NudgeLevel, PersonForSchedule, TaskForSchedule, ScheduleLifecycle } from './types.js';
