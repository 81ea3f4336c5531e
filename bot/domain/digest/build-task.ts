/** One task of the digest: its engine state, the word its line shows, its latest words, what changed. Pure. */
import { reportDate } from '../task-state/task-state.js';
import { changesSince, snapshotEntry } from './changes.js';
import { targetTrends } from './sparkline.js';
import type { DigestTask } from './model.js';
import type { DigestSnapshot, DigestTaskInput, SnapshotEntry } from './types.js';
import { clip, digestStatus } from './words.js';

/** How many characters of the latest report's words a task line shows. */
export const WORDS_MAX = 60;

export interface BuiltTask {
  task: DigestTask;
  entry: SnapshotEntry;
}

export function buildTask(input: DigestTaskInput, previous: DigestSnapshot | null, history: readonly DigestSnapshot[] = []): BuiltTask {
  const { state } = input;
  const status = digestStatus(state);
  const entry = snapshotEntry(status, state.light, state.targets);
  const newest = state.reports[0] ?? null;
  const away = new Set(state.onLeave);
  const task: DigestTask = {
    id: input.id,
    code: input.code,
    shownCode: input.shownCode ?? input.code,
    title: input.title,
    section: input.section,
    owners: input.owners.map((o) => ({ personId: o.personId, name: o.name, onLeave: away.has(o.personId) })),
    leadUnits: input.leadUnits,
    status,
    state,
    latest: newest ? { text: clip(newest.rawText, WORDS_MAX), date: reportDate(newest), period: newest.period } : null,
    instruction: input.instruction ? { by: input.instruction.by, date: input.instruction.date, text: clip(input.instruction.text, WORDS_MAX) } : null,
    changes: changesSince(previous?.tasks[String(input.id)], entry, state.targets),
    evidence: input.evidence ?? 0,
    trends: targetTrends(input.id, state.targets, history),
  };
  return { task, entry };
}
