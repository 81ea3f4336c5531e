/**
 * The ledger's 「指标逐周数值」 sheet: one row per numeric target (指标) — task code, task, the target as the
 * plan states it, unit, goal — and one column per ISO week of the plan's period up to the ledger's moment,
 * holding the value as it stood at that week's end (the engine's weeklyValues); blank before the first
 * report. Pure.
 */
import { describeTarget } from '../domain/plan/describe.js';
import type { StateTarget } from '../domain/task-state/types.js';
import { weeklyValues, type ValueWeek } from '../domain/task-state/weekly-values.js';
import type { Cell, Column, SheetSpec } from './write-workbook.js';

export const VALUES_SHEET = '指标逐周数值';

export interface ValuesTask {
  code: string;
  /** The code as the plan-code rule shows it (「2022-7」 while several plans are in force). */
  shownCode: string;
  title: string;
  input: { targets: StateTarget[] };
}

const monthDay = (date: string) => `${Number(date.slice(5, 7))}/${Number(date.slice(8, 10))}`;

/** 「第14周（4/4–4/10）」; a week of another ISO year names it: 「2021年第52周（12/27–1/2）」. */
export function weekHeader(w: ValueWeek, planYear: number): string {
  return `${w.year === planYear ? '' : `${w.year}年`}第${w.week}周（${monthDay(w.monday)}–${monthDay(w.sunday)}）`;
}

export function valuesSheet(o: { tasks: ValuesTask[]; weeks: ValueWeek[]; planYear: number }): SheetSpec {
  const columns: Column[] = [
    { header: '编号', width: 6 }, { header: '任务名称', width: 22 }, { header: '指标', width: 28 }, { header: '单位', width: 8 }, { header: '目标值', width: 10 },
    ...o.weeks.map((w) => ({ header: weekHeader(w, o.planYear), width: 12 })),
  ];
  const rows: Cell[][] = o.tasks.flatMap((t) =>
    t.input.targets.map((g) => [t.shownCode, t.title, describeTarget(g), g.unit, g.value, ...weeklyValues(g, o.weeks)]),
  );
  return { name: VALUES_SHEET, columns, rows };
}
