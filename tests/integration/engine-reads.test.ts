/**
 * Plan-wide reads give the engine only what it reads (#21): each target's latest value and a level's first since
 * the task's start (bot/store/target-values.ts), each task's newest reports (bot/store/recent-reports.ts). On the seed
 * plan with months of weekly reports — revoked ones, ones made after `now`, two at the same moment, one task with
 * more than the 30 reports read, a task with its own start — the states are exactly those computed from every
 * value and report read through Prisma, at several moments; the ledger's read (values 'all') holds every value.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chineseWorkCalendar } from '../../bot/domain/calendar/chinese-calendar.js';
import { taskState } from '../../bot/domain/task-state/task-state.js';
import type { StateReport, StateTarget } from '../../bot/domain/task-state/types.js';
import { loadTaskStates } from '../../bot/store/task-states.js';
import { seedPlan } from '../helpers/seed.js';
import { tempStore } from '../helpers/temp-store.js';

const at = (local: string) => new Date(`${local}+08:00`);
const DAY = 86_400_000;
const cal = chineseWorkCalendar();
let store: Awaited<ReturnType<typeof tempStore>>;
let planId: number;

beforeAll(async () => {
  store = await tempStore();
  const db = store.db;
  ({ planId } = await seedPlan(db, { now: at('2022-03-01T09:00:00') }));
  const tasks = await db.task.findMany({ where: { planId }, orderBy: { position: 'asc' }, include: { targets: true, assignments: true } });
  // A task of the second half: its levels' baselines are the first values from July on.
  const own = tasks.find((t) => t.targets.some((g) => g.kind === 'level' && g.baseline === null))!;
  await db.task.update({ where: { id: own.id }, data: { startDate: '2022-07-01' } });
  const first = at('2022-03-08T10:00:00').getTime();
  for (const [i, t] of tasks.entries()) {
    const personId = t.assignments[0]?.personId ?? null;
    // Task 0 reports twice a week (more than the 30 reports read); the others weekly, skipping some weeks.
    const times: number[] = [];
    for (let w = 0; w < 36; w++) {
      if (i > 0 && (i + w) % 6 === 2) continue;
      times.push(first + w * 7 * DAY + (i % 3) * 3_600_000);
      if (i === 0) times.push(first + w * 7 * DAY + 2 * DAY);
    }
    if (i === 1) times.push(times[3]!); // two reports at the same moment
    for (const [k, time] of times.entries()) {
      const created = new Date(time);
      const report = await db.report.create({
        data: {
          taskId: t.id, personId, period: `2022-W${String(10 + Math.floor(k / (i === 0 ? 2 : 1))).padStart(2, '0')}`,
          status: (i + k) % 4 === 0 ? null : ['on_track', 'at_risk', 'done', 'blocked', 'not_started'][(i + k) % 5]!,
          percent: (i + k) % 3 === 0 ? (k * 7) % 100 : null, rawText: `任务${t.code}第${k + 1}次进展`, source: (i + k) % 13 === 0 ? 'meeting' : 'text',
          createdAt: created, updatedAt: created,
          revokedAt: (i + k) % 9 === 4 ? new Date(time + 3_600_000) : null,
          returnedAt: (i + k) % 11 === 7 ? new Date(time + 7_200_000) : null,
        },
      });
      const values = t.targets.filter((_, n) => (k + n) % 5 !== 3).map((g, n) => ({ reportId: report.id, targetId: g.id, value: 10 + ((k * (n + 3) + i) % 17) * 2 + k, unit: g.unit }));
      if (values.length) await db.reportValue.createMany({ data: values });
    }
  }
}, 120_000);
afterAll(async () => store?.cleanup());

/** Every value of the target's non-revoked reports (any time), read through Prisma, in report-time order. */
async function everyValue(targetId: number): Promise<StateTarget['history']> {
  const rows = await store.db.reportValue.findMany({ where: { targetId, report: { revokedAt: null } }, include: { report: { select: { createdAt: true } } } });
  rows.sort((a, b) => a.report.createdAt.getTime() - b.report.createdAt.getTime() || a.reportId - b.reportId || a.id - b.id);
  return rows.map((v) => ({ value: v.value, at: v.report.createdAt }));
}

/** The newest 30 reports made by `now`, read through Prisma as the store did before. */
async function newestReports(taskId: number, now: Date): Promise<StateReport[]> {
  const rows = await store.db.report.findMany({ where: { taskId, revokedAt: null, createdAt: { lte: now } }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: 30 });
  return rows.map((r) => ({
    id: r.id, personId: r.personId, status: r.status as StateReport['status'], percent: r.percent, period: r.period, createdAt: r.createdAt, rawText: r.rawText,
    returned: r.returnedAt !== null, meeting: r.source === 'meeting',
  }));
}

describe('plan-wide reads give the engine what it reads', () => {
  it.each(['2022-03-07T09:00:00', '2022-05-20T16:00:00', '2022-07-15T16:00:00', '2022-09-30T16:00:00', '2022-11-11T16:00:00'])(
    'at %s every task’s state is the one computed from every value and report',
    async (local) => {
      const now = at(local);
      const { ctx, tasks } = await loadTaskStates(store.db, { planId, now, calendar: cal });
      const whole = await loadTaskStates(store.db, { planId, now, calendar: cal, values: 'all' });
      expect(tasks.length).toBeGreaterThan(20);
      for (const [n, t] of tasks.entries()) {
        const reports = await newestReports(t.id, now);
        expect(t.input.reports).toEqual(reports);
        const targets = await Promise.all(t.input.targets.map(async (g) => ({ ...g, history: await everyValue(g.id) })));
        expect(t.state).toEqual(taskState({ ...t.input, reports, targets }, ctx));
        expect(whole.tasks[n]!.state).toEqual(t.state);
        // The ledger's read: every value made by now.
        expect(whole.tasks[n]!.input.targets.map((g) => g.history)).toEqual(targets.map((g) => g.history.filter((h) => h.at <= now)));
      }
    },
    60_000,
  );

  it('the seeded moments cover what the reduced read must keep', async () => {
    const { tasks } = await loadTaskStates(store.db, { planId, now: at('2022-09-30T16:00:00'), calendar: cal });
    const targets = tasks.flatMap((t) => t.state.targets);
    expect(targets.some((g) => g.baselineFrom === 'first_report' && g.basis === 'from_baseline')).toBe(true);
    expect(targets.some((g) => g.basis === 'total')).toBe(true);
    expect(tasks[0]!.input.reports).toHaveLength(30);
    expect(tasks.some((t) => t.input.targets.some((g) => g.history.length === 2))).toBe(true);
  }, 60_000);
});
