/**
 * /status (本周进展): this check-in period's reporting per open task, as the task-state engine
 * decides it — who reported (已报), who was asked and has not (未报), 「未催报」 where no check-in
 * went out — with the task's light. The header counts tasks asked and reported: 「全部报送」 is
 * never said when nobody was asked. Admins only.
 */
import { LIGHT_EMOJI } from '../../domain/task-state/index.js';
import { shanghaiDate } from '../../domain/calendar/shanghai-time.js';
import { laterWord, stateWord } from '../../domain/task-state/phrases.js';
import type { TaskState } from '../../domain/task-state/types.js';
import { card, markdown } from '../../feishu/cards/card.js';
import { fitLines } from '../../feishu/cards/fit-lines.js';
import { botText, cut, joinMd, md, type Md } from '../../feishu/safe-text.js';
import { loadStatesAcrossPlans } from '../../store/states-across-plans.js';
import type { TaskView } from '../../store/task-states.js';
import { say, sayCard, type CommandSpec } from './command.js';

export const statusCommand: CommandSpec = {
  names: ['status', '本周进展'],
  example: '/status',
  admin: true,
  usage: '/status',
  summary: '查看本期各任务的填报情况',
  run: async (deps, ctx) => {
    const now = deps.clock.now();
    // An archived plan's tasks are asked about no more: /status is about the plans in force.
    const tasks = await loadStatesAcrossPlans(deps.db, { now, calendar: deps.calendar, inForce: true });
    const today = shanghaiDate(now);
    const open = tasks.filter((t) => t.state.lifecycle === 'active' && t.state.reporting.why !== 'cadence_off');
    if (!open.length) {
      await say(deps, ctx, botText`目前没有需要填报的任务。`, 'status-none');
      return;
    }
    const r = (t: TaskView) => t.state.reporting;
    const asked = open.filter((t) => r(t).asked);
    const answered = asked.filter((t) => r(t).reported === true).length;
    const title = asked.length
      ? `本期填报情况（已催报${asked.length}项，已报${answered}项${answered === asked.length ? '，催报的已全部报送' : ''}）`
      : '本期填报情况（本期尚未催报）';
    const count = (f: (t: TaskView) => boolean) => open.filter(f).length;
    const summary = md`已报 ${count((t) => r(t).reported === true)} · 未报 ${count((t) => r(t).reported === false)} · 未催报 ${count((t) => r(t).why === 'not_asked')} · 请假 ${count((t) => r(t).why === 'on_leave')}`;
    const elements = [markdown(summary), markdown(joinMd(fitLines(open.map((t) => taskLine(t, today))), '\n'))];
    const others = otherTasks(tasks.filter((t) => !open.includes(t)));
    if (others) elements.push(markdown(others));
    await sayCard(deps, ctx, card({ title, template: 'blue', elements }), 'status');
  },
};

function taskLine(t: TaskView, today: string): Md {
  return md`- ${LIGHT_EMOJI[t.state.light]} **任务${cut(t.shownCode, 16)}** ${cut(t.title, 24)}：${whoWord(t, today)}`;
}

/** 「已报：张敏」「未报：李强（张敏已延后至 明天（明天再报））」「请假：王芳」「未催报」 from the engine's reporting and this period's reports. */
function whoWord(t: TaskView, today: string): Md {
  const s = t.state;
  const people = [...t.owners, ...t.collaborators];
  const names = (ids: Iterable<number | null>) => {
    const wanted = new Set(ids);
    const list = [...new Set(people.filter((p) => wanted.has(p.personId)).map((p) => p.name))].map((n) => md`${cut(n, 12)}`);
    return list.length ? joinMd(list, '、') : null;
  };
  if (!t.owners.length && s.reporting.reported !== true) return md`未指派责任人`;
  // Who asked to report later (「明天再报」) and until when, as the engine's reporting says.
  const later = s.reporting.later.map((l) => {
    const who = names([l.personId]);
    return who ? md`${who}${laterWord(l, today)}` : null;
  }).filter((x): x is Md => x !== null);
  const laterNote = later.length ? md`（${joinMd(later, '；')}）` : md``;
  switch (s.reporting.why) {
    case 'reported': {
      const who = names(s.reports.filter((x) => x.period === s.reporting.period).map((x) => x.personId));
      return who ? md`已报：${who}` : md`已报`;
    }
    case 'missing': {
      const away = new Set(s.onLeave);
      const late = names(t.owners.filter((o) => !away.has(o.personId)).map((o) => o.personId));
      const leave = names(s.onLeave);
      return md`未报：${late ?? md`无`}${leave ? md`（请假：${leave}）` : md``}${laterNote}`;
    }
    case 'returned':
      return md`待补充：${names(t.owners.map((o) => o.personId)) ?? md`无`}`;
    case 'on_leave':
      return md`请假：${names(s.onLeave) ?? md`全部责任人`}`;
    default:
      return md`未催报${laterNote}`;
  }
}

/** 「另有（本期无需报送）：已完成（待确认）1项、已办结2项、已暂停1项、不催报1项」, or null. */
function otherTasks(tasks: TaskView[]): Md | null {
  const counts = new Map<string, number>();
  const word = (s: TaskState) => (s.lifecycle === 'active' ? '不催报' : stateWord(s));
  for (const t of tasks) counts.set(word(t.state), (counts.get(word(t.state)) ?? 0) + 1);
  if (!counts.size) return null;
  return md`另有（本期无需报送）：${joinMd([...counts].map(([w, n]) => md`${w}${n}项`), '、')}`;
}
