/**
 * `workplan report --kind week|month|half|year --out <文件>.docx [--at 2022-04-15[T16:00]] [--plan N]`:
 * writes the paper a 办公室 sends upward — the week's or month's 推进情况, or the half year's or year's
 * 工作总结（初稿） — from each task's state at that moment (default now) and the period's reports.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { systemClock } from '../clock.js';
import { chineseWorkCalendar } from '../domain/calendar/chinese-calendar.js';
import { PAPER_KIND_WORDS, PAPER_KINDS, type PaperKind } from '../domain/papers/period.js';
import { buildPaperFile } from '../papers/build-paper.js';
import { parseAt } from './digest.js';
import type { Io } from './io.js';
import { withDb } from './open-db.js';
import { pickPlan } from './pick-plan.js';
import { commandUsage } from './commands.js';
import { UsageError } from './usage-error.js';

/** The command's usage, from the one table main.ts answers --help from. */
const USAGE = commandUsage('report');

export async function runReport(args: string[], io: Io): Promise<number> {
  let values: { kind?: string; out?: string; at?: string; plan?: string };
  try {
    ({ values } = parseArgs({ args, options: { kind: { type: 'string' }, out: { type: 'string' }, at: { type: 'string' }, plan: { type: 'string' } } }));
  } catch {
    throw new UsageError(USAGE);
  }
  const kind = paperKind(values.kind);
  if (!values.out) throw new UsageError(`请用 --out 指定写入的 .docx 文件。\n${USAGE}`);
  if (!/\.docx$/i.test(values.out)) throw new UsageError(`写入的文件应以 .docx 结尾：${values.out}`);
  const now = parseAt(values.at, systemClock.now());
  const calendar = chineseWorkCalendar({ onFallback: (y) => io.err(`提示：${y} 年的节假日安排尚未发布，按周一至周五计算工作日。\n`) });
  const paper = await withDb(async (db) => buildPaperFile(db, { planId: await pickPlan(db, values.plan), kind, now, calendar }));
  const out = resolve(values.out);
  await writeFile(out, paper.bytes);
  io.out(`已写入「${paper.model.title}」：${out}（${paper.taskCount} 项任务，本期 ${paper.reportCount} 条进展报送）\n`);
  return 0;
}

function paperKind(given: string | undefined): PaperKind {
  if (!given) throw new UsageError(`请用 --kind 指定类型：week（周报）、month（月报）、half（半年总结）、year（全年总结）。\n${USAGE}`);
  const kind = (PAPER_KINDS as readonly string[]).includes(given) ? (given as PaperKind) : PAPER_KIND_WORDS[given];
  if (!kind) throw new UsageError(`不认识的类型「${given}」，可用：week、month、half、year（或 周报、月报、半年、全年）。`);
  return kind;
}
