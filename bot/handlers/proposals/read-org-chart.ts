/**
 * Where handlers get the org chart: Feishu's contact API through the messenger (`readOrgChart`, bounded and
 * paced). Handlers take an `OrgChartReader` so tests may pass a fixed chart; a chart over its bounds is a
 * Chinese answer that names the fix (narrow the app's contact scope).
 */
import type { Deps } from '../../deps.js';
import type { OrgChart } from '../../domain/owners/org-chart.js';
import { OrgChartTooLarge } from '../../feishu/org-chart.js';
import { botText } from '../../feishu/safe-text.js';
import { CommandError } from '../commands/command.js';

export type OrgChartReader = (deps: Deps) => Promise<OrgChart>;

export const readOrgChartFromFeishu: OrgChartReader = async (deps) => {
  try {
    return await deps.messenger.readOrgChart();
  } catch (e) {
    if (e instanceof OrgChartTooLarge) throw new CommandError(botText`${e.message}`);
    throw e;
  }
};
