/**
 * The weekly digest (周报) model: buildDigest(input, settings) → DigestModel. Pure. Every task's
 * light, progress, pace, deadline and reporting come from its engine state (input.tasks[].state);
 * the digest only counts, groups and orders them. Renderers: digestCards (Feishu), digestText (CLI
 * preview), digestJson (`workplan digest --preview --json`).
 */
import { buildTask } from './build-task.js';
import { chartBars, dueSoon, missingReporters, needsLeaders, reportingSummary } from './digest-lists.js';
import type { DigestModel, DigestSection, DigestTask } from './model.js';
import { DEFAULT_DIGEST, type DigestInput, type DigestSettings, type DigestSnapshot, type DigestStatus, type Light } from './types.js';
import { LIGHT_ORDER, STATUS_ORDER, weekLabel, worstLight } from './words.js';

/** Title of the group for tasks outside any section. */
export const NO_SECTION_TITLE = '其他任务';

function sectionsOf(tasks: readonly DigestTask[]): DigestSection[] {
  // Keyed by ordinal, null for the tasks outside any section (a Map key, so no ordinal can be taken for it).
  const byKey = new Map<string | null, Omit<DigestSection, 'light'>>();
  for (const task of tasks) {
    const key = task.section?.ordinal ?? null;
    let section = byKey.get(key);
    if (!section) {
      section = { ordinal: key, title: task.section?.title ?? NO_SECTION_TITLE, tasks: [] };
      byKey.set(key, section);
    }
    section.tasks.push(task);
  }
  return [...byKey.values()].map((s) => ({ ...s, light: worstLight(s.tasks.map((t) => t.state.light)) }));
}

export function buildDigest(input: DigestInput, settings: DigestSettings = DEFAULT_DIGEST): DigestModel {
  const built = input.tasks.map((t) => buildTask(t, input.previous, input.history ?? []));
  const tasks = built.map((b) => b.task);
  const counts = Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as Record<DigestStatus, number>;
  const lights = Object.fromEntries(LIGHT_ORDER.map((l) => [l, 0])) as Record<Light, number>;
  const snapshot: DigestSnapshot = { week: input.week.id, tasks: {} };
  for (const { task, entry } of built) {
    counts[task.status] += 1;
    lights[task.state.light] += 1;
    snapshot.tasks[String(task.id)] = entry;
  }
  return {
    header: {
      plan: input.plan,
      weekId: input.week.id,
      weekNumber: input.week.number,
      weekLabel: weekLabel(input.week, input.today),
      firstWorkday: input.week.firstWorkday,
      lastWorkday: input.week.lastWorkday,
      today: input.today,
      timeShare: input.timeShare,
    },
    worst: worstLight(tasks.map((t) => t.state.light)),
    total: tasks.length,
    counts,
    lights,
    reporting: reportingSummary(tasks),
    sections: sectionsOf(tasks),
    needsLeaders: needsLeaders(tasks),
    dueSoon: dueSoon(tasks, settings.dueWithinWorkdays),
    dueWithinWorkdays: settings.dueWithinWorkdays,
    missing: missingReporters(tasks),
    showMissingInGroup: settings.showMissingInGroup,
    chart: chartBars(tasks),
    snapshot,
  };
}
