/**
 * `workplan assign <owners.csv|.xlsx> [--plan <id>]`: owners, collaborators
 * and leaders per task (`--propose`: proposed from the org chart, assign-propose.ts). Emails and mobiles are resolved to open_ids through
 * Feishu (only when some row has no open_id).
 */
import { parseArgs } from 'node:util';
import { systemClock } from '../clock.js';
import { loadConfig, proxyConfigured } from '../config.js';
import { OwnersError, problemsMessage, readOwners, type OwnerRow } from '../domain/owners/parse-owners.js';
import { createMessenger } from '../feishu/messenger.js';
import { readPlanFile } from '../plan-files/read-plan-file.js';
import { importOwners, ownersProblems, OwnersRefused } from '../store/import-owners.js';
import type { Io } from './io.js';
import { withDb } from './open-db.js';
import { pickPlan } from './pick-plan.js';
import { UsageError } from './usage-error.js';

export async function runAssign(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { plan: { type: 'string' }, propose: { type: 'boolean' }, write: { type: 'string' } }, allowPositionals: true });
  const file = positionals[0];
  if (values.propose) {
    if (file) throw new UsageError('--propose 按飞书通讯录生成建议，不读分工表：workplan assign --propose [--plan 计划编号] [--write 文件.csv]');
    return (await import('./assign-propose.js')).runAssignPropose(values, io);
  }
  if (values.write) throw new UsageError('--write 只与 --propose 一起使用。');
  if (!file) throw new UsageError('请指定责任分工表：workplan assign <文件.csv|.xlsx> [--plan 计划编号]，或 workplan assign --propose');
  const source = await readPlanFile(file);
  if (source.kind !== 'table') throw new UsageError('责任分工表应为 .csv、.tsv、.xlsx 表格，或带表格的 .md 文件。');
  let reading;
  try {
    reading = readOwners(source.rows);
  } catch (e) {
    if (e instanceof OwnersError) throw new UsageError(e.message);
    throw e;
  }
  return withDb(async (db) => {
    const planId = await pickPlan(db, values.plan);
    // Every problem at once, the file's own and the plan's, in row order; Feishu is asked for ids only of a file without any.
    // (a row Feishu was not asked about, having an email or a mobile, is not said to lack an account).
    const rows = reading.problems.length ? reading.rows : await resolveIds(reading.rows);
    const checked = reading.problems.length ? rows.filter((r) => r.openId || (!r.email && !r.mobile)) : rows;
    const problems = [...reading.problems, ...(await ownersProblems(db, { planId, rows: checked, codes: reading.codes }))];
    if (problems.length) throw new UsageError(problemsMessage(problems));
    if (!rows.length) throw new UsageError('责任分工表中没有任何人员行。');
    try {
      const r = await importOwners(db, { planId, rows, by: `cli:${file}`, now: systemClock.now() });
      io.out(`已导入责任分工：${rows.length} 行，涉及 ${r.people} 人；新增 ${r.added} 项分工，${r.unchanged} 项已存在。\n`);
      return 0;
    } catch (e) {
      if (e instanceof OwnersRefused) throw new UsageError(e.message);
      throw e;
    }
  });
}

/** Fills in open_ids from emails and mobiles through Feishu's batch_get_id. */
async function resolveIds(rows: OwnerRow[]): Promise<OwnerRow[]> {
  const missing = rows.filter((r) => !r.openId && (r.email || r.mobile));
  if (!missing.length) return rows;
  const config = loadConfig(process.env, 'feishu');
  const messenger = createMessenger({ appId: config.FEISHU_APP_ID, appSecret: config.FEISHU_APP_SECRET, domain: config.FEISHU_DOMAIN, proxied: proxyConfigured(config) });
  const found = await messenger.lookupUsers({
    emails: [...new Set(missing.flatMap((r) => (r.email ? [r.email] : [])))],
    mobiles: [...new Set(missing.flatMap((r) => (r.mobile ? [r.mobile] : [])))],
  });
  return rows.map((r) => (r.openId ? r : { ...r, openId: (r.email && found.get(r.email)) || (r.mobile && found.get(r.mobile)) || null }));
}
