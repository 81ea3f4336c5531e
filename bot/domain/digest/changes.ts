/**
 * What moved since the previous digest, computed from its snapshot: status (「按计划→有风险」),
 * light, and each target's latest value (「有效期高企 112→118」). Pure.
 * Snapshots key tasks and targets by their database ids (as strings): codes can be renumbered.
 */
import type { DigestChange, TargetPace } from './model.js';
import type { DigestSnapshot, DigestStatus, Light } from './types.js';

export type SnapshotEntry = DigestSnapshot['tasks'][string];

export function snapshotEntry(status: DigestStatus, light: Light, targets: readonly TargetPace[]): SnapshotEntry {
  return { status, light, values: Object.fromEntries(targets.map((t) => [String(t.targetId), t.latest])) };
}

/** Changes against the previous entry; none when the task was not in the previous digest. */
export function changesSince(before: SnapshotEntry | undefined, now: SnapshotEntry, targets: readonly TargetPace[]): DigestChange[] {
  if (!before) return [];
  const out: DigestChange[] = [];
  if (before.status !== now.status) out.push({ kind: 'status', from: before.status, to: now.status });
  if (before.light !== now.light) out.push({ kind: 'light', from: before.light, to: now.light });
  for (const t of targets) {
    const key = String(t.targetId);
    if (!(key in before.values)) continue;
    const from = before.values[key] ?? null;
    if (from !== t.latest) out.push({ kind: 'value', targetId: t.targetId, label: t.label, unit: t.unit, from, to: t.latest });
  }
  return out;
}
