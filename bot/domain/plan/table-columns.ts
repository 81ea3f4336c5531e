/** What each column of a task decomposition table (任务分解表) holds, from its header. Pure. */
import { fieldOf } from './labels.js';

export type Column =
  | 'number' | 'task' | 'measures' | 'lead' | 'responsible' | 'collaborator' | 'deadline' | 'leader' | 'section';

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
  const field = fieldOf(c);
  if (field && field !== 'deadline') return field;
  return COLUMN_WORDS.find(([, re]) => re.test(c))?.[0] ?? null;
}

export function findHeaderRow(rows: string[][]): number {
  return rows.findIndex((r) => {
    const cols = r.map(columnOf);
    return cols.includes('task') && cols.filter(Boolean).length >= 2;
  });
}

const NUMBER_CELL = /^[0-9０-９]{1,5}[.．、]?$/;

/**
 * The header's columns, with an unlabeled number column found from its cells (most cells below an
 * empty header are 1, 2, 3…), and a second task column read as the task's measures.
 */
export function readColumns(header: string[], body: string[][]): Column[] {
  const columns = header.map(columnOf);
  const firstTask = columns.indexOf('task');
  columns.forEach((c, i) => {
    if (c === 'task' && i !== firstTask) columns[i] = 'measures';
  });
  if (!columns.includes('number')) {
    const blank = columns.findIndex((c, i) => c === null && !header[i]?.trim() && mostlyNumbers(body, i));
    if (blank >= 0) columns[blank] = 'number';
  }
  return columns as Column[];
}

function mostlyNumbers(rows: string[][], i: number): boolean {
  let filled = 0;
  let numbers = 0;
  for (const r of rows) {
    const c = r[i] ?? '';
    if (!c) continue;
    filled++;
    if (NUMBER_CELL.test(c)) numbers++;
  }
  return filled > 0 && numbers * 10 >= filled * 6;
}
