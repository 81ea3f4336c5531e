/**
 * A units-only task decomposition table (任务分解表) as bureaus attach it to a 工作要点: one row per task number
 * with its lead unit (牵头科室), collaborators (配合科室) and leader (分管领导), and no task text. It merges onto a
 * parsed plan by task number, filling the tasks' parties the way the plan's own annotations do (readField,
 * settleUnits), so the owner proposal (issue #23) has units to match. Every problem is listed at once; nothing
 * merges unless the whole table is good. Pure.
 */
import { columnOf, type Column } from './table-columns.js';
import { emptyAnnotations, readField, settleUnits } from './parties.js';
import { PlanError, type ParsedPlan, type ParsedTask } from './types.js';

export interface UnitsRow {
  /** 1-based row of the table, for messages. */
  line: number;
  code: string;
  leadUnits: string[];
  collaborators: string[];
  leaders: string[];
}

const CODE_HEADER = /^(任务编号|任务序号|序号|编号|任务号)$/;
const PARTY_COLUMNS: Column[] = ['lead', 'responsible', 'collaborator', 'leader'];
const MAX_ROWS = 2000;

function headerColumns(row: string[]): (Column | null)[] {
  return row.map((c) => (CODE_HEADER.test(c.replace(/\s/g, '')) ? 'number' : columnOf(c)));
}

/** Whether the table is a units table: a header with the task number and a party column, and no task text column. */
export function isUnitsTable(rows: string[][]): boolean {
  return unitsHeaderRow(rows) >= 0;
}

function unitsHeaderRow(rows: string[][]): number {
  return rows.slice(0, 10).findIndex((r) => {
    const cols = headerColumns(r);
    return cols.includes('number') && cols.some((c) => c !== null && PARTY_COLUMNS.includes(c)) && !cols.some((c) => c === 'task' || c === 'measures');
  });
}

/** The table's rows, each task number once; a table that is not a units table is a PlanError naming the columns it needs. */
export function readUnitsTable(rows: string[][]): UnitsRow[] {
  const at = unitsHeaderRow(rows);
  if (at < 0) throw new PlanError('任务分解表需要表头：任务编号，以及牵头科室、配合科室、分管领导中的至少一列（不含任务内容列）。');
  const cols = headerColumns(rows[at]!);
  const body = rows.slice(at + 1).map((r, i) => ({ r, line: at + i + 2 })).filter(({ r }) => r.some((c) => c.trim()));
  if (body.length > MAX_ROWS) throw new PlanError(`任务分解表最多 ${MAX_ROWS} 行，这份有 ${body.length} 行。`);
  const problems: string[] = [];
  const seen = new Map<string, number>();
  const out: UnitsRow[] = [];
  for (const { r, line } of body) {
    const a = emptyAnnotations();
    let code = '';
    cols.forEach((col, i) => {
      const cell = (r[i] ?? '').trim();
      if (col === 'number') code = cell.replace(/[.．、]$/, '');
      else if (col === 'lead' || col === 'responsible' || col === 'collaborator' || col === 'leader') readField(col, cell, a);
    });
    if (!code) {
      problems.push(`第 ${line} 行：没有任务编号`);
      continue;
    }
    const earlier = seen.get(code);
    if (earlier) {
      problems.push(`第 ${line} 行：任务编号 ${code} 与第 ${earlier} 行重复`);
      continue;
    }
    seen.set(code, line);
    const units = settleUnits(a);
    out.push({ line, code, leadUnits: units.lead, collaborators: units.collaborator, leaders: a.leader });
  }
  if (problems.length) throw new PlanError(`任务分解表有 ${problems.length} 处问题：\n${problems.slice(0, 20).join('\n')}`);
  return out;
}

/**
 * The plan with the table's units as its tasks' parties: a task the table names takes the table's lead units,
 * collaborators and leaders in place of the plan's own where the table fills that column (the plan's are kept
 * where the row leaves it empty); a number the plan lacks is a PlanError listing every such row.
 */
export function mergeUnits(plan: ParsedPlan, units: UnitsRow[]): ParsedPlan {
  const codes = new Set(plan.tasks.map((t) => t.code));
  const unknown = units.filter((u) => !codes.has(u.code));
  if (unknown.length) {
    throw new PlanError(`任务分解表中有计划里没有的任务编号：${unknown.slice(0, 20).map((u) => `第 ${u.line} 行「${u.code}」`).join('、')}。请核对编号后重新导入。`);
  }
  const byCode = new Map(units.map((u) => [u.code, u]));
  return {
    ...plan,
    tasks: plan.tasks.map((t) => {
      const u = byCode.get(t.code);
      return u ? { ...t, ...partiesByRole(u, t) } : t;
    }),
  };
}

/** A task's lead units, collaborators and leaders. */
export type Parties = Pick<ParsedTask, 'leadUnits' | 'collaborators' | 'leaders'>;

/** `first`'s parties role by role; a role `first` leaves empty is taken whole from `otherwise`. */
export function partiesByRole(first: Parties, otherwise: Parties): Parties {
  const or = (a: string[], b: string[]) => (a.length ? a : b);
  return { leadUnits: or(first.leadUnits, otherwise.leadUnits), collaborators: or(first.collaborators, otherwise.collaborators), leaders: or(first.leaders, otherwise.leaders) };
}
