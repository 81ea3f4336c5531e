/** Task decomposition tables (任务分解表) from .csv/.tsv/.xlsx/.docx. Pure. */
import { assignCodes } from './assign-codes.js';
import { buildTask, type TaskDraft } from './build-task.js';
import type { Period } from './dates.js';
import { readHeader } from './header.js';
import { formatCount, LIMITS } from './limits.js';
import { checkTaskCount } from './limits-check.js';
import { parseChineseNumeral, toAsciiDigits } from './numerals.js';
import { splitNames } from './parties.js';
import { PlanError, type ParsedPlan, type ParsedSection } from './types.js';

type Column = 'number' | 'task' | 'measures' | 'lead' | 'collaborator' | 'deadline' | 'leader' | 'section';

/** Header words per column, most specific first. */
const COLUMN_WORDS: [Column, RegExp][] = [
  ['number', /^(序号|编号|序列|No\.?)$/i],
  ['collaborator', /(协同|配合|协办|参与)/],
  ['leader', /(责任领导|分管领导|牵头领导|领导)/],
  ['lead', /(责任单位|牵头单位|牵头科室|责任科室|责任股室|牵头部门|责任部门|主办单位|责任处室|主体)/],
  ['deadline', /(完成期限|完成时限|时间节点|完成时间|时限|期限|进度安排)/],
  ['measures', /(具体措施|工作措施|主要措施|推进措施|工作举措|目标要求|工作目标|具体内容|主要内容|工作标准)/],
  ['task', /(重点工作任务|工作任务|主要任务|任务内容|工作内容|重点任务|任务名称|工作事项|重点工作|任务)/],
  ['section', /(领域|类别|板块|方面|分类|项目类别)/],
];

export function columnOf(cell: string): Column | null {
  const c = cell.replace(/\s/g, '');
  if (!c || c.length > 16) return null;
  return COLUMN_WORDS.find(([, re]) => re.test(c))?.[0] ?? null;
}

export function findHeaderRow(rows: string[][]): number {
  return rows.findIndex((r) => {
    const cols = r.map(columnOf);
    return cols.includes('task') && cols.filter(Boolean).length >= 2;
  });
}

const SECTION_CELL = /^([一二三四五六七八九十]{1,3})\s*[、.．]?\s*(.*)$/;

export function parseTable(rows: string[][], preface: string[], name: string, fallbackYear: number): ParsedPlan {
  const clean = rows.map((r) => r.map((c) => (c ?? '').replace(/\r\n?/g, '\n').trim()));
  const headerIdx = findHeaderRow(clean);
  if (headerIdx < 0) {
    throw new PlanError('表格中没有找到表头：需要一行包含「序号」「重点工作任务」「主要责任单位」「完成期限」等列名。');
  }
  const columns = clean[headerIdx]!.map(columnOf);
  const col = (c: Column) => columns.indexOf(c);
  const titleLines = [...preface, ...clean.slice(0, headerIdx).map((r) => r.filter(Boolean).join(' '))];
  const { header, warnings } = readHeader({ head: titleLines, tail: [], name, fallbackYear });
  const period: Period = { year: header.year, end: header.periodEnd };

  const sections: ParsedSection[] = [];
  // The first section with an ordinal → its 1-based place, and with a title → its ordinal: one lookup per row.
  const place = new Map<string, number>();
  const byTitle = new Map<string, string>();
  const addSection = (s: ParsedSection) => {
    sections.push(s);
    if (!place.has(s.ordinal)) place.set(s.ordinal, sections.length);
    if (!byTitle.has(s.title)) byTitle.set(s.title, s.ordinal);
  };
  const drafts: (TaskDraft & { path: number[]; value: number })[] = [];
  let current: string | null = null;
  let seq = 0;
  const cell = (r: string[], c: Column) => (col(c) >= 0 ? r[col(c)] ?? '' : '');

  for (const [i, row] of clean.entries()) {
    if (i <= headerIdx) continue;
    if (row.every((c) => !c)) continue;
    const num = cell(row, 'number');
    const task = cell(row, 'task');
    const filled = row.filter(Boolean).length;
    const secByNum = num.match(/^([一二三四五六七八九十]{1,3})[、.．]?$/);
    const secByTask = filled === 1 ? (task || row.find(Boolean) || '').match(SECTION_CELL) : null;
    if (secByNum || secByTask) {
      const ordinal = secByNum ? secByNum[1]! : secByTask![1]!;
      const title = (secByNum ? task || row.filter(Boolean).slice(1).join('') : secByTask![2]!).replace(/^[、.．\s]+/, '');
      current = ordinal;
      addSection({ ordinal, title, parent: null });
      continue;
    }
    const sectionName = cell(row, 'section');
    if (sectionName && !byTitle.has(sectionName)) {
      const ordinal = String(sections.length + 1);
      addSection({ ordinal, title: sectionName, parent: null });
      current = ordinal;
    } else if (sectionName) {
      current = byTitle.get(sectionName)!;
    }
    if (!task) continue;
    seq++;
    checkTaskCount(seq);
    const parsedNum = Number(toAsciiDigits(num).replace(/[.．、]$/, ''));
    const value = Number.isInteger(parsedNum) && parsedNum > 0 ? parsedNum : (parseChineseNumeral(num) ?? seq);
    if (value > LIMITS.taskNumber) {
      throw new PlanError(`表格第${i + 1}行的序号「${num.slice(0, 12)}」超出了任务编号的上限（${formatCount(LIMITS.taskNumber)}）：请检查序号。`);
    }
    const measures = cell(row, 'measures');
    drafts.push({
      code: '',
      number: value,
      section: current,
      text: [task, measures].filter(Boolean).join('\n'),
      extra: {
        lead: splitNames(cell(row, 'lead')),
        collaborator: splitNames(cell(row, 'collaborator')),
        leader: splitNames(cell(row, 'leader')),
        deadline: cell(row, 'deadline') ? [cell(row, 'deadline')] : [],
      },
      path: current ? [place.get(current) ?? 0] : [],
      value,
    });
  }
  if (!drafts.length) throw new PlanError('表格中没有任务行：表头下方没有填写「重点工作任务」的行。');
  const codes = assignCodes(drafts.map((d) => ({ path: d.path, number: d.value })));
  return {
    plan: header,
    sections,
    tasks: drafts.map((d, i) => buildTask({ ...d, code: codes[i]! }, period, warnings)),
    warnings,
  };
}
