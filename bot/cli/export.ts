/**
 * `workplan export --out <台账.xlsx> [--plan <id>] [--at 2022-04-15[T16:00]]`: writes the ledger
 * (台账) of a plan. --at is the moment (Beijing time; a day alone means 16:00 of it, as for
 * `workplan status` and `digest`) whose task states the task sheet shows and whose date heads its
 * 序时进度 column (default: now).
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { systemClock } from '../clock.js';
import { atShanghai } from '../domain/calendar/shanghai-time.js';
import { chineseWorkCalendar } from '../domain/calendar/chinese-calendar.js';
import { toDayNumber } from '../domain/calendar/civil-date.js';
import { exportLedger } from '../ledger/build-ledger.js';
import type { Io } from './io.js';
import { withDb } from './open-db.js';
import { pickPlan } from './pick-plan.js';
import { commandUsage } from './commands.js';
import { UsageError } from './usage-error.js';

/** The command's usage, from the one table main.ts answers --help from. */
const USAGE = commandUsage('export');

export async function runExport(args: string[], io: Io): Promise<number> {
  let values: { out?: string; plan?: string; at?: string };
  try {
    ({ values } = parseArgs({ args, options: { out: { type: 'string' }, plan: { type: 'string' }, at: { type: 'string' } } }));
  } catch {
    throw new UsageError(USAGE);
  }
  if (!values.out) throw new UsageError(`请用 --out 指定导出文件。\n${USAGE}`);
  if (!/\.xlsx$/i.test(values.out)) throw new UsageError(`导出文件应以 .xlsx 结尾：${values.out}`);
  const now = values.at === undefined ? systemClock.now() : parseMoment(values.at);
  const out = resolve(values.out);
  const calendar = chineseWorkCalendar({
    onFallback: (year) => io.err(`提示：不知道 ${year} 年的法定节假日安排，序时进度按周一至周五计算。\n`),
  });

  const ledger = await withDb(async (db) => exportLedger(db, { planId: await pickPlan(db, values.plan), now, calendar }));
  try {
    await writeFile(out, ledger.bytes);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EPERM' || code === 'EISDIR' || code === 'EBUSY') {
      throw new UsageError(`无法写入「${out}」（${code}）：请检查目录是否存在、是否有写权限、文件是否正被打开。`);
    }
    throw e;
  }
  io.out(`已导出台账：${out}（${ledger.taskCount} 项任务，${ledger.reportCount} 条进展记录）\n`);
  return 0;
}

/** '2022-04-15' → 16:00 of that day, '2022-04-15T09:30' → that minute, Beijing time; a day that does not exist is refused. */
function parseMoment(at: string): Date {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ]([01]\d|2[0-3]):([0-5]\d))?$/.exec(at.trim());
  try {
    if (!m) throw new Error('no match');
    toDayNumber(m[1]!);
  } catch {
    throw new UsageError(`无法识别日期「${at}」，请写成 2022-04-15 或 2022-04-15T16:00。`);
  }
  return atShanghai(m[1]!, m[2] ? `${m[2]}:${m[3]}` : '16:00');
}
