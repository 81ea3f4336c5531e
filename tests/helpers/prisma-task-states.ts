/**
 * The task-state load as it was read through Prisma, one statement per relation (before #21's raw-SQL
 * reader, bot/store/task-states.ts): kept only to prove the two give the same states
 * (tests/integration/task-state-reads.test.ts).
 */
import { lifecycleOf } from '../../bot/domain/task-state/lifecycle.js';
import { stateContext } from '../../bot/domain/task-state/context.js';
import { taskState } from '../../bot/domain/task-state/task-state.js';
import type { Cadence, StateTarget, TaskStateInput } from '../../bot/domain/task-state/types.js';
import { readJson, snoozeAsk, type LoadStatesOptions, type PlanStates, type TaskView } from '../../bot/store/task-states.js';
import type { TargetKind } from '../../bot/domain/plan/types.js';
import { inChunks } from '../../bot/store/chunks.js';
import { codeNamer } from '../../bot/domain/plan/plan-code.js';
import { planForCode } from '../../bot/store/plan-codes.js';
import type { Db } from '../../bot/store/db.js';
import { recentReports } from './recent-reports.js';
import { allValues, firstValues, oneValueEach, type TargetToRead } from '../../bot/store/target-values.js';
import { engineHistory } from '../../bot/domain/task-state/target-history.js';

/** Reports per task the engine reads (newest first): enough for the last stated status and the period. */
const REPORTS_PER_TASK = 30;
const CADENCES = new Set(['weekly', 'biweekly', 'monthly', 'off']);

export async function prismaTaskStates(db: Db, o: LoadStatesOptions): Promise<PlanStates> {
  // Every plan in one read: this one's period, and the others for the code rule (shown codes).
  const plans = await db.plan.findMany({ orderBy: { id: 'asc' }, select: { id: true, title: true, year: true, periodStart: true, periodEnd: true, shortName: true, archivedAt: true } });
  const plan = plans.find((p) => p.id === o.planId);
  if (!plan) throw new Error(`plan ${o.planId} not found`);
  const period = { start: plan.periodStart ?? `${plan.year}-01-01`, end: plan.periodEnd };
  const ctx = stateContext({ now: o.now, plan: period, calendar: o.calendar });
  const current = (['weekly', 'biweekly', 'monthly'] as const).map((c) => ctx.periodOf(c));
  const ids = o.taskIds
    ?? (await db.task.findMany({ where: { planId: o.planId, removedAt: null }, orderBy: { position: 'asc' }, select: { id: true } })).map((t) => t.id);
  const rows = await inChunks(ids, (slice) => db.task.findMany({
    where: { id: { in: slice }, removedAt: null },
    orderBy: { position: 'asc' },
    include: {
      section: { select: { ordinal: true, title: true, parentOrdinal: true } },
      parties: { orderBy: { position: 'asc' } },
      assignments: { where: { active: true }, orderBy: [{ assignedAt: 'asc' }, { id: 'asc' }], include: { person: { include: { leaves: true } } } },
      milestones: { orderBy: { position: 'asc' } },
      // 推迟提醒 of the current check-in periods: the engine keeps each owner's latest (reporting.later).
      snoozes: { where: { period: { in: current } }, select: { personId: true, period: true, until: true, ask: true } },
      targets: { where: { removedAt: null }, orderBy: { position: 'asc' } },
      // Only the current check-in period is asked about (reporting): its check-ins sent by now.
      nudges: { where: { state: 'sent', sentAt: { lte: o.now }, kind: { in: ['checkin', 'followup1', 'followup2', 'snooze1', 'snooze2'] }, period: { in: current } }, select: { period: true } },
    },
  }));
  const pending = await pendingExtensions(db, rows.map((r) => r.id));
  const reports = await recentReports(db, rows.map((r) => r.id), o.now, REPORTS_PER_TASK);
  const targets = rows.flatMap((t) => t.targets.map((g) => ({ ...g, start: t.startDate ?? period.start })));
  const history = o.values === 'all'
    ? await allValues(db, targets.map((g) => g.id), o.now)
    : await engineValues(db, targets.map((g) => ({ ...g, kind: g.kind as TargetKind, comparator: g.comparator as 'at_least' })), o.now);
  const shown = codeNamer(plans.map(planForCode));
  const tasks = rows.map((t): TaskView => {
    const people = (role: string) => t.assignments.filter((a) => a.role === role).map((a) => ({ personId: a.personId, name: a.person.name, openId: a.person.openId }));
    const owners = t.assignments.filter((a) => a.role === 'owner');
    const input: TaskStateInput = {
      id: t.id,
      lifecycle: lifecycleOf(t.status),
      deadline: t.deadline,
      plannedDeadline: t.plannedDeadline,
      startDate: t.startDate,
      cadence: (CADENCES.has(t.cadence) ? t.cadence : 'weekly') as Cadence,
      lifecycleSince: t.statusSince,
      targets: t.targets.map((g) => ({
        id: g.id, label: g.label, value: g.value, unit: g.unit, comparator: g.comparator as 'at_least', kind: g.kind as TargetKind,
        baseline: g.baseline, paceNote: g.paceNote,
        history: history.get(g.id) ?? [],
      })),
      reports: reports.get(t.id) ?? [],
      owners: owners.map((a) => ({ personId: a.personId, name: a.person.name, leave: a.person.leaves.map((l) => ({ from: l.fromDate, to: l.toDate })) })),
      askedPeriods: [...new Set(t.nudges.map((n) => n.period))],
      extensionRequests: pending.get(t.id) ?? [],
      milestones: t.milestones.map((m) => ({ id: m.id, due: m.due, text: m.text, doneAt: m.doneAt })),
      snoozes: t.snoozes.map((z) => ({ personId: z.personId, period: z.period, until: z.until, ask: snoozeAsk(z.ask) })),
    };
    return {
      id: t.id, code: t.code, shownCode: shown(t.planId, t.code), title: t.title, body: t.body, position: t.position, cadence: input.cadence, section: t.section,
      leadUnits: t.parties.filter((p) => p.role === 'lead').map((p) => p.name),
      collaboratorUnits: t.parties.filter((p) => p.role === 'collaborator').map((p) => p.name),
      leaderNames: t.parties.filter((p) => p.role === 'leader').map((p) => p.name),
      owners: people('owner'), collaborators: people('collaborator'), leaders: people('leader'),
      targetPositions: new Map(t.targets.map((g) => [g.id, g.position])),
      input,
      state: taskState(input, ctx),
    };
  });
  return { plan: { id: plan.id, title: plan.title, year: plan.year, periodStart: period.start, periodEnd: period.end }, ctx, tasks };
}

/** Extension requests (延期申请) still undecided, by task: the request (its audit entry's id), the requester's name, the date asked for, the reason. */
async function pendingExtensions(db: Db, taskIds: number[]): Promise<Map<number, TaskStateInput['extensionRequests']>> {
  const entries = await inChunks(taskIds, (slice) => db.auditEntry.findMany({
    where: { taskId: { in: slice }, action: { in: ['extension.requested', 'extension.approved', 'extension.refused', 'extension.approval-undone'] } },
    orderBy: { id: 'asc' },
    select: { id: true, taskId: true, action: true, after: true },
  }));
  const decided = new Set<number>();
  for (const e of entries) if (e.action !== 'extension.requested') decided.add(Number(readJson(e.after).requestId));
  const asked = entries.filter((e) => e.action === 'extension.requested' && !decided.has(e.id));
  if (!asked.length) return new Map();
  const names = new Map((await db.person.findMany({
    where: { openId: { in: asked.map((e) => String(readJson(e.after).requestedBy)) } },
    select: { openId: true, name: true },
  })).map((p) => [p.openId, p.name]));
  const out = new Map<number, TaskStateInput['extensionRequests']>();
  for (const e of asked) {
    const a = readJson(e.after);
    const list = out.get(e.taskId!) ?? [];
    list.push({ requestId: e.id, by: names.get(String(a.requestedBy)) ?? '（未知）', to: String(a.to ?? ''), reason: String(a.reason ?? '') });
    out.set(e.taskId!, list);
  }
  return out;
}

/** What the engine reads of each target's values at `now`, read target by target: target id → history (oldest first). */
async function engineValues(db: Db, targets: TargetToRead[], now: Date): Promise<Map<number, StateTarget['history']>> {
  const latest = await oneValueEach(db, targets.map((t) => t.id), now, null);
  const first = await firstValues(db, targets, latest, now);
  return new Map(targets.map((t) => [t.id, engineHistory(latest.get(t.id) ?? null, first.get(t.id) ?? null)]));
}
