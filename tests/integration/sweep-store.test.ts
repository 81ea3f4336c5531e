/**
 * The sweep's store work on a real store (SQLite, or PostgreSQL with TEST_DATABASE=postgres) and real
 * Redis (a private queue prefix): the raw-SQL read of the schedule's inputs equals the Prisma read it
 * replaced, on a store with every case the read filters; two sweeps at once, and a sweep after one that
 * died between recording and enqueuing, store and enqueue each nudge once; many jobs are enqueued in
 * chunks in the order given.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../bot/clock.js';
import { loadConfig } from '../../bot/config.js';
import { dropQueuePrefix } from '../../bot/demo/drop-prefix.js';
import { chineseWorkCalendar } from '../../bot/domain/calendar/chinese-calendar.js';
import { shanghaiDate } from '../../bot/domain/calendar/shanghai-time.js';
import { dueNudges } from '../../bot/domain/schedule/due-nudges.js';
import { periodOf } from '../../bot/domain/schedule/periods.js';
import { DEFAULT_SCHEDULE, type Cadence, type PeriodCadence } from '../../bot/domain/schedule/settings.js';
import type { DueNudge, TaskForSchedule } from '../../bot/domain/schedule/types.js';
import { lifecycleOf } from '../../bot/domain/task-state/lifecycle.js';
import { createLog } from '../../bot/log.js';
import { inChunks } from '../../bot/store/chunks.js';
import type { Db } from '../../bot/store/db.js';
import { loadScheduleInputs, recordNudges } from '../../bot/store/nudge-store.js';
import { runSweep } from '../../jobs/processors/nudge-sweep.js';
import { addInChunks, BULK_CHUNK, createQueues, jobIdFor } from '../../jobs/queues.js';
import { createRedis, whenReady } from '../../jobs/redis.js';
import { REDIS_URL } from '../helpers/bot-harness.js';
import { at } from '../helpers/command-harness.js';
import { seedPlan } from '../helpers/seed.js';
import { tempStore } from '../helpers/temp-store.js';

const NOW = at('2022-04-11T09:30:00'); // a Monday: check-ins of week 15 are due
const days = (n: number) => new Date(NOW.getTime() + n * 86_400_000);

/** The Prisma read that loadScheduleInputs replaced (nested includes in slices), with its relations in id order. */
async function prismaScheduleInputs(db: Db, now: Date): Promise<TaskForSchedule[]> {
  const since = new Date(now.getTime() - 70 * 86_400_000);
  const ids = (await db.task.findMany({ where: { removedAt: null, status: 'active', plan: { archivedAt: null } }, select: { id: true }, orderBy: { id: 'asc' } })).map((t) => t.id);
  const tasks = await inChunks(ids, (slice) => db.task.findMany({
    where: { id: { in: slice } },
    orderBy: { id: 'asc' },
    include: {
      assignments: { where: { active: true, role: { in: ['owner', 'leader'] } }, orderBy: { id: 'asc' }, include: { person: { include: { leaves: { orderBy: { id: 'asc' } } } } } },
      reports: { where: { revokedAt: null, createdAt: { gte: since } }, orderBy: { id: 'asc' }, select: { createdAt: true } },
      snoozes: { where: { createdAt: { gte: since } }, orderBy: { id: 'asc' }, select: { personId: true, period: true, until: true } },
      milestones: { where: { doneAt: null }, orderBy: { id: 'asc' }, select: { id: true, due: true } },
    },
  }));
  return tasks.map((t) => {
    const cadence = (['weekly', 'biweekly', 'monthly', 'off'].includes(t.cadence) ? t.cadence : 'weekly') as Cadence;
    const answered = cadence === 'off' ? [] : [...new Set(t.reports.map((r) => periodOf(cadence as PeriodCadence, shanghaiDate(r.createdAt)).id))];
    const person = (a: (typeof t.assignments)[number]) => ({
      personId: a.personId,
      leave: a.person.leaves.map((l) => ({ from: l.fromDate, to: l.toDate })),
      answeredPeriods: answered,
      snoozes: t.snoozes.filter((z) => z.personId === a.personId).map((z) => ({ period: z.period, until: z.until })),
    });
    return {
      taskId: t.id,
      lifecycle: lifecycleOf(t.status),
      cadence,
      deadline: t.deadline,
      owners: t.assignments.filter((a) => a.role === 'owner').map(person),
      leaders: t.assignments.filter((a) => a.role === 'leader').map(person),
      openMilestones: t.milestones,
    };
  });
}

async function setup() {
  const store = await tempStore();
  const prefix = `{wpt-${randomUUID().slice(0, 8)}}`;
  const redis = createRedis(REDIS_URL, 'worker'); // as the worker's sweep has it: no command timeout on a loaded machine
  await whenReady(redis);
  const queues = createQueues(redis, prefix);
  const clock = manualClock(NOW);
  const config = loadConfig({ QUEUE_PREFIX: prefix, REDIS_URL, DATABASE_URL: store.url });
  const deps = { db: store.db, clock, log: createLog('silent'), queues, redis, config, calendar: chineseWorkCalendar(), schedule: DEFAULT_SCHEDULE } as unknown as Parameters<typeof runSweep>[0];
  await seedPlan(store.db, { now: days(-60) });
  const close = async () => {
    await queues.close();
    redis.disconnect();
    await dropQueuePrefix(REDIS_URL, prefix);
    await store.cleanup();
  };
  return { db: store.db, deps, queues, close };
}

let env: Awaited<ReturnType<typeof setup>>;
beforeEach(async () => {
  env = await setup();
});
afterEach(async () => env?.close());

/** Every case the read filters or carries, on top of the seed plan. */
async function varyStore(db: Db) {
  const t0 = days(-60);
  const tasks = await db.task.findMany({ orderBy: { id: 'asc' }, include: { assignments: { orderBy: { id: 'asc' } } } });
  const [a, b, c, d, e, f, g, h, i, j] = tasks;
  await db.task.update({ where: { id: a!.id }, data: { status: 'paused' } });
  await db.task.update({ where: { id: b!.id }, data: { status: 'closed' } });
  await db.task.update({ where: { id: c!.id }, data: { status: 'done_pending' } });
  await db.task.update({ where: { id: d!.id }, data: { removedAt: days(-1) } });
  await db.task.update({ where: { id: e!.id }, data: { cadence: 'off' } });
  await db.task.update({ where: { id: f!.id }, data: { cadence: 'monthly' } });
  await db.task.update({ where: { id: g!.id }, data: { cadence: 'biweekly' } });
  await db.task.update({ where: { id: h!.id }, data: { cadence: 'fortnightly?' } });
  // Roles: one ended, one of a role the sweep does not nudge, a second owner added later.
  const owner = h!.assignments.find((x) => x.role === 'owner')!;
  await db.assignment.update({ where: { id: owner.id }, data: { active: false, endedAt: days(-2) } });
  const people = await db.person.findMany({ orderBy: { id: 'asc' } });
  const [p1, p2, p3] = people;
  await db.assignment.create({ data: { taskId: i!.id, personId: p1!.id, role: 'collaborator', assignedAt: t0 } });
  await db.assignment.create({ data: { taskId: i!.id, personId: p2!.id, role: 'owner', assignedAt: t0 } });
  await db.assignment.create({ data: { taskId: i!.id, personId: p3!.id, role: 'leader', assignedAt: t0 } });
  // Leave: two spells of one owner, one of someone with no role.
  const loner = await db.person.create({ data: { name: '无任务', openId: 'ou_loner', createdAt: t0, updatedAt: t0 } });
  for (const [personId, fromDate, toDate] of [[p2!.id, '2022-04-11', '2022-04-12'], [p2!.id, '2022-03-01', '2022-03-02'], [loner.id, '2022-04-11', '2022-04-15']] as const) {
    await db.leave.create({ data: { personId, fromDate, toDate, createdAt: t0 } });
  }
  // Reports: two in one week, one in another, one revoked, one older than the look-back, one on a cadence-off task.
  const report = (taskId: number, createdAt: Date, revokedAt: Date | null = null) =>
    db.report.create({ data: { taskId, period: 'x', rawText: '进展', source: 'text', createdAt, updatedAt: createdAt, revokedAt } });
  await report(i!.id, days(-7));
  await report(i!.id, days(-6));
  await report(i!.id, days(-20));
  await report(j!.id, days(-3), days(-2));
  await report(j!.id, days(-90));
  await report(e!.id, days(-1));
  await report(f!.id, days(-1));
  // Snoozes: two people on one task, one older than the look-back.
  const owners = (await db.assignment.findMany({ where: { taskId: j!.id, role: 'owner', active: true } })).map((x) => x.personId);
  await db.snooze.create({ data: { taskId: i!.id, personId: p2!.id, period: '2022-W15', until: days(1), createdAt: days(-1) } });
  await db.snooze.create({ data: { taskId: i!.id, personId: p3!.id, period: '2022-W15', until: days(2), createdAt: days(-1) } });
  await db.snooze.create({ data: { taskId: j!.id, personId: owners[0]!, period: '2022-W01', until: days(-95), createdAt: days(-96) } });
  // Milestones: open and done.
  await db.milestone.create({ data: { taskId: i!.id, position: 0, due: '2022-04-20', text: '4月20日前完成' } });
  await db.milestone.create({ data: { taskId: i!.id, position: 1, due: '2022-05-20', text: '5月20日前完成' } });
  await db.milestone.create({ data: { taskId: j!.id, position: 0, due: '2022-03-20', text: '3月20日前完成', doneAt: days(-5) } });
  // An archived plan with an active task and its owner.
  const plan = await db.plan.create({ data: { key: 'archived', title: '旧要点', year: 2021, periodEnd: '2021-12-31', sourceText: '', sourceHash: '', importedAt: t0, updatedAt: t0, archivedAt: days(-3) } });
  const old = await db.task.create({ data: { planId: plan.id, code: '1', position: 0, title: '旧任务', body: '', deadline: '2022-06-30', createdAt: t0, updatedAt: t0 } });
  await db.assignment.create({ data: { taskId: old.id, personId: p1!.id, role: 'owner', assignedAt: t0 } });
  return { archivedTask: old.id, skippedTasks: [a!.id, b!.id, c!.id, d!.id] };
}

const computed = async (deps: Parameters<typeof runSweep>[0]) => {
  const due: DueNudge[] = [];
  const skipped: DueNudge[] = [];
  for (const t of await loadScheduleInputs(deps.db, NOW)) {
    const r = dueNudges(t, NOW, deps.calendar, deps.schedule);
    due.push(...r.due);
    skipped.push(...r.skipped);
  }
  return { due, skipped };
};

const waitingJobIds = async () => (await env.queues.nudges.getJobs(['waiting'], 0, -1)).map((j) => j.id).sort();

describe('the sweep’s store work', () => {
  it('reads the schedule’s inputs as the Prisma read did: active tasks of plans in force, their owners and leaders, leave, answers, snoozes, milestones', async () => {
    const { archivedTask, skippedTasks } = await varyStore(env.db);
    const inputs = await loadScheduleInputs(env.db, NOW);
    expect(inputs).toEqual(await prismaScheduleInputs(env.db, NOW));
    // The cases are there to compare, and filtered.
    const ids = inputs.map((t) => t.taskId);
    expect(ids).not.toContain(archivedTask);
    for (const id of skippedTasks) expect(ids).not.toContain(id);
    expect(inputs.some((t) => t.cadence === 'off') && inputs.some((t) => t.cadence === 'monthly')).toBe(true);
    expect(inputs.some((t) => t.owners.some((o) => o.leave.length === 2 && (o.snoozes?.length ?? 0) === 1 && o.answeredPeriods.length === 2))).toBe(true);
    expect(inputs.some((t) => (t.openMilestones?.length ?? 0) === 2 && t.leaders.length === 2)).toBe(true);
  });

  it('two sweeps at once store each nudge once and enqueue each once', async () => {
    const [one, two] = await Promise.all([runSweep(env.deps), runSweep(env.deps)]);
    const { due, skipped } = await computed(env.deps);
    expect(due.length).toBeGreaterThan(10);
    expect([one.due, two.due]).toEqual([due.length, due.length]);
    expect(await env.db.nudge.count()).toBe(new Set([...due, ...skipped].map((n) => n.key)).size);
    const pending = (await env.db.nudge.findMany({ where: { state: 'pending' }, select: { key: true } })).map((r) => r.key);
    expect(pending.length).toBeGreaterThan(10);
    expect(await waitingJobIds()).toEqual(pending.map((key) => jobIdFor('nudge', key)).sort());
    // A minute later nothing is new, and nothing is enqueued twice.
    await runSweep(env.deps);
    expect(await env.queues.nudges.count()).toBe(pending.length);
  });

  it('a sweep after one that died between recording and enqueuing enqueues the recorded nudges, once', async () => {
    const { due, skipped } = await computed(env.deps);
    const recorded = await recordNudges(env.db, due, skipped, NOW); // recorded, never enqueued
    expect(recorded.length).toBeGreaterThan(10);
    expect(await env.queues.nudges.count()).toBe(0);
    const r = await runSweep(env.deps);
    expect(r.enqueued).toBe(recorded.length);
    expect(await waitingJobIds()).toEqual(recorded.map((key) => jobIdFor('nudge', key)).sort());
    // Sent ones are not offered again; the rest are, under the same job ids.
    await env.db.nudge.updateMany({ where: { key: { in: recorded.slice(0, 3) } }, data: { state: 'sent' } });
    expect((await runSweep(env.deps)).enqueued).toBe(recorded.length - 3);
    expect(await env.queues.nudges.count()).toBe(recorded.length);
  });

  it('enqueues many jobs in chunks, in the order given, each job id once', async () => {
    const n = BULK_CHUNK * 2 + 17;
    const jobs = Array.from({ length: n }, (_, k) => ({ name: 'send-nudge', data: { key: `k${k}` }, opts: { jobId: jobIdFor('nudge', `k${k}`) } }));
    await addInChunks(env.queues.nudges, jobs);
    await addInChunks(env.queues.nudges, jobs.slice(0, BULK_CHUNK + 5)); // again: already there
    const waiting = await env.queues.nudges.getJobs(['waiting'], 0, -1, true);
    expect(waiting.map((j) => j.id)).toEqual(jobs.map((j) => j.opts.jobId));
  });
});
