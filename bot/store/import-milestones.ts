/**
 * A task's milestones (时间节点) on import and re-import. A stored step whose text is unchanged keeps its
 * row — its id (what its reminders are keyed on) and its done mark — whatever its date or place; steps
 * that left the task are deleted, new ones added.
 */
import type { ParsedMilestone } from '../domain/plan/types.js';
import type { Tx } from './db.js';

export type StoredMilestone = { id: number; position: number; due: string; text: string; doneAt: Date | null };

/** Matches the task's new milestones to its stored ones by text (each stored one used once). */
export function matchMilestones(next: ParsedMilestone[], prev: StoredMilestone[]): { keep: (StoredMilestone | null)[]; gone: StoredMilestone[] } {
  const free = [...prev].sort((a, b) => a.position - b.position);
  const keep = next.map((m) => {
    const i = free.findIndex((p) => p.text === m.text);
    return i < 0 ? null : free.splice(i, 1)[0]!;
  });
  return { keep, gone: free };
}

/** Writes only what changed; true when anything did. */
export async function writeMilestones(tx: Tx, taskId: number, next: ParsedMilestone[], prev: StoredMilestone[]): Promise<boolean> {
  const { keep, gone } = matchMilestones(next, prev);
  let changed = false;
  if (gone.length) {
    await tx.milestone.deleteMany({ where: { id: { in: gone.map((g) => g.id) } } });
    changed = true;
  }
  for (const [position, m] of next.entries()) {
    const stored = keep[position];
    if (!stored) {
      await tx.milestone.create({ data: { taskId, position, due: m.due, text: m.text } });
      changed = true;
    } else if (stored.position !== position || stored.due !== m.due) {
      await tx.milestone.update({ where: { id: stored.id }, data: { position, due: m.due } });
      changed = true;
    }
  }
  return changed;
}

/** 「6月30日 完成评估」 lists for the importer's summary of a change. */
export function describeMilestones(ms: { due: string; text: string }[]): string {
  return ms.map((m) => `${m.due} ${m.text}`).join('、') || '无';
}
