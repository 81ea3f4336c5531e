/** What each column of a task decomposition table (任务分解表) holds, from its header. Pure. */
import { fieldOf } from './labels.js';

/** 'subsection': a column of merged cells that name the group of rows below (「（一）聚焦中心工作」). */
export type Column =
  | 'number' | 'task' | 'measures' | 'lead' | 'responsible' | 'collaborator' | 'deadline' | 'leader' | 'section' | 'subsection';

/** Header words per column, most specific first; unit and leader headers go through the label table. */
const COLUMN_WORDS: [Column, RegExp][] = [
  ['number', /^(序号|编号|序列|No\.?)$/i],
  ['collaborator', /(协同|配合|协办|参与)/],
  ['leader', /(领导|^责任人$|^负责人$)/],
  ['lead', /(牵头|主要责任|主办|主体)/],
  ['responsible', /(责任单位|责任科室|责任股室|责任部门|责任处室|责任主体|承办单位|实施单位)/],
  ['deadline', /(完成期限|完成时限|时间节点|完成时间|时限|期限|进度安排|时间安排)/],
  ['measures', /(具体措施|工作措施|主要措施|推进措施|工作举措|具体举措|主要举措|目标要求|工作目标|具体内容|主要内容|工作标准|具体任务|具体要求|工作要求|任务要求)/],
  ['task', /(重点工作任务|工作任务|主要任务|任务内容|工作内容|重点任务|任务名称|工作事项|重点工作|任务|事项)/],
  ['section', /(领域|类别|板块|方面|分类|项目类别)/],
];

export function columnOf(cell: string): Column | null {
  const c = cell.replace(/\s/g, '');
  if (!c || c.length > 16) return null;
  // A label's words name the column (「截止时间」「时间要求」 are deadlines too, which COLUMN_WORDS do not list).
  const field = fieldOf(c);
  if (field) return field;
  return COLUMN_WORDS.find(([, re]) => re.test(c))?.[0] ?? null;
}

/**
 * The header row: one that names a task column and another, or (「序号｜民生实事｜责任单位｜完成时限」) one that
 * names the number and who does it or by when, beside a column it does not name: that one holds the tasks.
 */
export function findHeaderRow(rows: string[][]): number {
  return rows.findIndex((r) => {
    const cols = r.map(columnOf);
    if (cols.includes('task')) return cols.filter(Boolean).length >= 2;
    // Stryker disable next-line EqualityOperator: with a number column the task column comes after it, never at 0
    return cols.includes('number') && cols.some((c) => c === 'lead' || c === 'responsible' || c === 'deadline') && unnamedTaskColumn(r, cols) >= 0;
  });
}

/** The first column after the number whose header is text the column words do not know (「2022年预期目标」). */
function unnamedTaskColumn(header: string[], cols: (Column | null)[]): number {
  // Stryker disable next-line EqualityOperator,StringLiteral: the number column itself is named (not null); header and cols are as long
  return cols.findIndex((c, i) => c === null && i > cols.indexOf('number') && /[\u4e00-\u9fff]/.test(header[i] ?? ''));
}

const NUMBER_CELL = /^[0-9０-９]{1,5}[.．、]?$/;
const SUBSECTION_CELL = /^[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)]/;

/**
 * The header's columns, with an unlabeled number column found from its cells (most cells below an
 * empty header are 1, 2, 3…), and a second task column read as the task's measures. A header cell merged
 * over two columns names only the first: when the 「工作任务」 column holds only numbers (1, 2, 3…) or only
 * the names of groups of rows (「（一）聚焦中心工作」), the tasks are in the 「具体要求」 column beside it.
 */
export function readColumns(header: string[], body: string[][]): Column[] {
  const columns = header.map(columnOf);
  if (!columns.includes('task')) {
    const unnamed = unnamedTaskColumn(header, columns);
    // Stryker disable next-line ConditionalExpression: columns[-1] is no column
    if (unnamed >= 0) columns[unnamed] = 'task';
  }
  const firstTask = columns.indexOf('task');
  columns.forEach((c, i) => {
    if (c === 'task' && i !== firstTask) columns[i] = 'measures';
  });
  const measures = columns.indexOf('measures');
  if (firstTask >= 0 && measures >= 0) {
    const rows = body.filter((r) => r.filter(Boolean).length >= 2);
    if (!columns.includes('number') && mostly(rows, firstTask, NUMBER_CELL)) {
      columns[firstTask] = 'number';
      columns[measures] = 'task';
    } else if (mostly(rows, firstTask, SUBSECTION_CELL)) {
      columns[firstTask] = 'subsection';
      columns[measures] = 'task';
    }
  }
  if (!columns.includes('number')) {
    // Stryker disable next-line OptionalChaining: columns come from the header, one per cell
    const blank = columns.findIndex((c, i) => c === null && !header[i]?.trim() && mostly(body, i, NUMBER_CELL));
    // Stryker disable next-line ConditionalExpression: columns[-1] is no column
    if (blank >= 0) columns[blank] = 'number';
  }
  return columns as Column[];
}

/** Whether most of the column's filled cells (six in ten) look like `re`. */
function mostly(rows: string[][], i: number, re: RegExp): boolean {
  let filled = 0;
  let matching = 0;
  for (const r of rows) {
    const c = r[i] ?? '';
    if (!c) continue;
    filled++;
    if (re.test(c)) matching++;
  }
  return filled > 0 && matching * 10 >= filled * 6;
}
