/**
 * Which field of a task an audit entry changed, so /undo can tell whether
 * anything newer touched the same field. Keys: 'deadline', 'target:<position>',
 * 'cadence', 'status', 'assignment:<personId>:<role>'; 'target:*' for every
 * target and '*' for everything. Pure.
 */

export interface AuditFacts {
  action: string;
  before: string | null;
  after: string | null;
}

type Json = Record<string, unknown>;

export function readJson(text: string | null): Json {
  if (!text) return {};
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {};
  } catch {
    return {};
  }
}

export function fieldsTouched(e: AuditFacts): string[] {
  const before = readJson(e.before);
  const after = readJson(e.after);
  switch (e.action) {
    case 'task.deadline':
      return ['deadline'];
    case 'task.target':
      return [`target:${String(after.position ?? before.position)}`];
    case 'task.cadence':
      return ['cadence'];
    case 'task.status':
    case 'task.lifecycle':
      return ['status'];
    case 'assignment.added':
      return [`assignment:${String(after.personId)}:${String(after.role)}`];
    case 'assignment.ended':
      return [`assignment:${String(before.personId)}:${String(before.role)}`];
    case 'task.reimported':
      return ['deadline', 'target:*'];
    case 'task.removed':
      return ['*'];
    default:
      return [];
  }
}

/** Do two lists of field keys share a field? */
export function sameField(a: string[], b: string[]): boolean {
  const match = (x: string, y: string) =>
    x === y || x === '*' || y === '*' || (x === 'target:*' && y.startsWith('target:')) || (y === 'target:*' && x.startsWith('target:'));
  return a.some((x) => b.some((y) => match(x, y)));
}
