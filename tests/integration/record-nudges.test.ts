/** recordNudges on a real SQLite store: each nudge stored once under its key, whatever repeats or races. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nudgeKey, type DueNudge } from '../../bot/domain/schedule/types.js';
import { recordNudges } from '../../bot/store/nudge-store.js';
import { seedPlan } from '../helpers/seed.js';
import { tempStore } from '../helpers/temp-store.js';

const NOW = new Date('2022-03-28T09:30:00+08:00');
let store: Awaited<ReturnType<typeof tempStore>>;
let nudges: DueNudge[];

beforeEach(async () => {
  store = await tempStore();
  await seedPlan(store.db, { now: NOW });
  const roles = await store.db.assignment.findMany({ where: { role: 'owner' }, orderBy: { id: 'asc' } });
  // Enough nudges for several write batches (500 rows each).
  nudges = roles.flatMap((a) =>
    Array.from({ length: 60 }, (_, w) => {
      const period = `2021-W${String(w + 1).padStart(2, '0')}`;
      return { key: nudgeKey(a.taskId, a.personId, period, 'checkin'), taskId: a.taskId, personId: a.personId, period, kind: 'checkin', level: null, dueAt: NOW, role: 'owner' as const };
    }),
  );
});
afterEach(async () => store.cleanup());

const states = async () => {
  const rows = await store.db.nudge.findMany({ select: { key: true, state: true } });
  return new Map(rows.map((r) => [r.key, r.state]));
};

describe('recordNudges', () => {
  it('stores due nudges as pending and skipped ones as skipped, and returns the due keys still waiting', async () => {
    expect(nudges.length).toBeGreaterThan(1000);
    const [skipped, due] = [nudges.slice(0, 10), nudges.slice(10)];
    const waiting = await recordNudges(store.db, due, skipped, NOW);
    expect(waiting.sort()).toEqual(due.map((n) => n.key).sort());
    const stored = await states();
    expect(stored.size).toBe(nudges.length);
    expect(skipped.every((n) => stored.get(n.key) === 'skipped')).toBe(true);
    expect(due.every((n) => stored.get(n.key) === 'pending')).toBe(true);
  });

  it('a repeated sweep adds nothing and returns only the nudges not yet sent', async () => {
    await recordNudges(store.db, nudges, [], NOW);
    await store.db.nudge.updateMany({ where: { key: { in: nudges.slice(0, 100).map((n) => n.key) } }, data: { state: 'sent' } });
    const again = await recordNudges(store.db, nudges, [], new Date(NOW.getTime() + 60_000));
    expect(again.sort()).toEqual(nudges.slice(100).map((n) => n.key).sort());
    expect(await store.db.nudge.count()).toBe(nudges.length);
    expect(await store.db.nudge.count({ where: { state: 'sent' } })).toBe(100);
  });

  it('two sweeps at once store each nudge once, and a key both skipped and due stays skipped', async () => {
    const half = nudges.slice(0, 700);
    const both = nudges[0]!;
    await Promise.all([recordNudges(store.db, nudges, [both], NOW), recordNudges(store.db, half, [both], NOW)]);
    const stored = await states();
    expect(stored.size).toBe(nudges.length);
    expect(stored.get(both.key)).toBe('skipped');
  });
});
