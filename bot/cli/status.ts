/**
 * `workplan status [--at 2022-04-15[T16:00]] [--json] [--plan N]`: every task's state at that
 * moment (default now), as the task-state engine decides it — the same state every card, digest
 * and ledger row shows.
 */
import { parseArgs } from 'node:util';
import { systemClock } from '../clock.js';
import { chineseWorkCalendar } from '../domain/calendar/chinese-calendar.js';
import { amountWord, dateWord, LIGHT_EMOJI, lifecycleWord, PROGRESS_WORDS, shareWord } from '../domain/task-state/index.js';
import { taskStateJson } from '../domain/task-state/state-json.js';
import type { TargetState, TaskState } from '../domain/task-state/types.js';
import { loadTaskStates } from '../store/task-states.js';
import { parseAt } from './digest.js';
import type { Io } from './io.js';
import { withDb } from './open-db.js';
import { pickPlan } from './pick-plan.js';
import { UsageError } from './usage-error.js';

const USAGE = '用法：workplan status [--at 2022-04-15[T16:00]] [--json] [--plan 计划编号]';

export async function runStatus(args: string[], io: Io): Promise<number> {
  let values: { at?: string; json?: boolean; plan?: string };
  try {
    ({ values } = parseArgs({ args, options: { at: { type: 'string' }, json: { type: 'boolean' }, plan: { type: 'string' } } }));
  } catch {
    throw new UsageError(USAGE);
  }
  const now = parseAt(values.at, systemClock.now());
  const calendar = chineseWorkCalendar({ onFallback: (y) => io.err(`提示：${y} 年的节假日安排尚未发布，按周一至周五计算工作日。\n`) });
  const states = await withDb(async (db) => loadTaskStates(db, { planId: await pickPlan(db, values.plan), now, calendar }));
  if (values.json) {
    const json = { at: now.toISOString(), plan: states.plan, tasks: states.tasks.map((t) => taskStateJson({ ...t, state: t.state })) };
    io.out(`${JSON.stringify(json, null, 2)}\n`);
    return 0;
  }
  const today = states.ctx.today;
  io.out(`《${states.plan.title}》 ${today} 的任务状态（${states.tasks.length} 项）\n`);
  for (const t of states.tasks) {
    io.out(`${LIGHT_EMOJI[t.state.light]} [${t.code}] ${t.title}｜${lifecycleWord(t.state.lifecycle)}｜${PROGRESS_WORDS[t.state.progress]}｜${reportedWord(t.state)}｜时限${deadlineWord(t.state, today)}\n`);
    for (const g of t.state.targets) io.out(`      ${targetWord(g)}\n`);
  }
  return 0;
}

function reportedWord(s: TaskState): string {
  if (s.reporting.reported === true) return '本期已报送';
  if (s.reporting.reported === false) return '本期未报送';
  return s.reporting.why === 'on_leave' ? '本期请假' : '本期未催报';
}

function deadlineWord(s: TaskState, today: string): string {
  const extended = s.deadline.planned ? `（原定${dateWord(s.deadline.planned, today)}，已延期）` : '';
  return `${dateWord(s.deadline.date, today)}${extended}`;
}

function targetWord(g: TargetState): string {
  const latest = g.latest === null ? '未填报' : amountWord(g.latest, g.unit);
  const pace = g.done !== null && g.time !== null ? `，完成 ${shareWord(g.done)} / 时间 ${shareWord(g.time)}` : g.done !== null ? `，完成 ${shareWord(g.done)}` : '';
  return `${g.label}：${latest} / 目标 ${amountWord(g.value, g.unit)}${pace}`;
}
