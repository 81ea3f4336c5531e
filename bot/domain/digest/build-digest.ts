/**
 * The weekly digest (周报) model: buildDigest(input, cal, settings) → DigestModel. Pure: the
 * time comes in input.now, working days from `cal`. Renderers: digestCards (Feishu) and
 * digestText (CLI preview).
 */
import { shanghaiDate } from '../calendar/shanghai-time.js';
import { workdaysBetween, type WorkCalendar } from '../calendar/work-calendar.js';
import { elapsedShare } from '../pace.js';
import { buildTask, type BuiltTask, type TaskContext } from './build-task.js';
import { chartBars, dueSoon, missingReporters, needsLeaders } from './digest-lists.js';
import type { DigestModel, DigestSection } from './model.js';
import { DEFAULT_DIGEST, type DigestInput, type DigestSettings, type DigestSnapshot, type DigestStatus, type Light } from './types.js';
import { STATUS_ORDER, weekLabel, worstLight } from './words.js';

/** Title of the group for tasks outside any section. */
export const NO_SECTION_TITLE = '其他任务';

function sectionsOf(built: readonly BuiltTask[]): DigestSection[] {
  const byKey = new Map<string, DigestSection>();
  for (const { task } of built) {
    const key = task.section?.ordinal ?? '';
    let section = byKey.get(key);
    if (!section) {
      section = { ordinal: task.section?.ordinal ?? null, title: task.section?.title ?? NO_SECTION_TITLE, light: 'grey', tasks: [] };
      byKey.set(key, section);
    }
    section.tasks.push(task);
  }
  const sections = [...byKey.values()];
  for (const s of sections) s.light = worstLight(s.tasks.map((t) => t.light));
  return sections;
}

export function buildDigest(input: DigestInput, cal: WorkCalendar, settings: DigestSettings = DEFAULT_DIGEST): DigestModel {
  const today = shanghaiDate(input.now);
  const timeShare = elapsedShare(cal, input.plan.periodStart, input.plan.periodEnd, today);
  const counted = new Map<string, number>();
  const workdaysTo = (date: string): number => {
    let n = counted.get(date);
    if (n === undefined) counted.set(date, (n = workdaysBetween(cal, today, date)));
    return n;
  };
  const ctx: TaskContext = { now: input.now, periodStart: input.plan.periodStart, timeShare, today, workdaysTo, settings, previous: input.previous };
  const built = input.tasks.map((t) => buildTask(t, ctx));

  const counts = Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as Record<DigestStatus, number>;
  const lights: Record<Light, number> = { red: 0, yellow: 0, grey: 0, green: 0 };
  const snapshot: DigestSnapshot = { week: input.week.id, tasks: {} };
  for (const { task, entry } of built) {
    counts[task.status] += 1;
    lights[task.light] += 1;
    snapshot.tasks[String(task.id)] = entry;
  }

  return {
    header: {
      planTitle: input.plan.title,
      weekId: input.week.id,
      weekNumber: input.week.number,
      weekLabel: weekLabel(input.week),
      today,
      timeShare,
    },
    worst: worstLight(built.map((b) => b.task.light)),
    total: built.length,
    counts,
    lights,
    sections: sectionsOf(built),
    needsLeaders: needsLeaders(built, input.tasks),
    dueSoon: dueSoon(built, today, settings.dueWithinDays),
    dueWithinDays: settings.dueWithinDays,
    missing: missingReporters(built, input.tasks),
    showMissingInGroup: settings.showMissingInGroup,
    chart: chartBars(built),
    snapshot,
  };
}
