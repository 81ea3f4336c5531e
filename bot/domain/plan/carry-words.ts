/**
 * The carry-over (承接责任人) in a clerk's words: one row per carried task — 新任务 | 承接自 | 牵头单位 |
 * 责任人 | 依据 — and the lines for what is not carried. The CLI prints them as a table, the chat card as a
 * list; both from here. Pure.
 */
import { wordTable } from '../word-table.js';
import type { CarryMatch, CarryPerson, CarryPlan, NewTask, OldTask } from './carry-over.js';

export const REASON_WORDS = wordTable({ exact: '完全一致', near: '相近' });
const ROLE_WORDS = wordTable({ owner: '责任人', collaborator: '协办', leader: '责任领导' });
const ROLE_ORDER = ['owner', 'collaborator', 'leader'];

export const CARRY_HEADERS = ['新任务', '承接自', '牵头单位', '责任人', '依据'] as const;

export interface CarryRow {
  to: string;
  from: string;
  units: string;
  people: string;
  reason: string;
}

const taskWords = (t: { code: string; title: string }) => `${t.code} ${t.title}`;

/** 「张敏、王芳（责任人）；何建国（责任领导）」: each role once, in the order owner, collaborator, leader. */
export function peopleWords(people: readonly CarryPerson[]): string {
  return ROLE_ORDER.flatMap((role) => {
    const names = [...new Set(people.filter((p) => p.role === role).map((p) => p.name))];
    return names.length ? [`${names.join('、')}（${ROLE_WORDS[role]}）`] : [];
  }).join('；');
}

export function carryRow(m: CarryMatch): CarryRow {
  return {
    to: taskWords(m.to),
    from: taskWords(m.from),
    units: m.to.leadUnits.join('、') || '（未列）',
    people: peopleWords(m.from.people),
    reason: REASON_WORDS[m.reason]!,
  };
}

/** 「10 申报市级科技奖励：可能承接自 9 申报科技奖励，未承接」 */
export function ambiguousLine(a: { to: NewTask; candidates: OldTask[] }): string {
  return `${taskWords(a.to)}：可能承接自 ${a.candidates.map(taskWords).join('、')}，未承接`;
}

/** The counts under the table: carried, kept, ambiguous, unmatched. */
export function carrySummary(plan: CarryPlan): string {
  const parts = [`承接 ${plan.carry.length} 项`];
  if (plan.kept.length) parts.push(`已有人员不变 ${plan.kept.length} 项`);
  if (plan.ambiguous.length) parts.push(`有多个可能、未承接 ${plan.ambiguous.length} 项`);
  if (plan.empty.length) parts.push(`原任务无人员 ${plan.empty.length} 项`);
  if (plan.unmatched.length) parts.push(`无对应任务 ${plan.unmatched.length} 项`);
  return parts.join('，');
}
