/**
 * `workplan read-reply --plan <file> --task <code> --text "<reply>" [--json] [--at <date>]`:
 * a dry run of the reply reader against a plan's task. Relative dates (「月底」「下周五」) resolve
 * against --at; without it, against a day in the plan's period: today clamped into the period
 * (so the period's end once it is over), never a wall-clock day of another year.
 */
import { parseArgs } from 'node:util';
import { systemClock } from '../clock.js';
import { shanghaiDate } from '../domain/calendar/shanghai-time.js';
import { normaliseTaskCode } from '../domain/owners/parse-owners.js';
import { parsePlan } from '../domain/plan/parse-plan.js';
import { readReply } from '../domain/reply/read-reply.js';
import { wordTable } from '../domain/word-table.js';
import { readPlanFile } from '../plan-files/read-plan-file.js';
import type { Io } from './io.js';
import { UsageError } from './usage-error.js';

const STATUS_WORDS = wordTable({ on_track: '按计划推进', not_started: '尚未启动', at_risk: '有风险', blocked: '受阻', done: '已完成' });

/** Today clamped into the plan's period: its end once it is over, its start before it begins. */
export function readingDay(today: string, periodStart: string, periodEnd: string): string {
  if (today > periodEnd) return periodEnd;
  return today < periodStart ? periodStart : today;
}

export async function runReadReply(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { plan: { type: 'string' }, task: { type: 'string' }, text: { type: 'string' }, json: { type: 'boolean' }, at: { type: 'string' } },
  });
  if (!values.plan || !values.task || values.text === undefined) {
    throw new UsageError(
      '用法：workplan read-reply --plan <文件> --task <任务编号> --text "<回复>" [--json] [--at 2022-04-15]（--at：按哪一天理解「月底」「下周五」等，默认取计划期内的今天，计划期已过则取计划期末）',
    );
  }
  const at = values.at ? new Date(`${values.at}T12:00:00+08:00`) : null;
  if (at && (!/^\d{4}-\d{2}-\d{2}$/.test(values.at!) || Number.isNaN(at.getTime()))) throw new UsageError(`无法识别日期「${values.at}」，请写成 2022-04-15。`);
  const today = shanghaiDate(systemClock.now());
  const plan = parsePlan(await readPlanFile(values.plan), { fallbackYear: Number((values.at ?? today).slice(0, 4)) });
  const now = at ?? new Date(`${readingDay(today, plan.plan.periodStart, plan.plan.periodEnd)}T12:00:00+08:00`);
  const code = normaliseTaskCode(values.task);
  const task = plan.tasks.find((t) => t.code === code);
  if (!task) throw new UsageError(`计划中没有任务「${values.task}」。可用的任务编号：${plan.tasks.map((t) => t.code).join('、')}`);
  const read = readReply({ text: values.text, targets: task.targets, now });
  if (values.json) {
    const { status, percent, values: found, expectedOn } = read;
    io.out(JSON.stringify({ status, percent, values: found, expectedOn }) + '\n');
    return 0;
  }
  io.out(`任务${task.code} ${task.title}\n`);
  io.out(`  状态：${read.status ? STATUS_WORDS[read.status] : '（未读出）'}\n`);
  if (read.percent !== null) io.out(`  进度：${read.percent}%\n`);
  for (const v of read.values) {
    const t = task.targets[v.target]!;
    io.out(`  ${t.label}：${v.value}${v.unit}（目标 ${t.value}${t.unit}）\n`);
  }
  if (read.expectedOn) io.out(`  预计完成：${read.expectedOn}\n`);
  if (read.blocker) io.out(`  困难：${read.blocker}\n`);
  for (const d of read.doubts) {
    const where = d.kind === 'value' ? d.others.map((i) => task.targets[i]?.label ?? '').join('、') : d.others.join('、');
    io.out(d.kind === 'value' ? `  待确认：「${d.words}」中的 ${d.value}${d.unit} 可能属于 ${where}\n` : `  待确认：「${d.words}」预计完成也可能是 ${where}\n`);
  }
  return 0;
}
