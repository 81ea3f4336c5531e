/**
 * Recording what an owner said about a task: read it (status, percent,
 * values, expected date), store it with the raw text, answer with what was
 * recorded and a way to undo or correct it. Nothing is written silently,
 * and nothing without a Reporter from mayReport. A report that says done
 * asks for confirmation of completion (completion.ts) before the answer; one that says a milestone's
 * step is done marks it (report-steps.ts) and the answer says so.
 * What the reader could not settle goes on the card as one-click corrections (doubt-actions.ts).
 */
import { loadCodeNamer } from '../../store/plan-codes.js';
import type { Deps } from '../../deps.js';
import { shanghaiDate } from '../../domain/calendar/shanghai-time.js';
import { keepDoubts } from '../../domain/reply/kept-doubts.js';
import { readReply, type ReadReply, type ReportStatus } from '../../domain/reply/read-reply.js';
import { periodOf } from '../../domain/schedule/periods.js';
import type { PeriodCadence } from '../../domain/schedule/settings.js';
import { confirmationCard } from '../../feishu/cards/report-cards.js';
import { attachWaiting } from '../../store/evidence.js';
import { createReport, type ReportInput } from '../../store/reports.js';
import { keepSentCard } from '../../store/sent-cards.js';
import { askCompletion } from './completion.js';
import { summaryOf } from './confirmation.js';
import { showPeriodOnNudges } from './nudge-reported.js';
import { markSteps, readSteps, statusWithSteps } from './report-steps.js';
import { reporterPersonId, type Reporter } from './may-report.js';

export type TaskWithTargets = Awaited<ReturnType<typeof loadTask>>;

export async function loadTask(deps: Pick<Deps, 'db'>, taskId: number) {
  const task = await deps.db.task.findUniqueOrThrow({ where: { id: taskId }, include: { targets: { where: { removedAt: null }, orderBy: { position: 'asc' } } } });
  return { ...task, shownCode: (await loadCodeNamer(deps.db))(task.planId, task.code) };
}

/** The check-in period a report made now belongs to. */
export function currentPeriod(cadence: string, now: Date): string {
  const c = (['weekly', 'biweekly', 'monthly'].includes(cadence) ? cadence : 'weekly') as PeriodCadence;
  return periodOf(c, shanghaiDate(now)).id;
}

export interface Said {
  text: string;
  source: ReportInput['source'];
  messageId: string | null;
  chatId: string | null;
  /** Where to put the confirmation: a reply to this message, or a new message to the person. */
  replyTo: string | null;
  /** Who reports: only mayReport gives one, so no channel can skip the rule. */
  reporter: Reporter;
  /** A status picked on a card, when there is one. */
  status?: ReportStatus;
  /** Numbers typed into the card form, by target position. */
  formValues?: Map<number, number>;
}

/** A reading with nothing in it: 「已在会上汇报」 is recorded as said, without content. */
export const NOTHING_READ: ReadReply = Object.freeze({ status: null, percent: null, values: [], expectedOn: null, blocker: null, doubts: [] });

/** Reads what the owner said and records it (recordReading). */
export async function recordReport(deps: Deps, task: TaskWithTargets, said: Said) {
  const read = readReply({
    text: said.text,
    targets: task.targets.map((t) => ({ label: t.label, value: t.value, unit: t.unit, kind: t.kind as 'level', text: t.text })),
    now: deps.clock.now(),
  });
  return recordReading(deps, task, said, read);
}

/**
 * Records a reading of what the owner said (the reader's, or one a test makes): the report with its
 * raw text and the doubts the owner can settle, then the confirmation card. Numbers typed into the
 * form win over the reading, and then the reading's doubts about numbers are moot.
 */
export async function recordReading(deps: Deps, task: TaskWithTargets, said: Said, read: ReadReply) {
  if (said.reporter.taskId !== task.id) throw new Error(`reporter checked for task ${said.reporter.taskId}, not ${task.id}`);
  const now = deps.clock.now();
  const personId = await reporterPersonId(deps, said.reporter);
  const values = new Map<number, number>();
  for (const v of read.values) if (task.targets[v.target]) values.set(v.target, v.value);
  for (const [pos, v] of said.formValues ?? []) {
    const i = task.targets.findIndex((t) => t.position === pos);
    if (i >= 0) values.set(i, v);
  }
  const typed = (said.formValues?.size ?? 0) > 0;
  const doubts = keepDoubts(read.doubts.filter((d) => !(typed && d.kind === 'value')), task.targets.map((t) => t.id));
  const period = currentPeriod(task.cadence, now);
  // 「评估已完成」: a milestone's step done (report-steps.ts); a meeting report says nothing.
  const steps = said.source === 'meeting' ? null : await readSteps(deps, task.id, said.text);
  const report = await createReport(deps.db, {
    taskId: task.id,
    personId,
    period,
    status: said.status ?? (steps ? statusWithSteps(read.status, steps) : read.status),
    percent: read.percent,
    expectedOn: read.expectedOn,
    rawText: said.text,
    source: said.source,
    messageId: said.messageId,
    values: [...values].map(([i, value]) => ({ targetId: task.targets[i]!.id, value, unit: task.targets[i]!.unit })),
    doubts,
    actor: said.reporter.openId,
    role: said.reporter.role,
    now,
    chatId: said.chatId,
  });
  deps.metrics.reportsReceived.inc({ source: said.source });
  const stepsMarked = steps ? await markSteps(deps, steps, { reportId: report.id, actor: said.reporter.openId, now, chatId: said.chatId, messageId: said.messageId }) : [];
  // Evidence the owner sent for the task just before (in a nudge's thread) belongs to this report.
  await attachWaiting(deps.db, { taskId: task.id, personId, reportId: report.id, since: new Date(now.getTime() - deps.config.EVIDENCE_WINDOW_MINUTES * 60_000) });
  // 「已完成」 asks the leader to confirm (done_pending) before the owner hears back, so the answer can say so.
  const note = report.status === 'done'
    ? await askCompletion(deps, { taskId: task.id, reportId: report.id, actor: said.reporter.openId, chatId: said.chatId, messageId: said.messageId })
    : null;
  const summary = { ...summaryOf(task, report, note), steps: stepsMarked };
  const card = confirmationCard(summary);
  const key = `confirm:${said.messageId ?? `report-${report.id}`}:${task.id}`;
  const sent = said.replyTo ? await deps.messenger.reply(said.replyTo, { card }, key) : await deps.messenger.send({ openId: said.reporter.openId }, { card }, key);
  // Kept so that a picture or file replied to the confirmation is evidence of this report.
  await keepSentCard(deps.db, { subject: `report:${report.id}`, openId: said.reporter.openId, messageId: sent.messageId, now });
  await showPeriodOnNudges(deps, { taskId: task.id, period });
  return { report, summary };
}
