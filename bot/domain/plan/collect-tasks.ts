/**
 * Which blocks of a prose plan's outline are tasks and which are the headings that group them. Pure,
 * one pass over the outline.
 */
import { blocksAt, type Block } from './outline.js';
import type { ParsedSection } from './types.js';

export interface Found {
  block: Block;
  section: string | null;
  path: number[];
  /** A section standing in for a task (no numbered task under it). */
  whole?: boolean;
  /** How much of the path its code keeps (see assignCodes). */
  least?: number;
}

/**
 * The sections and tasks of an outline. Sections 「一、」 group tasks 「（一）」 or 「1.」; 「（一）」 that hold
 * 「1.」 items are sub-sections. A section with prose only is a task of its own, and when no section holds
 * numbered tasks the 「一、」 items are a plain list of tasks, not sections.
 */
export function collectOutline(all: Block[]): { sections: ParsedSection[]; found: Found[] } {
  const sections: ParsedSection[] = [];
  const found: Found[] = [];
  const roots = all.filter((b) => !isFraming(b));
  const numbered = blocksAt(roots, 3).length > 0;
  const topSections = roots.filter((b) => b.level === 1);
  // Tasks that stand outside any section (a plan numbered 1. 2. 3. only).
  // Stryker disable next-line MethodExpression,ConditionalExpression,BooleanLiteral: collectTasks takes no 「一、」 block anyway, and the path here is empty (`least` 0 either way)
  collectTasks(roots.filter((b) => b.level !== 1), null, [], found, sections, numbered, false);
  // 「（一）」 tasks numbered on from section to section (「二、」 opens at 「（五）」) keep their own numbers.
  const restarts = topSections.slice(1).every((s) => (s.children.find((c) => c.level === 2)?.value ?? 1) === 1);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: without sections there is nothing to lay flat
  const flat = topSections.length > 0 && topSections.every((s) => !s.children.length);
  topSections.forEach((sec, i) => {
    if (flat) {
      found.push({ block: sec, section: null, path: [], whole: true });
      return;
    }
    sections.push({ ordinal: sec.ordinal, title: headTitle(sec.head), parent: null });
    const before = found.length;
    const subs = sections.length;
    // Stryker disable next-line ArithmeticOperator: a section's value is never 0 (「一、」 on)
    collectTasks(sec.children, sec.ordinal, [sec.value || i + 1], found, sections, numbered, restarts);
    if (found.length === before && sections.length === subs) {
      // 「七、全面抓好重点工作」 with prose only: the section is a task of its own.
      // Stryker disable next-line ArithmeticOperator: a section's value is never 0 (「一、」 on)
      found.push({ block: sec, section: sec.ordinal, path: [sec.value || i + 1], whole: true });
    }
  });
  return { sections, found };
}

/**
 * Finds the task-level blocks under a section (`parent` its ordinal): 1. items, or （一） items when there are
 * none. A 「（一）」 task's number restarts in each section (unless the plan numbers them on), so its code keeps
 * the section's. In a plan whose
 * tasks are 「1.」 items, a bare 「（一）」 heading (no text under it, no full stop) is a sub-section, not a task.
 */
function collectTasks(
  blocks: Block[],
  parent: string | null,
  path: number[],
  out: Found[],
  sections: ParsedSection[],
  numbered: boolean,
  restarts: boolean,
): void {
  const hasLevel3 = blocksAt(blocks, 3).length > 0;
  const hasLevel2 = blocks.some((x) => x.level === 2);
  let sub = 0;
  const subsection = (b: Block) => {
    // Stryker disable next-line UpdateOperator: a 「（一）」's value is never 0, so the count is a fallback never read
    sub++;
    const ordinal = parent ? `${parent}（${b.ordinal}）` : b.ordinal;
    sections.push({ ordinal, title: headTitle(b.head), parent });
    return ordinal;
  };
  for (const b of blocks) {
    if (isFraming(b)) continue;
    if (b.level === 2 && hasParts(b)) {
      // 「（一）实施某行动」 over 「1.主要目标指标」「2.重点工作举措」: one task told in parts.
      out.push({ block: b, section: parent, path, least: restarts ? path.length : 0 });
    } else if (b.level === 2 && hasLevel3 && blocksAt(b.children, 3).length > 0) {
      const ordinal = subsection(b);
      for (const t of blocksAt(b.children, 3)) out.push({ block: t, section: ordinal, path: [...path, b.value || sub] });
    } else if (b.level === 2 && numbered && isBareHeading(b)) {
      subsection(b);
    } else if (b.level === 2) {
      out.push({ block: b, section: parent, path, least: restarts ? path.length : 0 });
    } else if (b.level === 3) {
      out.push({ block: b, section: parent, path });
    } else if (b.level === 4 && !hasLevel3 && !hasLevel2) {
      out.push({ block: b, section: parent, path });
    }
  }
}

/**
 * The plan's framing rather than its work. Aims — 「一、总体要求」「（一）指导思想」「主要目标」 (a heading that is only
 * such a word) — are no task unless they number items of their own that are not framing too (「一、主要目标」 over
 * 「（一）地区生产总值增长6%」). Means — 「四、保障措施」「五、工作要求」 — hold no task unless they number 「1.」 items.
 */
const AIMS = /^(?:总体要求|总体思路|指导思想|基本原则|工作原则|总体目标|主要目标|工作目标|发展目标|目标要求)$/u;
const MEANS = /^(?:保障措施|工作保障|组织保障|保障机制|工作措施|工作要求|有关要求|相关要求|实施步骤|工作步骤|进度安排|组织实施|工作机制)$/u;

function isFraming(b: Block): boolean {
  if (b.level > 2) return false;
  const title = headTitle(b.head).replace(/[：:，,。]+$/u, '');
  if (MEANS.test(title)) return blocksAt(b.children, 3).length === 0;
  return AIMS.test(title) && b.children.every(isFraming);
}

/** The parts one task is told in: 「主要目标指标」「重点工作举措」「工作任务」「进度安排」. */
const PART = /^(?:主要|重点|具体|年度)?(?:工作)?(?:目标|指标|目标指标|目标任务|举措|措施|任务|内容|路径|步骤|安排|进度安排)$/u;

/** A heading whose numbered items are all such parts (two or more): the heading is the task. */
function hasParts(b: Block): boolean {
  const items = blocksAt(b.children, 3);
  return items.length >= 2 && items.every((c) => PART.test(headTitle(c.head).replace(/[：:，,。]+$/u, '')));
}

function isBareHeading(b: Block): boolean {
  return !b.lines.length && !b.children.length && !/[。；！？]$/.test(b.head);
}

/** A heading's title: its first sentence (「聚力提质增效，加快多链融合。实体经济是…」 → the first). */
export function headTitle(head: string): string {
  const end = head.search(/[。；;]/);
  return (end < 0 ? head : head.slice(0, end)).trim();
}
