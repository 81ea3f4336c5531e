/**
 * /mine (我的任务): the sender's tasks of the plans in force (not archived) with their light, deadline and state, as the task-state engine decides them;
 * 「已延后至 4月12日（明天再报）」 where the sender snoozed the current check-in (the engine's reporting.later).
 */
import { shanghaiDate } from '../../domain/calendar/shanghai-time.js';
import { LIGHT_EMOJI } from '../../domain/task-state/index.js';
import { deadlineWord, laterWord, stateWord } from '../../domain/task-state/phrases.js';
import { wordTable } from '../../domain/word-table.js';
import { card, markdown } from '../../feishu/cards/card.js';
import { fitLines } from '../../feishu/cards/fit-lines.js';
import { botText, cut, figure, joinMd, md } from '../../feishu/safe-text.js';
import { loadStatesAcrossPlans } from '../../store/states-across-plans.js';
import { say, sayCard, type CommandSpec } from './command.js';

const ROLE = wordTable({ owner: '责任人', collaborator: '协办', leader: '责任领导' });

export const mineCommand: CommandSpec = {
  names: ['mine', '我的任务', '我的'],
  example: '/mine',
  admin: false,
  usage: '/mine',
  summary: '查看我负责的任务',
  run: async (deps, ctx) => {
    const person = await deps.db.person.findUnique({ where: { openId: ctx.senderOpenId } });
    const rows = person
      ? await deps.db.assignment.findMany({
          where: { personId: person.id, active: true, task: { removedAt: null, plan: { archivedAt: null } } },
          select: { role: true, taskId: true },
          orderBy: [{ task: { planId: 'asc' } }, { task: { position: 'asc' } }],
        })
      : [];
    if (!rows.length) {
      await say(deps, ctx, botText`您目前没有负责的任务。`, 'mine-none');
      return;
    }
    const now = deps.clock.now();
    const today = shanghaiDate(now);
    const tasks = new Map((await loadStatesAcrossPlans(deps.db, { now, calendar: deps.calendar, taskIds: [...new Set(rows.map((a) => a.taskId))] })).map((t) => [t.id, t]));
    const lines = rows.flatMap((a) => {
      const t = tasks.get(a.taskId);
      if (!t) return [];
      const s = t.state;
      const later = s.reporting.later.find((l) => l.personId === person?.id);
      return [md`- ${LIGHT_EMOJI[s.light]} **任务${cut(t.shownCode, 16)}** ${cut(t.title, 40)}（${ROLE[a.role] ?? a.role}）｜截止 ${figure(deadlineWord(s.deadline, today))}｜${stateWord(s)}${later ? md`｜${laterWord(later, today)}` : md``}`];
    });
    await sayCard(deps, ctx, card({ title: `我的任务（${rows.length}项）`, template: 'blue', elements: [markdown(joinMd(fitLines(lines), '\n'))] }), 'mine');
  },
};
