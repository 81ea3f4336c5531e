/**
 * The task-state load in raw SQL (bot/store/task-states.ts, bot/store/task-rows.ts) gives exactly what the
 * Prisma reader it replaced gave (tests/helpers/prisma-task-states.ts): on the seed plan with a second plan in
 * force, reports of every kind (revoked, returned, at a meeting, made after `now`, more than the 30 read),
 * values, snoozes, check-ins sent and not, leave, milestones done and open, extension requests decided and
 * not, a removed task, a removed target, an ended assignment, leaders and collaborators — the whole plan, some
 * tasks, one task, and the ledger's read of every value, at several moments. Run on PostgreSQL too
 * (TEST_DATABASE=postgres).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chineseWorkCalendar } from '../../bot/domain/calendar/chinese-calendar.js';
import { audit } from '../../bot/store/audit.js';
import { findTaskState, loadTaskState, loadTaskStates, type PlanStates } from '../../bot/store/task-states.js';
import { prismaTaskStates } from '../helpers/prisma-task-states.js';
import { seedPlan } from '../helpers/seed.js';
import { tempStore } from '../helpers/temp-store.js';

const at = (local: string) => new Date(`${local}+08:00`);
const DAY = 86_400_000;
const cal = chineseWorkCalendar();
const MOMENTS = ['2022-03-07T09:00:00', '2022-04-13T10:30:00', '2022-06-30T16:00:00', '2022-09-30T16:00:00'];
let store: Awaited<ReturnType<typeof tempStore>>;
let planId: number;
let taskIds: number[];
let removedTaskId: number;

beforeAll(async () => {
  store = await tempStore();
  const db = store.db;
  const imported = at('2022-03-01T09:00:00');
  ({ planId } = await seedPlan(db, { now: imported }));
  // A second plan in force: the shown codes carry the year.
  await db.plan.create({ data: { key: 'other', title: '另一个计划', year: 2023, periodEnd: '2023-12-31', sourceText: '', sourceHash: '', importedAt: imported, updatedAt: imported, shortName: '区委' } });
  const tasks = await db.task.findMany({ where: { planId }, orderBy: { position: 'asc' }, include: { targets: true, assignments: true } });
  taskIds = tasks.map((t) => t.id);
  const people = await db.person.findMany({ orderBy: { id: 'asc' } });
  const extra = await db.person.create({ data: { openId: 'ou_leader_x', name: '领导甲', createdAt: imported, updatedAt: imported } });
  const own = tasks.find((t) => t.targets.some((g) => g.kind === 'level' && g.baseline === null))!;
  await db.task.update({ where: { id: own.id }, data: { startDate: '2022-05-01', plannedDeadline: '2022-10-31', status: 'paused', statusSince: at('2022-06-01T10:00:00') } });
  removedTaskId = tasks[5]!.id;
  await db.task.update({ where: { id: removedTaskId }, data: { removedAt: at('2022-04-01T10:00:00') } });
  const withTargets = tasks.filter((t) => t.targets.length > 1);
  await db.target.update({ where: { id: withTargets[0]!.targets[1]!.id }, data: { removedAt: at('2022-04-01T10:00:00') } });
  await db.target.update({ where: { id: withTargets[1]!.targets[0]!.id }, data: { paceNote: '季节性指标' } });
  for (const [i, t] of tasks.entries()) {
    const owner = t.assignments[0]?.personId ?? people[i % people.length]!.id;
    if (i % 4 === 0) await db.assignment.create({ data: { taskId: t.id, personId: extra.id, role: 'leader', assignedAt: imported } });
    if (i % 5 === 1) await db.assignment.create({ data: { taskId: t.id, personId: people[(i + 3) % people.length]!.id, role: 'collaborator', assignedAt: at('2022-03-02T09:00:00') } });
    if (i % 7 === 2) await db.assignment.create({ data: { taskId: t.id, personId: people[(i + 5) % people.length]!.id, role: 'owner', assignedAt: imported, active: false, endedAt: imported } });
    if (i % 6 === 0) {
      await db.leave.create({ data: { personId: owner, fromDate: '2022-04-11', toDate: '2022-04-15', createdAt: imported } });
      await db.leave.create({ data: { personId: owner, fromDate: '2022-03-01', toDate: '2022-03-02', createdAt: imported } });
    }
    if (i % 4 === 1) {
      for (const [k, due] of ['2022-06-30', '2022-04-30', '2022-09-30'].entries()) {
        await db.milestone.create({ data: { taskId: t.id, position: (k + 1) % 3, due, text: `第${k + 1}步`, doneAt: k === 1 ? at('2022-04-20T10:00:00') : null } });
      }
    }
    const times: number[] = [];
    const first = at('2022-03-08T10:00:00').getTime();
    for (let w = 0; w < 30; w++) {
      if (i > 0 && (i + w) % 5 === 2) continue;
      times.push(first + w * 7 * DAY + (i % 3) * 3_600_000);
      if (i === 0) times.push(first + w * 7 * DAY + 2 * DAY);
    }
    if (i === 1) times.push(times[3]!);
    for (const [k, time] of times.entries()) {
      const created = new Date(time);
      const report = await db.report.create({
        data: {
          taskId: t.id, personId: k % 10 === 9 ? null : owner, period: `2022-W${String(10 + Math.floor(k / (i === 0 ? 2 : 1))).padStart(2, '0')}`,
          status: (i + k) % 4 === 0 ? null : ['on_track', 'at_risk', 'done', 'blocked', 'not_started'][(i + k) % 5]!,
          percent: (i + k) % 3 === 0 ? (k * 7) % 100 : null, rawText: `任务${t.code}第${k + 1}次进展`, source: (i + k) % 13 === 0 ? 'meeting' : 'text',
          createdAt: created, updatedAt: created,
          revokedAt: (i + k) % 9 === 4 ? new Date(time + 3_600_000) : null,
          returnedAt: (i + k) % 11 === 7 ? new Date(time + 7_200_000) : null,
        },
      });
      const values = t.targets.filter((_, n) => (k + n) % 4 !== 3).map((g, n) => ({ reportId: report.id, targetId: g.id, value: 10 + ((k * (n + 3) + i) % 17) * 2 + k + 0.5, unit: g.unit }));
      if (values.length) await db.reportValue.createMany({ data: values });
    }
    // Check-ins and snoozes of a few periods; sent, pending, and of other kinds.
    for (const [w, period] of ['2022-W14', '2022-W15', '2022-04', '2022-W26', '2022-W39'].entries()) {
      const sentAt = new Date(first + (w * 5 + 20) * DAY);
      const kinds = ['checkin', 'followup1', 'deadline-3', 'snooze2'];
      for (const [k, kind] of kinds.entries()) {
        if ((i + w + k) % 3 === 0) continue;
        await db.nudge.create({
          data: {
            key: `${t.id}:${owner}:${period}:${kind}`, taskId: t.id, personId: owner, period, kind, dueAt: sentAt, createdAt: sentAt,
            state: (i + k) % 4 === 1 ? 'pending' : 'sent', sentAt: (i + k) % 4 === 1 ? null : sentAt,
          },
        });
      }
      if ((i + w) % 2 === 0) {
        await db.snooze.create({ data: { taskId: t.id, personId: owner, period, until: new Date(sentAt.getTime() + DAY), ask: [null, 'later', 'tomorrow', 'odd'][i % 4] ?? null, createdAt: sentAt } });
      }
    }
    // Extension requests: one pending, one approved, one undone then left pending, one by someone unknown.
    if (i % 3 === 0) {
      const ask = (requestedBy: string, to: string) => audit(db, { actor: requestedBy, action: 'extension.requested', now: at('2022-04-01T10:00:00'), taskId: t.id, after: { taskId: t.id, to, reason: `原因${i}`, requestedBy, status: 'pending' } });
      const openId = people[i % people.length]!.openId!;
      await ask(openId, '2022-12-31');
      const approved = await ask(openId, '2022-11-30');
      await audit(db, { actor: 'ou_admin', action: 'extension.approved', now: at('2022-04-02T10:00:00'), taskId: t.id, after: { requestId: approved } });
      if (i % 2 === 0) await ask('ou_nobody', '2023-01-31');
    }
  }
}, 300_000);
afterAll(async () => store?.cleanup());

/** What both readers give: the plan and the tasks (the context holds functions); asked periods are a set. */
function comparable(s: PlanStates) {
  return { plan: s.plan, tasks: s.tasks.map((t) => ({ ...t, input: { ...t.input, askedPeriods: [...t.input.askedPeriods].sort() } })) };
}

describe('the raw-SQL task-state load equals the Prisma reader', () => {
  it.each(MOMENTS)('at %s: the whole plan, some tasks, the ledger read', async (local) => {
    const now = at(local);
    const whole = await loadTaskStates(store.db, { planId, now, calendar: cal });
    expect(whole.tasks.length).toBeGreaterThan(20);
    expect(whole.tasks.some((t) => t.id === removedTaskId)).toBe(false);
    expect(comparable(whole)).toEqual(comparable(await prismaTaskStates(store.db, { planId, now, calendar: cal })));
    const some = [taskIds[0]!, taskIds[3]!, removedTaskId, taskIds[7]!, taskIds[12]!];
    expect(comparable(await loadTaskStates(store.db, { planId, now, calendar: cal, taskIds: some })))
      .toEqual(comparable(await prismaTaskStates(store.db, { planId, now, calendar: cal, taskIds: some })));
    expect(comparable(await loadTaskStates(store.db, { planId, now, calendar: cal, values: 'all' })))
      .toEqual(comparable(await prismaTaskStates(store.db, { planId, now, calendar: cal, values: 'all' })));
  }, 120_000);

  it('one task: the same view, its plan found from the task; a removed task is not found', async () => {
    const now = at(MOMENTS[2]!);
    const old = comparable(await prismaTaskStates(store.db, { planId, now, calendar: cal }));
    for (const [n, id] of taskIds.entries()) {
      if (id === removedTaskId) continue;
      const one = await loadTaskState(store.db, { taskId: id, now, calendar: cal });
      expect(comparable({ ...one, ctx: undefined as never, tasks: [one.task] }).tasks[0]).toEqual(old.tasks.find((t) => t.id === id));
      expect(one.plan).toEqual(old.plan);
      if (n % 9 === 0) expect((await findTaskState(store.db, { taskId: id, planId, now, calendar: cal }))?.archived).toBe(false);
    }
    expect(await findTaskState(store.db, { taskId: removedTaskId, now, calendar: cal })).toBeNull();
    await expect(loadTaskState(store.db, { taskId: removedTaskId, now, calendar: cal })).rejects.toThrow(/not in its plan/);
  }, 120_000);

  it('the seed covers what the load must carry', async () => {
    const { tasks } = await loadTaskStates(store.db, { planId, now: at(MOMENTS[1]!), calendar: cal });
    const inputs = tasks.map((t) => t.input);
    expect(inputs.some((t) => t.askedPeriods.length > 1)).toBe(true);
    expect(inputs.some((t) => t.snoozes.some((z) => z.ask === null)) && inputs.some((t) => t.snoozes.some((z) => z.ask === 'later'))).toBe(true);
    expect(inputs.some((t) => t.owners.some((o) => o.leave.length === 2))).toBe(true);
    expect(inputs.some((t) => t.extensionRequests.length === 2 && t.extensionRequests.some((r) => r.by === '（未知）'))).toBe(true);
    expect(inputs.some((t) => t.milestones.some((m) => m.doneAt)) && inputs.some((t) => t.milestones.some((m) => !m.doneAt))).toBe(true);
    expect(inputs.some((t) => t.reports.some((r) => r.returned)) && inputs.some((t) => t.reports.some((r) => r.meeting))).toBe(true);
    expect((await loadTaskStates(store.db, { planId, now: at(MOMENTS[3]!), calendar: cal })).tasks[0]!.input.reports).toHaveLength(30);
    expect(tasks.some((t) => t.leaders.length && t.collaborators.length)).toBe(true);
    expect(tasks.some((t) => t.input.lifecycle === 'paused' && t.input.startDate)).toBe(true);
    expect(tasks.every((t) => t.shownCode.startsWith('2022-'))).toBe(true);
  }, 60_000);
});
