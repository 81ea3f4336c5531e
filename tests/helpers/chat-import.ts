/** For /import tests: send a plan file as the admin, and a snapshot of everything an import could change. */
import { ADMIN, drainInbound, type CommandHarness } from './command-harness.js';
import type { PlanFile } from './hostile-files.js';

export async function sendPlanFile(h: CommandHarness, f: PlanFile): Promise<void> {
  const said = await h.fake.userSays({ from: ADMIN, attachment: { fileName: f.name, bytes: f.bytes } });
  await said.delivery;
  await drainInbound(h);
}

export async function importableState(h: CommandHarness): Promise<string> {
  const db = h.bot.deps.db;
  return JSON.stringify([
    await db.plan.findMany({ orderBy: { id: 'asc' } }),
    await db.task.findMany({ orderBy: { id: 'asc' } }),
    await db.target.findMany({ orderBy: { id: 'asc' } }),
    await db.assignment.findMany({ orderBy: { id: 'asc' } }),
    await db.auditEntry.count({ where: { action: { not: 'file.received' } } }),
  ]);
}

export async function failedInboundJobs(h: CommandHarness): Promise<number> {
  return (await h.bot.deps.queues.inbound.getJobCounts('failed')).failed ?? 0;
}
