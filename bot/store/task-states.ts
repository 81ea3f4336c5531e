/**
 * Gathers what the task-state engine needs for a plan's tasks (or some of them) from the store
 * and returns each task's state at `now`: the one read every channel renders from.
 */
import type { WorkCalendar } from '../domain/calendar/work-calendar.js';
import { lifecycleOf } from '../domain/task-state/lifecycle.js';
import { stateContext } from '../domain/task-state/context.js';
import { taskState } from '../domain/task-state/task-state.js';
import type { Cadence, ReportStatus, StateContext, StateReport, StateTarget, TaskState, TaskStateInput } from '../domain/task-state/types.js';
import type { TargetKind } from '../domain/plan/types.js';
import type { SnoozeAsk } from '../domain/reply/self-help-words.js';
import { codeNamer } from '../domain/plan/plan-code.js';
import { planForCode } from './plan-codes.js';
import { Prisma } from './generated/client.js';
import type { Db } from './db.js';
import { queryRows } from './raw-sql.js';
import { engineHistory, type ReportedValue } from '../domain/task-state/target-history.js';
import { readParts, readTasks, type PartRow } from './task-rows.js';
import { allValues, firstValues } from './target-values.js';

/** Reports per task the engine reads (newest first): enough for the last stated status and the period. */
const REPORTS_PER_TASK = 30;
const CADENCES = new Set(['weekly', 'biweekly', 'monthly', 'off']);

export interface PersonRef {
  personId: number;
  name: string;
  openId: string | null;
}

/** A task as the channels name it, with its state. */
export interface TaskView {
  id: number;
  code: string;
  /** The code as people see it (「7」, or 「2023-7」 with several plans in force: bot/domain/plan/plan-code.ts). */
  shownCode: string;
  title: string;
  body: string;
  position: number;
  cadence: Cadence;
  section: { ordinal: string; title: string; parentOrdinal: string | null } | null;
  leadUnits: string[];
  collaboratorUnits: string[];
  leaderNames: string[];
  owners: PersonRef[];
  collaborators: PersonRef[];
  leaders: PersonRef[];
  /** Each target's position in the task (the card form's field names): target id → position. */
  targetPositions: Map<number, number>;
  input: TaskStateInput;
  state: TaskState;
}

export interface PlanStates {
  plan: { id: number; title: string; year: number; periodStart: string; periodEnd: string };
  ctx: StateContext;
  tasks: TaskView[];
}

export interface LoadStatesOptions {
  planId: number;
  now: Date;
  calendar: WorkCalendar;
  taskIds?: number[];
  /**
   * 'all': each target's whole history of values made by now (the ledger's weekly values); by default
   * only the values the engine reads at `now` (the latest, and a level's first since the start).
   */
  values?: 'engine' | 'all';
}

export async function loadTaskStates(db: Db, o: LoadStatesOptions): Promise<PlanStates> {
  const read = await readStates(db, o);
  if (!read) throw new Error(`plan ${o.planId} not found`);
  return read.states;
}

/**
 * Statements (SQLite and PostgreSQL alike): the plans, the tasks, what hangs off them (bot/store/task-rows.ts),
 * and only when needed a level's first value and the names of extension requesters — three for a card.
 */
async function readStates(db: Db, o: Omit<LoadStatesOptions, 'planId'> & { planId?: number }): Promise<{ states: PlanStates; archived: boolean } | null> {
  const scope = o.taskIds ? { taskIds: o.taskIds } : { planId: o.planId! };
  const rows = await readTasks(db, scope);
  const planId = o.planId ?? rows[0]?.planId;
  if (planId === undefined) return null;
  // Every plan in one read: this one's period, and the others for the code rule (shown codes).
  const plans = await queryRows<{ id: number; title: string; year: number; periodStart: string | null; periodEnd: string; shortName: string | null; archivedAt: Date | string | null }>(db, Prisma.sql`
    SELECT "id", "title", "year", "periodStart", "periodEnd", "shortName", "archivedAt" FROM "Plan" ORDER BY "id"`);
  const plan = plans.find((p) => Number(p.id) === planId);
  if (!plan) throw new Error(`plan ${planId} not found`);
  const period = { start: plan.periodStart ?? `${plan.year}-01-01`, end: plan.periodEnd };
  const ctx = stateContext({ now: o.now, plan: period, calendar: o.calendar });
  const parts = await readParts(db, scope, {
    now: o.now, periods: (['weekly', 'biweekly', 'monthly'] as const).map((c) => ctx.periodOf(c)), reportsPerTask: REPORTS_PER_TASK, latestValues: o.values !== 'all',
  });
  const of = groupParts(parts);
  const start = new Map(rows.map((t) => [t.id, t.startDate ?? period.start]));
  const targets = parts.filter((p) => p.kind === 'target').map((p): StateTarget & { taskId: number; position: number; start: string } => ({
    taskId: p.taskId, position: p.num!, start: start.get(p.taskId)!,
    id: p.id!, label: p.a!, value: p.x!, unit: p.b!, comparator: p.c as StateTarget['comparator'], kind: p.d as TargetKind, baseline: p.y, paceNote: p.e, history: [],
  }));
  const history = o.values === 'all' ? await allValues(db, targets.map((g) => g.id), o.now) : await engineValuesOf(db, targets, parts, o.now);
  const pending = await pendingExtensions(db, parts.filter((p) => p.kind === 'extension'));
  // Each owner's leave, once (a person owning several tasks is read for each).
  const leave = new Map<number, Map<number, { from: string; to: string }>>();
  for (const p of parts.filter((q) => q.kind === 'leave').sort((a, b) => a.id! - b.id!)) {
    (leave.get(p.num!) ?? leave.set(p.num!, new Map()).get(p.num!)!).set(p.id!, { from: p.a!, to: p.b! });
  }
  const shown = codeNamer(plans.map((p) => planForCode({ id: Number(p.id), year: Number(p.year), shortName: p.shortName, archivedAt: p.archivedAt === null ? null : new Date(p.archivedAt) })));
  const targetsOf = new Map<number, typeof targets>();
  for (const g of targets.sort((a, b) => a.position - b.position || a.id - b.id)) (targetsOf.get(g.taskId) ?? targetsOf.set(g.taskId, []).get(g.taskId)!).push(g);
  const tasks = rows.map((t): TaskView => {
    const mine = of(t.id);
    const assignments = mine('person').sort((a, b) => a.at!.getTime() - b.at!.getTime() || a.id! - b.id!)
      .map((a) => ({ role: a.a!, personId: a.num!, name: a.b!, openId: a.c }));
    const people = (role: string) => assignments.filter((a) => a.role === role).map(({ personId, name, openId }) => ({ personId, name, openId }));
    const parties = mine('party').sort(byNumThenId);
    const own = targetsOf.get(t.id) ?? [];
    const input: TaskStateInput = {
      id: t.id,
      lifecycle: lifecycleOf(t.status),
      deadline: t.deadline,
      plannedDeadline: t.plannedDeadline,
      startDate: t.startDate,
      cadence: (CADENCES.has(t.cadence) ? t.cadence : 'weekly') as Cadence,
      lifecycleSince: t.statusSince,
      targets: own.map((g) => ({
        id: g.id, label: g.label, value: g.value, unit: g.unit, comparator: g.comparator, kind: g.kind, baseline: g.baseline, paceNote: g.paceNote,
        history: history.get(g.id) ?? [],
      })),
      reports: mine('report').map(stateReport).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id),
      owners: assignments.filter((a) => a.role === 'owner').map((a) => ({ personId: a.personId, name: a.name, leave: [...(leave.get(a.personId)?.values() ?? [])] })),
      askedPeriods: mine('asked').map((n) => n.a!).sort(),
      extensionRequests: pending.get(t.id) ?? [],
      milestones: mine('milestone').sort(byNumThenId).map((m) => ({ id: m.id!, due: m.a!, text: m.b!, doneAt: m.at })),
      snoozes: mine('snooze').sort((a, b) => a.id! - b.id!).map((z) => ({ personId: z.num!, period: z.a!, until: z.at!, ask: snoozeAsk(z.b) })),
    };
    return {
      id: t.id, code: t.code, shownCode: shown(t.planId, t.code), title: t.title, body: t.body, position: t.position, cadence: input.cadence, section: t.section,
      leadUnits: parties.filter((p) => p.a === 'lead').map((p) => p.b!),
      collaboratorUnits: parties.filter((p) => p.a === 'collaborator').map((p) => p.b!),
      leaderNames: parties.filter((p) => p.a === 'leader').map((p) => p.b!),
      owners: people('owner'), collaborators: people('collaborator'), leaders: people('leader'),
      targetPositions: new Map(own.map((g) => [g.id, g.position])),
      input,
      state: taskState(input, ctx),
    };
  });
  return {
    states: { plan: { id: Number(plan.id), title: plan.title, year: Number(plan.year), periodStart: period.start, periodEnd: period.end }, ctx, tasks },
    archived: plan.archivedAt !== null,
  };
}

/** The state of one task at `now` (its plan's context); `planId` when the caller has read it already. */
export async function loadTaskState(db: Db, o: { taskId: number; planId?: number; now: Date; calendar: WorkCalendar }): Promise<{ plan: PlanStates['plan']; task: TaskView }> {
  const found = await findTaskState(db, o);
  if (!found) throw new Error(`task ${o.taskId} is not in its plan any more`);
  return { plan: found.plan, task: found.task };
}

/** The state of one task of the plan, or null when it was removed from it; `archived`: the plan is archived (归档). */
export async function findTaskState(db: Db, o: { taskId: number; planId?: number; now: Date; calendar: WorkCalendar }): Promise<{ plan: PlanStates['plan']; task: TaskView; archived: boolean } | null> {
  const read = await readStates(db, { ...(o.planId === undefined ? {} : { planId: o.planId }), now: o.now, calendar: o.calendar, taskIds: [o.taskId] });
  const task = read?.states.tasks[0];
  return task ? { plan: read.states.plan, task, archived: read.archived } : null;
}

/** Rows of one kind for one task: by task, then kind. */
function groupParts(parts: PartRow[]): (taskId: number) => (kind: PartRow['kind']) => PartRow[] {
  const byTask = new Map<number, Map<PartRow['kind'], PartRow[]>>();
  for (const p of parts) {
    const kinds = byTask.get(p.taskId) ?? byTask.set(p.taskId, new Map()).get(p.taskId)!;
    (kinds.get(p.kind) ?? kinds.set(p.kind, []).get(p.kind)!).push(p);
  }
  return (taskId) => (kind) => byTask.get(taskId)?.get(kind) ?? [];
}

const byNumThenId = (a: PartRow, b: PartRow) => a.num! - b.num! || a.id! - b.id!;

const stateReport = (r: PartRow): StateReport => ({
  id: r.id!, personId: r.num, status: r.a as ReportStatus | null, percent: r.x, period: r.b!, createdAt: r.at!, rawText: r.c!, returned: r.ref === 1, meeting: r.d === 'meeting',
});

/** The engine's values of each target: the latest (read with the parts) and, for a level without a baseline, the first since the start. */
async function engineValuesOf(db: Db, targets: (StateTarget & { start: string })[], parts: PartRow[], now: Date): Promise<Map<number, StateTarget['history']>> {
  const latest = new Map<number, ReportedValue>();
  for (const p of parts) if (p.kind === 'value') latest.set(p.ref!, { value: p.x!, at: p.at!, reportId: p.num!, valueId: p.id! });
  const first = await firstValues(db, targets, latest, now);
  return new Map(targets.map((g) => [g.id, engineHistory(latest.get(g.id) ?? null, first.get(g.id) ?? null)]));
}

/** Extension requests (延期申请) still undecided, by task: the request (its audit entry's id), the requester's name, the date asked for, the reason. */
async function pendingExtensions(db: Db, entries: PartRow[]): Promise<Map<number, TaskStateInput['extensionRequests']>> {
  entries.sort((a, b) => a.id! - b.id!);
  const decided = new Set<number>();
  for (const e of entries) if (e.a !== 'extension.requested') decided.add(Number(readJson(e.b).requestId));
  const asked = entries.filter((e) => e.a === 'extension.requested' && !decided.has(e.id!));
  if (!asked.length) return new Map();
  const names = new Map((await db.person.findMany({
    where: { openId: { in: asked.map((e) => String(readJson(e.b).requestedBy)) } },
    select: { openId: true, name: true },
  })).map((p) => [p.openId, p.name]));
  const out = new Map<number, TaskStateInput['extensionRequests']>();
  for (const e of asked) {
    const a = readJson(e.b);
    const list = out.get(e.taskId) ?? [];
    list.push({ requestId: e.id!, by: names.get(String(a.requestedBy)) ?? '（未知）', to: String(a.to ?? ''), reason: String(a.reason ?? '') });
    out.set(e.taskId, list);
  }
  return out;
}

const ASKS = new Set<string>(['later', 'tomorrow', 'two-days', 'next-week']);
/** A stored snooze's ask, when it is one the engine knows (shared with the reference reader in tests/helpers). */
export const snoozeAsk = (ask: string | null): SnoozeAsk | null => (ask !== null && ASKS.has(ask) ? (ask as SnoozeAsk) : null);

/** An audit entry's JSON as an object ({} when it is not one). */
export function readJson(text: string | null): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(text ?? 'null');
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
