/**
 * Whether an import goes on to propose owners (issue #23), and what it says when it cannot: a plan whose tasks
 * name a lead unit or a leader gets a proposal from the org chart; a chart that cannot be read, or that shows
 * no department, leaves the import as it is and says why, with the owners file (责任分工表) as the way on. Pure.
 */
import type { OrgChart } from './org-chart.js';

/** Parties that can give a task an owner or a leader (a collaborator alone proposes nobody to answer for it). */
export const PROPOSING_ROLES = ['lead', 'leader'] as const;

export type ChartRead = { kind: 'chart'; chart: OrgChart } | { kind: 'unreadable'; reason: string };

/** A chart read without error, which may still show nothing to match. */
export function chartRead(chart: OrgChart): ChartRead {
  if (!chart.departments.length) return { kind: 'unreadable', reason: '飞书通讯录中没有应用可见的部门（应用的通讯录权限范围为空，或尚未开通通讯录权限）' };
  return { kind: 'chart', chart };
}

/** 「未能自动生成责任人建议：…。导入已完成，未作任何指派；…」, `fallback` naming this channel's way to assign. */
export function noProposalText(reason: string, fallback: string): string {
  return `未能自动生成责任人建议：${reason}。导入已完成，未作任何指派；可以用责任分工表（任务编号、姓名、角色）指派责任人：${fallback}。`;
}
