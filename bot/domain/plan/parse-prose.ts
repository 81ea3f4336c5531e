/** Prose plans: header, sections, sub-sections, numbered tasks. Pure. */
import { assignCodes, type Numbered } from './assign-codes.js';
import { buildTask, splitTitle, type TaskDraft } from './build-task.js';
import { periodFor } from './dates.js';
import { planStart } from './notice.js';
import { fullWidthMarks, joinWrappedLines } from './reflow.js';
import { readHeader } from './header.js';
import { checkTaskCount } from './limits-check.js';
import { headingLeader } from './parties.js';
import { blocksAt, buildOutline, textOf, type Block } from './outline.js';
import { PlanError, type ParsedPlan, type ParsedSection } from './types.js';

interface Found {
  block: Block;
  section: string | null;
  path: number[];
  /** A section standing in for a task (no numbered task under it). */
  whole?: boolean;
}

export function parseProse(text: string, name: string, fallbackYear: number): ParsedPlan {
  const lines = joinWrappedLines(fullWidthMarks(text.replace(/\r\n?/g, '\n').replace(/\u3000/g, ' ')).split('\n'));
  // A cover notice in front of the plan is header, never sections or tasks.
  const start = planStart(lines);
  const { before, roots } = buildOutline(lines.slice(start));
  const head = [...lines.slice(0, start), ...before];
  const { header, warnings } = readHeader({ head, tail: lines.slice(-6), name, body: lines.slice(start), fallbackYear });
  const period = periodFor(header);

  const sections: ParsedSection[] = [];
  const found: Found[] = [];
  const topSections = roots.filter((b) => b.level === 1);
  const looseRoots = roots.filter((b) => b.level !== 1);
  // Tasks that stand outside any section (a plan numbered 1. 2. 3. only).
  collectTasks(looseRoots, null, [], found, sections, null);
  topSections.forEach((sec, i) => {
    sections.push({ ordinal: sec.ordinal, title: headTitle(sec.head), parent: null });
    const before = found.length;
    collectTasks(sec.children, sec.ordinal, [i + 1], found, sections, sec.ordinal);
    if (found.length === before) {
      // 「七、全面抓好重点工作」 with prose only: the section is a task of its own.
      found.push({ block: sec, section: sec.ordinal, path: [i + 1], whole: true });
    }
  });
  if (!found.length) {
    throw new PlanError('没有识别到任何任务：请确认文件是工作要点，任务以「一、」「（一）」「1.」等编号开头，或是带「重点工作任务」列的任务分解表。');
  }

  checkTaskCount(found.length);
  const numbered = found.filter((f) => !f.whole);
  const codes = assignCodes(numbered.map((f): Numbered => ({ path: f.path, number: f.block.value })));
  const drafts: TaskDraft[] = [];
  // 「一、张三县长牵头重点工作」: the leader a section's heading names leads each of its tasks.
  const leaders = new Map<string, string | null>();
  for (const s of sections) leaders.set(s.ordinal, headingLeader(s.title) ?? (s.parent ? leaders.get(s.parent) ?? null : null));
  const extraOf = (f: Found) => {
    const leader = f.section ? leaders.get(f.section) : null;
    return leader ? { extra: { leader: [leader] } } : {};
  };
  let k = 0;
  for (const f of found) {
    if (f.whole) {
      // The heading's own sentences after its title are the task's text too (「一、推进某建设，……；……」).
      const { title, body } = splitTitle(f.block.head);
      const text = [title ? body : '', ...textOf(f.block, false)].filter(Boolean).join('\n');
      drafts.push({ code: f.block.ordinal, number: null, section: f.section, title: title || f.block.head, text, ...extraOf(f) });
    } else {
      drafts.push({ code: codes[k++]!, number: f.block.value, section: f.section, text: [f.block.head, ...textOf(f.block, false)].join('\n'), ...extraOf(f) });
    }
  }
  // Keep the document's order: sections in order, tasks in order within them.
  return { plan: header, sections, tasks: drafts.map((d) => buildTask(d, period, warnings)), warnings };
}

/** Finds the task-level blocks under a section: 1. items, or （一） items when there are none. */
function collectTasks(
  blocks: Block[],
  section: string | null,
  path: number[],
  out: Found[],
  sections: ParsedSection[],
  parentOrdinal: string | null,
): void {
  const hasLevel3 = blocksAt(blocks, 3).length > 0;
  const hasLevel2 = blocks.some((x) => x.level === 2);
  let sub = 0;
  for (const b of blocks) {
    if (b.level === 2 && hasLevel3 && blocksAt(b.children, 3).length > 0) {
      sub++;
      const ordinal = `${parentOrdinal ?? ''}（${b.ordinal}）`;
      sections.push({ ordinal, title: headTitle(b.head), parent: parentOrdinal });
      for (const t of blocksAt(b.children, 3)) out.push({ block: t, section: ordinal, path: [...path, sub] });
    } else if (b.level === 3 || b.level === 2) {
      out.push({ block: b, section, path });
    } else if (b.level === 4 && !hasLevel3 && !hasLevel2) {
      out.push({ block: b, section, path });
    }
  }
}

function headTitle(head: string): string {
  return head.replace(/[。；;]$/, '').trim();
}
