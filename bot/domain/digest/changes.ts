/**
 * What moved since the previous digest, from its snapshot: status (「按计划→有风险」), light, and each
 * target's latest value (「有效期高企 112→118」). Pure. Snapshots key tasks and targets by their
 * database ids (as strings): codes can be renumbered. Stored snapshots are read defensively: an
 * older one says 'grey' for today's 'none', and a status no longer known is left out of the changes.
 */
import type { TargetState } from '../task-state/types.js';
import type { DigestChange } from './model.js';
import type { DigestSnapshot, DigestStatus, Light, SnapshotEntry } from './types.js';
import { DIGEST_STATUS_WORDS } from './words.js';

export function snapshotEntry(status: DigestStatus, light: Light, targets: readonly TargetState[]): SnapshotEntry {
  return { status, light, values: Object.fromEntries(targets.map((t) => [String(t.targetId), t.latest])) };
}

/** Changes against the previous entry; none when the task was not in the previous digest. */
export function changesSince(before: SnapshotEntry | undefined, now: SnapshotEntry, targets: readonly TargetState[]): DigestChange[] {
  if (!before) return [];
  const out: DigestChange[] = [];
  if (before.status !== null && now.status !== null && before.status !== now.status) out.push({ kind: 'status', from: before.status, to: now.status });
  if (before.light !== now.light) out.push({ kind: 'light', from: before.light, to: now.light });
  for (const t of targets) {
    const key = String(t.targetId);
    if (!Object.hasOwn(before.values, key)) continue;
    const from = before.values[key] ?? null;
    if (from !== t.latest) out.push({ kind: 'value', targetId: t.targetId, label: t.label, unit: t.unit, from, to: t.latest });
  }
  return out;
}

const LIGHTS: Record<string, Light> = { red: 'red', yellow: 'yellow', green: 'green', none: 'none', grey: 'none' };
const isStatus = (s: unknown): s is DigestStatus => typeof s === 'string' && Object.hasOwn(DIGEST_STATUS_WORDS, s);
/** Number.isFinite never coerces: a string or a boolean is not a value. */
const isValue = (v: unknown): v is number | null => v === null || Number.isFinite(v);

/** A stored snapshot (JSON) as today's shape; null when it cannot be read. */
export function readSnapshot(json: string): DigestSnapshot | null {
  let raw: unknown = null;
  try {
    raw = JSON.parse(json);
  } catch {
    // Not JSON: raw stays null, refused below.
  }
  if (!raw) return null;
  // Stryker disable next-line ConditionalExpression: a number, string or boolean has no week either, refused below; the check is for the type
  if (typeof raw !== 'object') return null;
  const { week, tasks } = raw as { week?: unknown; tasks?: unknown };
  if (typeof week !== 'string' || !tasks || typeof tasks !== 'object') return null;
  const out: DigestSnapshot = { week, tasks: {} };
  for (const [id, e] of Object.entries(tasks as Record<string, unknown>)) {
    if (!e || typeof e !== 'object') continue;
    const { status, light, values } = e as { status?: unknown; light?: unknown; values?: unknown };
    // A number or a boolean has no entries, a string's characters are not values: only null and undefined need the {}.
    const entries = Object.entries((values ?? {}) as Record<string, unknown>).filter(([, v]) => isValue(v));
    out.tasks[id] = {
      status: isStatus(status) ? status : null,
      light: (typeof light === 'string' && Object.hasOwn(LIGHTS, light) ? LIGHTS[light] : undefined) ?? 'none',
      values: Object.fromEntries(entries) as Record<string, number | null>,
    };
  }
  return out;
}
