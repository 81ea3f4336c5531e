/** Turns a task's text into a ParsedTask: title, body, targets, parties, deadline. Pure. */
import { latestDeadline, proseDeadline, spanStart, type Period } from './dates.js';
import { extractAnnotations, proseCollaborators, settleUnits, splitNames, type Annotations } from './parties.js';
import { LIMITS } from './limits.js';
import { findMilestones } from './milestones.js';
import { findTargets } from './targets.js';
import type { ParsedTask } from './types.js';

/**
 * Splits a task into its title and body. The title is the heading phrase, up to the first full stop,
 * colon or line break (「培育高新技术企业。全年…」); a task of one sentence is its own title, however long
 * (「培育夜间经济，打造夜间消费集聚区2个」). A sentence of clauses set apart by 「；」 is headed by its first
 * phrase when that phrase names the work without measuring it (「深化科技体制改革；拟定…」「推进“双美”建设，
 * 实施4个…；…」); when the first clause already measures (「新增充电设施50个；改造…」) the clauses are peers and
 * the whole sentence is the title.
 */
export function splitTitle(text: string): { title: string; body: string } {
  // Stryker disable next-line MethodExpression: the title and the body are trimmed below, and spaces are no break
  const t = text.trim();
  const hard = t.search(/[。！!？?：:\n]/);
  const sentence = hard < 0 ? t.length : hard;
  let cut = sentence;
  const semi = t.slice(0, sentence).search(/[；;]/);
  if (semi >= 0) {
    const comma = t.slice(0, semi).search(/[，,]/);
    const head = comma >= 0 ? comma : semi;
    if (!/[0-9０-９]/.test(t.slice(0, head))) cut = head;
  }
  // Markdown's emphasis is no part of a title (outline.ts drops it from a marker's line the same way).
  const title = t.slice(0, cut).replace(/\*\*/g, '').trim();
  // Stryker disable next-line MethodExpression: t is trimmed at both ends, and the pattern takes the spaces at the start
  const body = t.slice(cut).replace(/^[。；;！!？?：:，,\s]+/, '').trim();
  return { title, body };
}

const NAME_WORDS = { leadUnits: '牵头单位', collaborators: '配合单位', leaders: '责任领导' } as const;

export interface TaskDraft {
  code: string;
  number: number | null;
  section: string | null;
  /** The task's whole text, title first. */
  text: string;
  /** Annotations found elsewhere (table columns). */
  extra?: Partial<Annotations>;
  /** When the title is known apart from the text (a section that is its own task). */
  title?: string;
}

/**
 * What buildTask works out from a deadline's or a unit list's words alone, kept for the next task that has
 * the same words (a table repeats them row after row). One memo serves one plan: one period.
 */
export interface TaskMemo {
  latest: Map<string, string | null>;
  start: Map<string, string | null>;
  names: Map<string, string[]>;
}
export const taskMemo = (): TaskMemo => ({ latest: new Map(), start: new Map(), names: new Map() });

function remember<T>(map: Map<string, T>, key: string, work: (key: string) => T): T {
  // Stryker disable next-line ConditionalExpression: the work is pure; the memo only spares doing it again
  if (map.has(key)) return map.get(key)!;
  const v = work(key);
  map.set(key, v);
  return v;
}

/**
 * Builds one task; what it had to drop (targets past the limit, names past the limit) goes to `warnings`.
 * `memo` (one per plan) spares re-reading deadline words and unit lists seen in an earlier task.
 */
// Stryker disable next-line ArrayDeclaration: a caller that passes no list of warnings reads none
export function buildTask(draft: TaskDraft, period: Period, warnings: string[] = [], memo: TaskMemo = taskMemo()): ParsedTask {
  const { rest, found } = extractAnnotations(draft.text);
  const extra = draft.extra ?? {};
  const merged: Annotations = {
    leader: found.leader.concat(extra.leader ?? []),
    lead: found.lead.concat(extra.lead ?? []),
    responsible: found.responsible.concat(extra.responsible ?? []),
    collaborator: found.collaborator.concat(extra.collaborator ?? []),
    // Stryker disable next-line ArrayDeclaration: words that name no date add no deadline and no start
    deadline: found.deadline.concat(extra.deadline ?? []),
  };
  const units = settleUnits(merged);
  const split = draft.title !== undefined ? { title: draft.title, body: rest } : splitTitle(rest);
  const whole = `${split.title}。${split.body}`;
  const stated = unique(units.collaborator.flatMap((c) => remember(memo.names, c, splitNames)));
  // Prose names 「区财政」 already stated as 「区财政局」 are the same unit.
  const fromProse = proseCollaborators(split.body).filter((p) => !stated.some((s) => s.startsWith(p) || p.startsWith(s)));
  const leads = new Set(units.lead);
  const collaborators = unique([...stated, ...fromProse]).filter((c) => !leads.has(c));
  const targets = findTargets(whole, LIMITS.targetsPerTask + 1);
  if (targets.length > LIMITS.targetsPerTask) {
    targets.length = LIMITS.targetsPerTask;
    warnings.push(`任务${draft.code}的指标超过 ${LIMITS.targetsPerTask} 个，只保留了前 ${LIMITS.targetsPerTask} 个。`);
  }
  const names = { leadUnits: unique(units.lead), collaborators, leaders: unique(merged.leader) };
  for (const key of ['leadUnits', 'collaborators', 'leaders'] as const) {
    if (names[key].length <= LIMITS.namesPerTask) continue;
    names[key] = names[key].slice(0, LIMITS.namesPerTask);
    warnings.push(`任务${draft.code}的${NAME_WORDS[key]}超过 ${LIMITS.namesPerTask} 个，只保留了前 ${LIMITS.namesPerTask} 个。`);
  }

  let deadline: string | null = null;
  let deadlineText: string | null = null;
  for (const d of merged.deadline) {
    const date = remember(memo.latest, d, (t) => latestDeadline(t, period));
    if (date && (!deadline || date > deadline)) {
      deadline = date;
      deadlineText = d;
    }
  }
  // A stated span (「完成时限：4月—6月」) gives the task its own start.
  const startDate = merged.deadline.map((d) => remember(memo.start, d, (t) => spanStart(t, period))).find((d): d is string => d !== null) ?? null;
  if (!deadline) {
    const prose = proseDeadline(whole, period);
    if (prose) ({ date: deadline, text: deadlineText } = prose);
  }

  const due = deadline ?? period.end;
  const milestones = findMilestones(whole, period, due, LIMITS.milestonesPerTask);
  if (milestones.length > LIMITS.milestonesPerTask) {
    milestones.length = LIMITS.milestonesPerTask;
    warnings.push(`任务${draft.code}的时间节点超过 ${LIMITS.milestonesPerTask} 个，只保留了前 ${LIMITS.milestonesPerTask} 个。`);
  }

  return {
    code: draft.code,
    number: draft.number,
    section: draft.section,
    title: split.title,
    body: split.body,
    targets,
    ...names,
    deadline: due,
    deadlineText,
    // Stryker disable next-line ConditionalExpression,LogicalOperator: null <= a date is false too; the check is for the type
    startDate: startDate !== null && startDate <= due ? startDate : null,
    milestones,
  };
}

/** The names trimmed, without empty ones and repeats, in order. */
function unique(xs: string[]): string[] {
  const seen = new Set<string>();
  for (const x of xs) {
    const t = x.trim();
    if (t) seen.add(t);
  }
  return [...seen];
}
