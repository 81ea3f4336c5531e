/**
 * The ledger (台账) of a plan as an .xlsx workbook: 「任务台账」 (one row per task: its state at
 * `now` as the task-state engine decides it, its latest 批示 and its count of evidence), 「进展记录」
 * (every report), 「批示」 (every instruction made by `now`), 「佐证材料」 (every piece of evidence, where
 * it is kept), 「操作记录」 (the audit trail), 「牵头单位统计」 (per lead unit, over the last weeks) and
 * 「指标逐周数值」 (each target's value at the end of each week of the period), the history sheets complete whatever `now` is. Used by `workplan export`
 * (`--at`, default now) and the chat /export (the clock).
 */
import { shanghaiDate } from '../domain/calendar/shanghai-time.js';
import type { WorkCalendar } from '../domain/calendar/work-calendar.js';
import type { Db } from '../store/db.js';
import { evidenceCounts, planEvidence } from '../store/evidence.js';
import { loadLedgerRows } from '../store/ledger-rows.js';
import { loadCodeNamer } from '../store/plan-codes.js';
import { latestInstructions, planInstructions } from '../store/instructions.js';
import { loadTaskStates } from '../store/task-states.js';
import { instructionSheet } from './instruction-sheet.js';
import { evidenceSheet } from './evidence-sheet.js';
import { auditSheet, reportSheet } from './history-sheets.js';
import { taskSheet } from './task-sheet.js';
import { unitSheet } from './unit-sheet.js';
import { valuesSheet } from './values-sheet.js';
import { planWeeks } from '../domain/task-state/weekly-values.js';
import { loadUnitStats } from '../store/unit-stats.js';
import { writeWorkbook } from './write-workbook.js';

export { AUDIT_SHEET, REPORT_SHEET } from './history-sheets.js';
export { INSTRUCTION_SHEET } from './instruction-sheet.js';
export { EVIDENCE_SHEET } from './evidence-sheet.js';
export { TASK_SHEET } from './task-sheet.js';
export { UNIT_SHEET } from './unit-sheet.js';
export { VALUES_SHEET } from './values-sheet.js';

export interface LedgerOptions {
  planId: number;
  now: Date;
  calendar: WorkCalendar;
}

export interface Ledger {
  bytes: Buffer;
  /** A file name to offer, e.g. 「重庆市…2022年工作要点-台账-2022-04-15.xlsx」. */
  fileName: string;
  taskCount: number;
  reportCount: number;
}

export async function exportLedger(db: Db, opts: LedgerOptions): Promise<Ledger> {
  const rows = await loadLedgerRows(db, opts.planId);
  // The weekly values sheet reads each target's whole history, not only what the engine reads at `now`.
  const states = await loadTaskStates(db, { ...opts, values: 'all' });
  const latest = await latestInstructions(db, states.tasks.map((t) => t.id), opts.now);
  const counts = await evidenceCounts(db, states.tasks.map((t) => t.id), opts.now);
  const tasks = states.tasks.map((t) => ({ ...t, instruction: latest.get(t.id) ?? null, evidence: counts.get(t.id) ?? 0 }));
  // Codes as the plan's tasks show them everywhere else: one rule, read once (bot/domain/plan/plan-code.ts).
  const namer = await loadCodeNamer(db);
  const shown = (code: string) => namer(opts.planId, code);
  const sheets = [
    taskSheet({ tasks, sections: rows.plan.sections, today: states.ctx.today, periodStart: states.plan.periodStart }),
    reportSheet(rows, shown),
    instructionSheet(await planInstructions(db, opts.planId, opts.now), shown),
    evidenceSheet(await planEvidence(db, opts.planId), shown),
    auditSheet(rows, shown),
    unitSheet(await loadUnitStats(db, { ...opts, current: states })),
    valuesSheet({ tasks: states.tasks, weeks: planWeeks({ start: states.plan.periodStart, end: states.plan.periodEnd, now: opts.now }), planYear: states.plan.year }),
  ];
  const bytes = await writeWorkbook(sheets, { title: `${rows.plan.title} 台账`, at: opts.now });
  const fileName = `${rows.plan.title}-台账-${shanghaiDate(opts.now)}.xlsx`.replace(/[\\/:*?"<>|\s]+/g, '_');
  return { bytes, fileName, taskCount: states.tasks.length, reportCount: rows.reports.length };
}

/** The ledger's .xlsx bytes. */
export async function buildLedger(db: Db, opts: LedgerOptions): Promise<Buffer> {
  return (await exportLedger(db, opts)).bytes;
}
