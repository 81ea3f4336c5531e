/**
 * A units-only task decomposition table (任务分解表: 任务编号, 牵头科室, 配合科室, 分管领导) read from disk, as
 * bot/domain/plan/units-table.ts reads it; .csv, .tsv, .xlsx, a tab-separated .txt or a table in .docx.
 */
import { readUnitsTable, type UnitsRow } from '../domain/plan/units-table.js';
import { readPlanFile } from './read-plan-file.js';

export async function readUnitsFile(path: string): Promise<UnitsRow[]> {
  const source = await readPlanFile(path);
  const rows = source.kind === 'table' ? source.rows : source.text.replace(/^\uFEFF/, '').split(/\r?\n/).map((l) => l.split('\t'));
  return readUnitsTable(rows);
}
