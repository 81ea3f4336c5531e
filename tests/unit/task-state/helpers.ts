/** Builders for the task-state engine's tables: a task, a target, a report, a context. */
import { chineseWorkCalendar } from '../../../bot/domain/calendar/chinese-calendar.js';
import { stateContext } from '../../../bot/domain/task-state/context.js';
import type { PlanPeriod, StateContext, StateReport, StateTarget, TaskStateInput } from '../../../bot/domain/task-state/types.js';

export const at = (local: string) => new Date(`${local.length === 10 ? `${local}T10:00:00` : local}+08:00`);
export const YEAR: PlanPeriod = { start: '2022-01-01', end: '2022-12-31' };
const calendar = chineseWorkCalendar();

export function ctxAt(local: string, plan: PlanPeriod = YEAR): StateContext {
  return stateContext({ now: at(local), plan, calendar });
}

export function target(o: Partial<Omit<StateTarget, 'history'>> & { history?: [string, number][] } = {}): StateTarget {
  const { history, ...rest } = o;
  return {
    id: 1, label: '有效期高企', value: 140, unit: '家', comparator: 'at_least', kind: 'level', baseline: null, paceNote: null,
    ...rest,
    history: (history ?? []).map(([when, value]) => ({ value, at: at(when) })),
  };
}

let ids = 0;
export function report(when: string, o: Partial<StateReport> = {}): StateReport {
  return { id: ++ids, personId: 1, status: null, percent: null, period: '', createdAt: at(when), rawText: '', returned: false, ...o };
}

export function task(o: Partial<TaskStateInput> = {}): TaskStateInput {
  return {
    id: 7, lifecycle: 'active', deadline: '2022-12-31', plannedDeadline: null, startDate: null, cadence: 'weekly', lifecycleSince: null,
    targets: [], reports: [], owners: [{ personId: 1, name: '张敏', leave: [] }], askedPeriods: [], extensionRequests: [], milestones: [], snoozes: [],
    ...o,
  };
}
