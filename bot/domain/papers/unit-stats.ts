/**
 * Per lead unit (牵头单位) counts of overdue, unreported and blocked tasks, at several moments (the end
 * of each of the last weeks, and now): for admins only, never posted to a group (no ranking of units in
 * public). Pure: whether a task is overdue, blocked or unreported is the task-state engine's word.
 * A task's units are its 牵头单位 from the plan, else its owners' departments, else 「未明确牵头单位」.
 */
import type { TaskState } from '../task-state/types.js';

export const NO_UNIT = '未明确牵头单位';

export interface UnitTask {
  leadUnits: string[];
  ownerDepartments: string[];
  state: Pick<TaskState, 'reasons' | 'reporting' | 'lifecycle'>;
}

export interface UnitCounts {
  tasks: number;
  overdue: number;
  unreported: number;
  blocked: number;
}

export interface UnitMoment {
  /** 'YYYY-MM-DD' of the moment; the week's label 「第15周」. */
  date: string;
  label: string;
  tasks: UnitTask[];
}

export interface UnitRow {
  unit: string;
  /** One per moment, oldest first (the last is now). */
  counts: UnitCounts[];
}

export const unitsOf = (t: UnitTask): string[] => {
  const units = t.leadUnits.length ? t.leadUnits : [...new Set(t.ownerDepartments.filter((d) => d.trim()))];
  return units.length ? units : [NO_UNIT];
};

/** The engine's words for each count: the light's reasons and the period's reporting. */
export function countOf(t: UnitTask): Omit<UnitCounts, 'tasks'> {
  return {
    overdue: t.state.reasons.some((r) => r.kind === 'overdue') ? 1 : 0,
    unreported: t.state.reporting.reported === false ? 1 : 0,
    blocked: t.state.reasons.some((r) => r.kind === 'blocked') ? 1 : 0,
  };
}

/** Rows per unit over the moments, the units in the order the plan first names them. */
export function unitStats(moments: readonly UnitMoment[]): UnitRow[] {
  const order: string[] = [];
  const rows = new Map<string, UnitCounts[]>();
  moments.forEach((m, i) => {
    for (const t of m.tasks) {
      const c = countOf(t);
      for (const unit of unitsOf(t)) {
        if (!rows.has(unit)) {
          order.push(unit);
          rows.set(unit, moments.map(() => ({ tasks: 0, overdue: 0, unreported: 0, blocked: 0 })));
        }
        const at = rows.get(unit)![i]!;
        at.tasks += 1;
        at.overdue += c.overdue;
        at.unreported += c.unreported;
        at.blocked += c.blocked;
      }
    }
  });
  return order.map((unit) => ({ unit, counts: rows.get(unit)! }));
}
