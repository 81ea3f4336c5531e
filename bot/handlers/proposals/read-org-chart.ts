/**
 * Where handlers get the org chart: Feishu's contact API through the messenger (bot/feishu/org-chart-of.ts).
 * Handlers take an `OrgChartReader` so tests pass a fixed chart; while the messenger has no reader, asking for
 * the chart is a Chinese error, not a crash.
 */
import type { Deps } from '../../deps.js';
import type { OrgChart } from '../../domain/owners/org-chart.js';
import { orgChartOf } from '../../feishu/org-chart-of.js';
import { botText } from '../../feishu/safe-text.js';
import { CommandError } from '../commands/command.js';

export type OrgChartReader = (deps: Deps) => Promise<OrgChart>;

export const readOrgChartFromFeishu: OrgChartReader = async (deps) => {
  const chart = await orgChartOf(deps.messenger);
  if (!chart) throw new CommandError(botText`尚未接入飞书通讯录，无法按部门匹配人员。`);
  return chart;
};
