/**
 * A task's traffic light (红黄绿灯). Pure.
 * red: blocked, overdue, or a target far behind pace (ratio < redBelow, or an at_most cap exceeded);
 * yellow: at risk, not reported (未报送), or a target lagging (ratio < greenAt);
 * grey: never reported; green: on track or done, and on pace.
 */
import type { TargetPace } from './model.js';
import type { DigestStatus, Light } from './types.js';

export function taskLight(status: DigestStatus, targets: readonly TargetPace[]): Light {
  const verdicts = new Set(targets.map((t) => t.verdict));
  if (status === 'blocked' || status === 'overdue' || verdicts.has('far_behind')) return 'red';
  if (status === 'at_risk' || status === 'missing' || verdicts.has('lagging')) return 'yellow';
  if (status === 'unknown') return 'grey';
  return 'green';
}
