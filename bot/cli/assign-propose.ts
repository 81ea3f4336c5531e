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
import { noProposalText } from '../domain/owners/after-import.js';
import { readChartOrReason } from '../feishu/read-chart-or-reason.js';
import type { Db } from '../store/db.js';
import { proposeForPlan, proposesAfterImport } from '../store/owner-proposals.js';
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
    await printProposal(db, await pickPlan(db, o.plan), await readChart(), io, o.write);
    return 0;
  });
}

/** The proposal as `workplan assign --propose` prints it (and, with `write`, saves it); nothing is assigned. */
async function printProposal(db: Db, planId: number, chart: OrgChart, io: Io, write?: string): Promise<void> {
  const { planTitle, tasks } = await proposeForPlan(db, planId, chart);
  io.out(proposalTable(planTitle, tasks));
  if (write) {
    await writeFile(write, proposalCsv(tasks), 'utf8');
    io.out(`已写出责任分工表：${write}。核对、修改后用 workplan assign ${write} 导入。\n`);
  } else {
    io.out('未作任何指派。加 --write <文件.csv> 写出责任分工表，核对后用 workplan assign <文件> 导入。\n');
  }
}

/** The chart source `workplan import` uses: Feishu when the app's credentials are set, else none (a hint is printed). */
export const configuredChart = (env: NodeJS.ProcessEnv): ChartSource | null => (env.FEISHU_APP_ID && env.FEISHU_APP_SECRET ? feishuChart : null);

/**
 * After `workplan import`: a plan whose tasks name lead units or leaders is proposed owners from the org chart,
 * printed as `workplan assign --propose` prints it; without Feishu credentials a one-line hint, and a chart that
 * cannot be read says why, with the owners file as the way on. The import stands either way.
 */
export async function proposeAfterImport(db: Db, planId: number, imported: { created: boolean; changed: boolean }, io: Io, readChart: ChartSource | null): Promise<void> {
  if (!(await proposesAfterImport(db, planId, imported))) return;
  const plan = (await db.plan.count()) === 1 ? '' : ` --plan ${planId}`;
  if (!readChart) {
    io.out(`计划写明了牵头单位或责任领导：配置飞书应用后运行 workplan assign --propose${plan} 可按通讯录生成责任人建议，或用责任分工表指派：workplan assign <文件>。\n`);
    return;
  }
  const read = await readChartOrReason(readChart);
  if (read.kind === 'unreadable') {
    io.out(`${noProposalText(read.reason, 'workplan assign <文件>')}\n`);
    return;
  }
  await printProposal(db, planId, read.chart, io);
}
