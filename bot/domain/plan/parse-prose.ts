/** Prose plans: header, sections, sub-sections, numbered tasks. Pure. */
import { assignCodes, type Numbered } from './assign-codes.js';
import { buildTask, splitTitle, taskMemo, type TaskDraft } from './build-task.js';
import { periodFor } from './dates.js';
import { planStart } from './notice.js';
import { fullWidthMarks, joinWrappedLines, splitRunOnItems } from './reflow.js';
import { readHeader } from './header.js';
import { checkTaskCount } from './limits-check.js';
import { collectOutline, type Found } from './collect-tasks.js';
import { buildOutline, textOf } from './outline.js';
import { headingLeader } from './parties.js';
import { PlanError, type ParsedPlan } from './types.js';
import { unnumberedTasks } from './unnumbered.js';

export function parseProse(text: string, name: string, fallbackYear: number): ParsedPlan {
  const lines = joinWrappedLines(splitRunOnItems(fullWidthMarks(text.replace(/\r\n?/g, '\n').replace(/\u3000/g, ' ')).split('\n')));
  // A cover notice in front of the plan is header, never sections or tasks.
  const start = planStart(lines);
  if (start >= lines.length) {
    throw new PlanError('这份文件只有印发通知，没有通知所附的任务：请导入它的附件（工作要点或任务分解表）。');
  }
  const outline = buildOutline(lines.slice(start));
  // A plan that numbers nothing (a news page): its tasks by their names.
  const { before, roots } = outline.roots.length ? outline : (unnumberedTasks(lines.slice(start)) ?? outline);
  const head = [...lines.slice(0, start), ...before];
  const { header, warnings } = readHeader({ head, tail: lines.slice(-6), name, body: lines.slice(start), fallbackYear });
  const period = periodFor(header);

  const { sections, found } = collectOutline(roots);
  if (!found.length) {
    throw new PlanError('没有识别到任何任务：请确认文件是工作要点，任务以「一、」「（一）」「1.」等编号开头，或是带「重点工作任务」列的任务分解表。');
  }

  checkTaskCount(found.length);
  const numbered = found.filter((f) => !f.whole);
  const codes = assignCodes(numbered.map((f): Numbered => ({ path: f.path, number: f.block.value, least: f.least })));
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
  const memo = taskMemo();
  return { plan: header, sections, tasks: drafts.map((d) => buildTask(d, period, warnings, memo)), warnings };
}
