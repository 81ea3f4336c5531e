/**
 * bot/domain/papers/unit-stats.ts: per lead unit, how many of its tasks are overdue, unreported or blocked at each
 * moment, in the engine's words; a task's units are its 牵头单位, else its owners' departments, else 未明确牵头单位.
 */
import { describe, expect, it } from 'vitest';
import { countOf, NO_UNIT, unitsOf, unitStats, type UnitTask } from '../../../bot/domain/papers/unit-stats.js';

type Kind = 'overdue' | 'blocked' | 'at_risk';
const state = (kinds: Kind[], reported: boolean | null): UnitTask['state'] =>
  ({ reasons: kinds.map((kind) => ({ kind })), reporting: { reported }, lifecycle: 'active' }) as unknown as UnitTask['state'];
const unitTask = (leadUnits: string[], kinds: Kind[] = [], reported: boolean | null = true, ownerDepartments: string[] = []): UnitTask =>
  ({ leadUnits, ownerDepartments, state: state(kinds, reported) });

describe('unitsOf', () => {
  it('takes the lead units, else the owners\' departments once each, else 未明确牵头单位', () => {
    expect(unitsOf(unitTask(['高新科', '平台科'], [], true, ['办公室']))).toEqual(['高新科', '平台科']);
    expect(unitsOf(unitTask([], [], true, ['办公室', ' ', '办公室', '农村科']))).toEqual(['办公室', '农村科']);
    expect(unitsOf(unitTask([], [], true, ['', '  ']))).toEqual([NO_UNIT]);
    expect(NO_UNIT).toBe('未明确牵头单位');
  });
});

describe('countOf', () => {
  it('counts overdue and blocked from the light\'s reasons, unreported only when the period was asked and not answered', () => {
    expect(countOf(unitTask(['x'], ['overdue', 'blocked'], false))).toEqual({ overdue: 1, unreported: 1, blocked: 1 });
    expect(countOf(unitTask(['x'], ['at_risk'], null))).toEqual({ overdue: 0, unreported: 0, blocked: 0 });
    expect(countOf(unitTask(['x'], [], true))).toEqual({ overdue: 0, unreported: 0, blocked: 0 });
  });
});

describe('unitStats', () => {
  it('gives a row per unit in the order the plan first names them, a count per moment, oldest first', () => {
    const rows = unitStats([
      { date: '2022-04-08', label: '第14周', tasks: [unitTask(['平台科'], ['blocked']), unitTask(['高新科', '平台科'], ['overdue'], false)] },
      { date: '2022-04-15', label: '第15周', tasks: [unitTask(['高新科']), unitTask(['平台科'], [], false), unitTask([], ['overdue'])] },
    ]);
    expect(rows).toEqual([
      { unit: '平台科', counts: [{ tasks: 2, overdue: 1, unreported: 1, blocked: 1 }, { tasks: 1, overdue: 0, unreported: 1, blocked: 0 }] },
      { unit: '高新科', counts: [{ tasks: 1, overdue: 1, unreported: 1, blocked: 0 }, { tasks: 1, overdue: 0, unreported: 0, blocked: 0 }] },
      { unit: NO_UNIT, counts: [{ tasks: 0, overdue: 0, unreported: 0, blocked: 0 }, { tasks: 1, overdue: 1, unreported: 0, blocked: 0 }] },
    ]);
    expect(unitStats([])).toEqual([]);
  });
});
