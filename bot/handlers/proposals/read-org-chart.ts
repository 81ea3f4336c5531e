/**
 * Where handlers get the org chart: Feishu's contact API through the messenger (`readOrgChart`, the org-fetch
 * work of issue #23). Handlers take an `OrgChartReader` so tests pass a fixed chart; until the messenger has the
 * reader, asking for the chart is a Chinese error, not a crash.
 */
import type { Deps } from '../../deps.js';
import type { OrgChart } from '../../domain/owners/org-chart.js';
import { botText } from '../../feishu/safe-text.js';
import { CommandError } from '../commands/command.js';

export type OrgChartReader = (deps: Deps) => Promise<OrgChart>;

export const readOrgChartFromFeishu: OrgChartReader = async (deps) => {
  const messenger = deps.messenger as Partial<{ readOrgChart: () => Promise<OrgChart> }>;
  if (typeof messenger.readOrgChart !== 'function') throw new CommandError(botText`尚未接入飞书通讯录，无法按部门匹配人员。`);
  return messenger.readOrgChart();
};
