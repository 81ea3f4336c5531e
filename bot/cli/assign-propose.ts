/**
 * `workplan assign --propose [--plan N] [--write owners.csv]`: owners proposed from the Feishu org chart
 * (issue #23) printed section by section, as the admin's cards show them; nothing is assigned. --write saves
 * the proposal as an owners file to check, edit and import with `workplan assign <file>`.
 */
import { writeFile } from 'node:fs/promises';
import { loadConfig } from '../config.js';
import type { OrgChart } from '../domain/owners/org-chart.js';
import { proposalCsv, proposalTable } from '../domain/owners/proposal-table.js';
import { createMessenger } from '../feishu/messenger.js';
import { OrgChartTooLarge } from '../feishu/org-chart.js';
import { proposeForPlan } from '../store/owner-proposals.js';
import type { Io } from './io.js';
import { withDb } from './open-db.js';
import { pickPlan } from './pick-plan.js';
import { UsageError } from './usage-error.js';

export type ChartSource = () => Promise<OrgChart>;

/** The org chart from Feishu, with the app's credentials from the environment. */
export const feishuChart: ChartSource = async () => {
  const config = loadConfig(process.env, 'feishu');
  try {
    return await createMessenger({ appId: config.FEISHU_APP_ID, appSecret: config.FEISHU_APP_SECRET, domain: config.FEISHU_DOMAIN }).readOrgChart();
  } catch (e) {
    if (e instanceof OrgChartTooLarge) throw new UsageError(e.message);
    throw e;
  }
};

export async function runAssignPropose(o: { plan?: string; write?: string }, io: Io, readChart: ChartSource = feishuChart): Promise<number> {
  return withDb(async (db) => {
    const planId = await pickPlan(db, o.plan);
    const { planTitle, tasks } = await proposeForPlan(db, planId, await readChart());
    io.out(proposalTable(planTitle, tasks));
    if (o.write) {
      await writeFile(o.write, proposalCsv(tasks), 'utf8');
      io.out(`已写出责任分工表：${o.write}。核对、修改后用 workplan assign ${o.write} 导入。\n`);
    } else {
      io.out('未作任何指派。加 --write <文件.csv> 写出责任分工表，核对后用 workplan assign <文件> 导入。\n');
    }
    return 0;
  });
}
