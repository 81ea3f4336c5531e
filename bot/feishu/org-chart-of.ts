/**
 * The org chart through a messenger's `readOrgChart` (Feishu's contact API; the org-fetch work of issue #23),
 * or null while the messenger has none. One place for the bot and the CLI to ask, so wiring it is one change.
 */
import type { OrgChart } from '../domain/owners/org-chart.js';
import type { Messenger } from './messenger.js';

export async function orgChartOf(messenger: Messenger): Promise<OrgChart | null> {
  const m = messenger as Messenger & Partial<{ readOrgChart: () => Promise<OrgChart> }>;
  return typeof m.readOrgChart === 'function' ? m.readOrgChart() : null;
}
