/** Task decomposition tables (任务分解表) from .csv/.tsv/.xlsx/.docx. Pure. */
import { assignCodes } from './assign-codes.js';
import { buildTask, taskMemo, type TaskDraft } from './build-task.js';
import { periodFor } from './dates.js';
import { readHeader } from './header.js';
import { formatCount, LIMITS } from './limits.js';
import { checkTaskCount } from './limits-check.js';
import { parseChineseNumeral, toAsciiDigits } from './numerals.js';
import { emptyAnnotations, readField, type AnnotationField, type Annotations } from './parties.js';
import { findHeaderRow, readColumns, type Column } from './table-columns.js';
import { PlanError, type ParsedPlan, type ParsedSection } from './types.js';

export { columnOf, findHeaderRow } from './table-columns.js';

/**
 * A row of its own that opens a section: 「一、科技创新」, 「二 人才引育」, 「三」. The ordinal ends at a mark, a space or
 * the cell's end, so a task row that begins with a numeral (「十四五科技规划编制」, 「一网通办」) is no section.
 */
const SECTION_CELL = /^([一二三四五六七八九十]{1,3})(?:\s*[、.．]|\s|$)\s*(.*)$/;
const SUBSECTION_CELL = /^[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)]\s*[、.．]?\s*(.*)$/;

export function parseTable(rows: string[][], preface: string[], name: string, fallbackYear: number): ParsedPlan {
  const clean = rows.map((r) => r.map((c) => (c ?? '').replace(/\r\n?/g, '\n').trim()));
  const headerIdx = findHeaderRow(clean);
  if (headerIdx < 0) {
    throw new PlanError('表格中没有找到表头：需要一行包含「序号」「重点工作任务」「主要责任单位」「完成期限」等列名。');
  }
  const columns = readColumns(clean[headerIdx]!, clean.slice(headerIdx + 1));
  const col = (c: Column) => columns.indexOf(c);
  const titleLines = [...preface, ...clean.slice(0, headerIdx).map((r) => r.filter(Boolean).join(' '))];
  const body = clean.slice(headerIdx + 1).map((r) => r.join(' '));
  const { header, warnings } = readHeader({ head: titleLines, tail: [], name, body, fallbackYear });
  const period = periodFor(header);

  const sections: ParsedSection[] = [];
  // The first section with an ordinal → its 1-based place, and with a title → its ordinal: one lookup per row.
  const place = new Map<string, number>();
  const byTitle = new Map<string, string>();
  const addSection = (s: ParsedSection) => {
    sections.push(s);
    if (!place.has(s.ordinal)) place.set(s.ordinal, sections.length);
    if (!byTitle.has(s.title)) byTitle.set(s.title, s.ordinal);
  };
  type Draft = TaskDraft & { extra: Annotations; path: number[]; value: number; follows: number };
  const drafts: Draft[] = [];
  let lastNumbered = -1;
  let group: { name: string; extra: Annotations } | null = null;
  let current: string | null = null;
  // The section a sub-section row 「（一）…」 opens under, and how many it has opened there.
  let parent: string | null = null;
  let subs = 0;
  const openSubsection = (m: RegExpMatchArray) => {
    subs++;
    current = parent ? `${parent}（${m[1]}）` : m[1]!;
    addSection({ ordinal: current, title: m[2]!.trim(), parent });
  };
  let seq = 0;
  const fields = cellFields();
  const memo = taskMemo();
  const cell = (r: string[], c: Column) => (col(c) >= 0 ? r[col(c)] ?? '' : '');

  // Each row's fields and measures come from these columns, in order.
  const fieldColumns = columns.flatMap((c, k) => (c === 'lead' || c === 'responsible' || c === 'collaborator' || c === 'leader' || c === 'deadline' ? [{ c, k }] : []));
  const measureColumns = columns.flatMap((c, k) => (c === 'measures' ? [k] : []));
  /** What a row's field cells give: units, leaders, deadlines. */
  const rowFields = (row: string[]) => {
    const got = emptyAnnotations();
    for (const { c, k } of fieldColumns) fields.read(c, row[k] ?? '', got);
    return got;
  };
  for (let i = headerIdx + 1; i < clean.length; i++) {
    const row = clean[i]!;
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
      parent = ordinal;
      subs = 0;
      addSection({ ordinal, title, parent: null });
      continue;
    }
    // A row that only names a group 「（一）聚焦中心工作」, in its own row or in a merged cell beside the tasks.
    const subByRow = filled === 1 ? (row.find(Boolean) ?? '').match(SUBSECTION_CELL) : null;
    const subByCell = cell(row, 'subsection').match(SUBSECTION_CELL);
    if (subByRow || subByCell) openSubsection((subByRow ?? subByCell)!);
    if (subByRow) continue;
    const sectionName = cell(row, 'section');
    if (sectionName && !byTitle.has(sectionName)) {
      const ordinal = String(sections.length + 1);
      addSection({ ordinal, title: sectionName, parent: null });
      current = ordinal;
    } else if (sectionName) {
      current = byTitle.get(sectionName)!;
    }
    let measures = '';
    for (const k of measureColumns) if (row[k]) measures = measures ? `${measures}\n${row[k]}` : row[k]!;
    // A cell merged over several rows is exported in the first of them: a row with measures but no
    // task text is a task of the group above, under its name and with its units.
    const merged = !task && measures && group ? group : null;
    if (!task && !merged) {
      // A task cell merged over rows that each name a unit (a leader, a deadline): the row's names are the task's above.
      const last = drafts.at(-1);
      if (last && group && !num) {
        const more = rowFields(row);
        // New arrays: a merged row's lists are its group's.
        for (const key of ANNOTATION_KEYS) if (more[key].length) last.extra[key] = [...last.extra[key], ...more[key]];
      }
      continue;
    }
    seq++;
    checkTaskCount(seq);
    const parsedNum = Number(toAsciiDigits(num).replace(/[.．、]$/, ''));
    const own = Number.isInteger(parsedNum) && parsedNum > 0 ? parsedNum : parseChineseNumeral(num);
    // An empty number cell under a numbered row (a merged 序号) continues that number; codes do not shift.
    const carried: number = own === null && col('number') >= 0 ? lastNumbered : -1;
    const value: number = own ?? drafts[carried]?.value ?? seq;
    if (value > LIMITS.taskNumber) {
      throw new PlanError(`表格第${i + 1}行的序号「${num.slice(0, 12)}」超出了任务编号的上限（${formatCount(LIMITS.taskNumber)}）：请检查序号。`);
    }
    const extra = rowFields(row);
    const name = task || merged!.name;
    const draft: Draft = {
      code: '',
      number: value,
      section: current,
      text: name && measures ? `${name}\n${measures}` : name || measures,
      extra: merged ? fillFrom(extra, merged.extra) : extra,
      path: current ? [place.get(parent ?? current) ?? 0, ...(parent && current !== parent ? [subs] : [])] : [],
      value,
      follows: carried,
    };
    drafts.push(draft);
    if (own !== null) lastNumbered = drafts.length - 1;
    if (task) group = { name: task, extra };
  }
  if (!drafts.length) throw new PlanError('表格中没有任务行：表头下方没有填写「重点工作任务」的行。');
  const codes = continuationCodes(drafts, assignCodes(drafts.filter((d) => d.follows < 0).map((d) => ({ path: d.path, number: d.value }))));
  return {
    plan: header,
    sections,
    tasks: drafts.map((d, i) => buildTask({ ...d, code: codes[i]! }, period, warnings, memo)),
    warnings,
  };
}

/** Codes for rows that continue a merged number: 「3」, then 「3-2」, 「3-3」. */
function continuationCodes(drafts: { follows: number }[], own: string[]): string[] {
  const codes: string[] = [];
  const count = new Map<number, number>();
  let k = 0;
  drafts.forEach((d, i) => {
    if (d.follows < 0) {
      codes[i] = own[k++]!;
      return;
    }
    const n = (count.get(d.follows) ?? 1) + 1;
    count.set(d.follows, n);
    codes[i] = `${codes[d.follows]}-${n}`;
  });
  return codes;
}

/**
 * readField for table cells, each distinct (column, text) read once: a table repeats its units and deadlines
 * on row after row. What a cell gives is appended to the row's annotations as readField would append it.
 */
function cellFields(): { read(field: AnnotationField, value: string, into: Annotations): void } {
  // Per column kind, per cell text (no key string is built per cell).
  const seen = new Map<AnnotationField, Map<string, Annotations>>();
  return {
    read(field, value, into) {
      if (!value.trim()) return;
      let byText = seen.get(field);
      if (!byText) seen.set(field, (byText = new Map()));
      let got = byText.get(value);
      if (!got) {
        got = emptyAnnotations();
        readField(field, value, got);
        byText.set(value, got);
      }
      for (const k of ANNOTATION_KEYS) if (got[k].length) into[k].push(...got[k]);
    },
  };
}
const ANNOTATION_KEYS = Object.keys(emptyAnnotations()) as (keyof Annotations)[];

/** The group's units, leaders and deadline where the row's own cells are empty (merged). */
function fillFrom(own: Annotations, group: Annotations): Annotations {
  const out = { ...own };
  for (const key of Object.keys(out) as (keyof Annotations)[]) if (!out[key].length) out[key] = group[key];
  return out;
}
