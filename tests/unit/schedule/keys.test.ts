/** Every intended nudge has a stable, unique key `${taskId}:${personId}:${period}:${kind}`. */
import { describe, expect, it } from 'vitest';
import { dueNudges } from '../../../bot/domain/schedule/index.js';
import { bj, cal, person, seedTask, simulateSweeps } from './helpers.js';

const task = seedTask({
  taskId: 7,
  deadline: '2022-05-20',
  owners: [person(101), person(102)],
  leaders: [person(900)],
});

describe('nudge keys', () => {
  it('are unique and well-formed over two months of sweeps', () => {
    const { sent } = simulateSweeps(() => task, bj('2022-04-01 00:00'), bj('2022-05-31 23:30'));
    const keys = sent.map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) {
      expect(key).toMatch(
        /^7:(101|102|900):(2022-W\d{2}:(checkin|followup[12])|2022-05-20:(deadline-\d+|overdue-\d+|leader-overdue-\d+))$/,
      );
    }
    expect(keys).toContain('7:101:2022-W14:checkin');
    expect(keys).toContain('7:102:2022-05-20:deadline-10');
    expect(keys).toContain('7:900:2022-05-20:leader-overdue-6');
    expect(keys.filter((k) => k.startsWith('7:900:')).every((k) => k.includes(':leader-overdue-'))).toBe(true);
  });

  it('do not depend on when the sweep runs', () => {
    const keysAt = (local: string) => dueNudges(task, bj(local), cal).due.map((n) => n.key);
    expect(keysAt('2022-04-13 09:30')).toEqual(keysAt('2022-04-13 19:59'));
    expect(keysAt('2022-04-13 09:30')).toEqual(['7:101:2022-W15:followup1', '7:102:2022-W15:followup1']);
    // The same follow-up, seen from the next working day, has the same key.
    expect(keysAt('2022-04-14 08:00')).toEqual(keysAt('2022-04-13 09:30'));
  });

  it('name the deadline date as the period of ladder steps', () => {
    const { due } = dueNudges(task, bj('2022-05-23 10:00'), cal);
    expect(due.filter((n) => n.kind.startsWith('overdue')).map((n) => [n.period, n.kind])).toEqual([]);
    const later = dueNudges(task, bj('2022-05-24 10:00'), cal).due;
    expect(later.filter((n) => n.kind.startsWith('overdue')).map((n) => [n.period, n.kind, n.level])).toEqual([
      ['2022-05-20', 'overdue-2', 'yellow'],
      ['2022-05-20', 'overdue-2', 'yellow'],
    ]);
  });
});
