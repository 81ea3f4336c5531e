/**
 * `workplan status [--at 2022-04-15[T16:00]] [--json] [--plan N]`: every task's state at that
 * moment (default now), as the task-state engine decides it — the same state every card, digest
 * and ledger row shows.
 */
import { parseArgs } from 'node:util';
import { systemClock } from '../clock.js';
import { chineseWorkCalendar } from '../domain/calendar/chinese-calendar.js';
import { amountWord, LIGHT_EMOJI } from '../domain/task-state/index.js';
import { deadlineWord, pacePhrase, phraseText, reportingWord, stateWord } from '../domain/task-state/phrases.js';
import { taskStateJson } from '../domain/task-state/state-json.js';
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
    const s = t.state;
    io.out(`${LIGHT_EMOJI[s.light]} [${t.shownCode}] ${t.title}｜${stateWord(s)}｜${reportingWord(s.reporting)}｜时限${deadlineWord(s.deadline, today)}\n`);
    for (const g of s.targets) {
      const latest = g.latest === null ? '未填报' : amountWord(g.latest, g.unit);
      io.out(`      ${g.label}：${latest} / 目标 ${amountWord(g.value, g.unit)}｜${phraseText(pacePhrase(g, { expected: 'always', periodStart: states.plan.periodStart }))}\n`);
    }
  }
  return 0;
}
