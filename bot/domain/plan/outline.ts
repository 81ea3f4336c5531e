/**
 * The outline of a prose plan: sections 「一、」, sub-sections or tasks 「（一）」,
 * tasks 「1.」「1、」「１．」 and sub-items 「（1）」「①」, each with the lines under it. Pure.
 */
import { formatCount, LIMITS } from './limits.js';
import { parseChineseNumeral, toAsciiDigits } from './numerals.js';
import { PlanError } from './types.js';

export type Level = 1 | 2 | 3 | 4;

export interface Block {
  level: Level;
  /** As written, e.g. 「一」「（二）」→「二」, 「3」. */
  ordinal: string;
  /** Its numeric value. */
  value: number;
  /** The first line's text after the marker. */
  head: string;
  /** Lines that follow, until the next marker. */
  lines: string[];
  children: Block[];
}

const CN = '[一二三四五六七八九十]{1,3}';
const MARKERS: [Level, RegExp][] = [
  [1, new RegExp(`^(${CN})\\s*[、.．]\\s*(.*)$`)],
  [2, new RegExp(`^[（(]\\s*(${CN})\\s*[）)]\\s*[、.．]?\\s*(.*)$`)],
  // Any number of digits: 「10000.」 is task 10000 (it was not a marker, and its text joined task 9999).
  [3, /^([0-9０-９]+)\s*(?:[.．、](?![0-9０-９])|[)）])\s*(.*)$/],
  [4, /^(?:[（(]\s*([0-9０-９]{1,3})\s*[）)]|([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]))\s*[、.．]?\s*(.*)$/],
];
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
/** 「一是……」「二是……」: a plan that enumerates its headings in words. */
const ENUMERATOR = new RegExp(`^(${CN})是\\s*(.+)$`);
/** A task number run into a number that starts its text: 「2.50个小区…」 after task 1. */
const RUN_IN = /^([0-9０-９]{1,5})[.．]([0-9０-９].*)$/;

export interface Marker {
  level: Level;
  ordinal: string;
  value: number;
  rest: string;
}

/** The outline marker a line starts with, if any. Markdown emphasis and headings are ignored. */
export function markerOf(rawLine: string): Marker | null {
  const line = rawLine.trim().replace(/^#{1,6}\s+/, '').replace(/^\*\*(.+?)\*\*/, '$1');
  for (const [level, re] of MARKERS) {
    const m = line.match(re);
    if (!m) continue;
    if (level === 4) {
      const value = m[1] ? Number(toAsciiDigits(m[1])) : CIRCLED.indexOf(m[2]!) + 1;
      // Stryker disable next-line StringLiteral,MethodExpression: the group always takes part, after a trimmed line and \s*
      return { level, ordinal: m[1] ? toAsciiDigits(m[1]) : m[2]!, value, rest: (m[3] ?? '').trim() };
    }
    const ordinal = toAsciiDigits(m[1]!);
    const value = level === 3 ? Number(ordinal) : parseChineseNumeral(ordinal);
    if (!value) continue;
    // 「2.jpg」: a picture a web page left in the text, not an item.
    // Stryker disable next-line MethodExpression: the line is trimmed and \s* took the spaces before
    if (level === 3 && /^[A-Za-z]{2,5}$/.test(m[2]!.trim())) return null;
    return { level, ordinal, value, rest: m[2]!.replace(/\*\*/g, '').trim() };
  }
  return null;
}

/**
 * Splits the lines into the text before the outline and a forest of blocks. A task number past
 * LIMITS.taskNumber is refused with the line it is on, and so is an outline of more than
 * LIMITS.outlineItems numbered items (before they take memory).
 */
export function buildOutline(lines: string[]): { before: string[]; roots: Block[] } {
  const before: string[] = [];
  const roots: Block[] = [];
  const stack: Block[] = [];
  let count = 0;
  let lastTask = 0;
  // 「一是」 heads the outline only in a plan that numbers no heading 「一、」.
  const enumerates = !lines.some((l) => markerOf(l)?.level === 1);
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    const mk = markerOf(line) ?? (enumerates && (stack[stack.length - 1]?.level ?? 1) < 3 ? enumeratorOf(line) : null) ?? runIn(line, lastTask);
    if (mk?.level === 3 && mk.value > LIMITS.taskNumber) {
      throw new PlanError(
        `第${index + 1}行的编号「${mk.ordinal.length > 12 ? `${mk.ordinal.slice(0, 12)}…` : mk.ordinal}」超出了任务编号的上限（${formatCount(LIMITS.taskNumber)}）：请检查编号，或把这一行改写为正文。`,
      );
    }
    if (!mk) {
      const open = stack[stack.length - 1];
      if (open) open.lines.push(line);
      else before.push(line);
      continue;
    }
    if (++count > LIMITS.outlineItems) {
      throw new PlanError(`编号的条目过多（超过 ${formatCount(LIMITS.outlineItems)} 条）：一份工作要点最多 ${formatCount(LIMITS.tasks)} 项任务，请分成几份导入。`);
    }
    if (mk.level === 3) lastTask = mk.value;
    const block: Block = { level: mk.level, ordinal: mk.ordinal, value: mk.value, head: mk.rest, lines: [], children: [] };
    while (stack.length && stack[stack.length - 1]!.level >= mk.level) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(block);
    else roots.push(block);
    stack.push(block);
  }
  return { before, roots };
}

/** 「一是扎实推进产业强镇。」 as a heading 「一、」. */
function enumeratorOf(line: string): Marker | null {
  const m = line.match(ENUMERATOR);
  const value = m ? parseChineseNumeral(m[1]!) : null;
  return m && value ? { level: 1, ordinal: m[1]!, value, rest: m[2]!.trim() } : null;
}

/** 「2.50个小区新增…」 right after task 1: task 2, whose text starts with 50. */
function runIn(line: string, lastTask: number): Marker | null {
  const m = line.match(RUN_IN);
  if (!m || lastTask < 1 || Number(toAsciiDigits(m[1]!)) !== lastTask + 1) return null;
  // Stryker disable next-line MethodExpression: buildOutline gives a trimmed line, and RUN_IN's text starts with a digit
  return { level: 3, ordinal: String(lastTask + 1), value: lastTask + 1, rest: m[2]!.trim() };
}

/** All blocks of a level anywhere under the given ones. */
export function blocksAt(blocks: Block[], level: Level): Block[] {
  return blocks.flatMap((b) => (b.level === level ? [b] : blocksAt(b.children, level)));
}

/** The block's own text and, recursively, that of its children, as lines. */
export function textOf(block: Block, withHead = true): string[] {
  const own = withHead ? [markerText(block) + block.head, ...block.lines] : [...block.lines];
  return [...own, ...block.children.flatMap((c) => textOf(c, true))].filter((l) => l.trim());
}

function markerText(b: Block): string {
  switch (b.level) {
    case 1: return `${b.ordinal}、`;
    case 2: return `（${b.ordinal}）`;
    case 3: return `${b.ordinal}.`;
    case 4: return /\d/.test(b.ordinal) ? `（${b.ordinal}）` : b.ordinal;
  }
}
