/**
 * Bounds on a table read from a file (.xlsx, .csv/.tsv, a .docx table): the
 * last row and column with content and the number of cells with content,
 * each refused with a Chinese PlanError naming the limit and the cell.
 */
import { formatCount, LIMITS } from '../domain/plan/limits.js';
import { PlanError } from '../domain/plan/types.js';

/** 1 → 「A」, 16384 → 「XFD」. */
export function columnName(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** 「XFD」 → 16384; NaN when it is not a column name. */
export function columnNumber(letters: string): number {
  if (!/^[A-Z]{1,3}$/.test(letters)) return NaN;
  let n = 0;
  for (const c of letters) n = n * 26 + c.charCodeAt(0) - 64;
  return n;
}

/** How a cell is named to the user: 「第3行XFD列」 in a sheet, 「第3行第120列」 in a text table. */
export type CellNaming = 'letters' | 'numbers';

export function cellName(row: number, col: number, naming: CellNaming): string {
  return naming === 'letters' ? `第${row}行${columnName(col)}列` : `第${row}行第${col}列`;
}

/** Counts the cells with content of one table and refuses the one past a limit. */
export class TableBounds {
  private cells = 0;

  constructor(private readonly naming: CellNaming) {}

  /** A cell with content at 1-based `row`, `col`. */
  cell(row: number, col: number): void {
    if (row > LIMITS.rows) {
      throw new PlanError(
        `表格过长：${cellName(row, col, this.naming)}还有内容，超出了 ${formatCount(LIMITS.rows)} 行的上限。请删去多余的行后重新导入。`,
      );
    }
    if (col > LIMITS.columns) {
      const limit = this.naming === 'letters' ? `${LIMITS.columns} 列（到${columnName(LIMITS.columns)}列）` : `${LIMITS.columns} 列`;
      throw new PlanError(`表格过宽：${cellName(row, col, this.naming)}还有内容，超出了 ${limit}的上限。请删去多余的列或其中的内容后重新导入。`);
    }
    if (++this.cells > LIMITS.cells) {
      throw new PlanError(
        `表格内容过多：有内容的单元格超过 ${formatCount(LIMITS.cells)} 个（数到${cellName(row, col, this.naming)}）。请删去与工作任务无关的内容后重新导入。`,
      );
    }
  }
}

/** Rows of cells (sparse, 1-based positions) → a rectangle of strings, as wide as the widest row. */
export function toRectangle(sparse: string[][]): string[][] {
  let width = 0;
  for (const row of sparse) if (row) width = Math.max(width, row.length);
  const out: string[][] = [];
  for (let r = 0; r < sparse.length; r++) {
    const row = sparse[r];
    const full = new Array<string>(width);
    for (let c = 0; c < width; c++) full[c] = row?.[c] ?? '';
    out.push(full);
  }
  return out;
}
