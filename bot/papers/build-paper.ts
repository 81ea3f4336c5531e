/**
 * The bureau's paper for a plan at `now`: each task's state from the task-state engine
 * (loadTaskStates), the period's reports in the owners' words (with who made them and the date
 * they expect to finish), the model (bot/domain/papers/model.ts), the .docx. Used by
 * `workplan report` (--at, default now) and the chat's /report 月报 (the clock).
 */
import { atShanghai, shanghaiDate } from '../domain/calendar/shanghai-time.js';
import { addDays } from '../domain/calendar/civil-date.js';
import type { WorkCalendar } from '../domain/calendar/work-calendar.js';
import { buildPaper, type PaperModel } from '../domain/papers/model.js';
import { paperPeriod, type PaperKind } from '../domain/papers/period.js';
import type { Db } from '../store/db.js';
import { loadTaskStates } from '../store/task-states.js';
import { writePaper } from './write-paper.js';

/** Reports read for one paper at most (a year of a large plan stays bounded). */
const MAX_REPORTS = 5000;

export interface Paper {
  bytes: Buffer;
  /** A file name to offer: 「重庆市…2022年工作要点推进情况（4月）-2022-04-15.docx」. */
  fileName: string;
  model: PaperModel;
  taskCount: number;
  reportCount: number;
}

export async function buildPaperFile(db: Db, o: { planId: number; kind: PaperKind; now: Date; calendar: WorkCalendar }): Promise<Paper> {
  const states = await loadTaskStates(db, { planId: o.planId, now: o.now, calendar: o.calendar });
  const plan = await db.plan.findUniqueOrThrow({ where: { id: o.planId }, select: { issuer: true } });
  const today = states.ctx.today;
  const period = paperPeriod(o.kind, today);
  const codes = new Map(states.tasks.map((t) => [t.id, t.code]));
  const rows = await db.report.findMany({
    where: {
      task: { planId: o.planId, removedAt: null },
      revokedAt: null,
      createdAt: { gte: atShanghai(period.start, '00:00'), lt: atShanghai(addDays(period.end, 1), '00:00'), lte: o.now },
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: MAX_REPORTS,
    select: { taskId: true, rawText: true, expectedOn: true, createdAt: true, person: { select: { name: true } } },
  });
  const reports = rows.filter((r) => codes.has(r.taskId)).map((r) => ({
    taskCode: codes.get(r.taskId)!, by: r.person?.name ?? null, createdAt: r.createdAt, date: shanghaiDate(r.createdAt), rawText: r.rawText, expectedOn: r.expectedOn,
  }));
  const model = buildPaper({
    plan: { title: states.plan.title, issuer: plan.issuer, year: states.plan.year, periodStart: states.plan.periodStart },
    period, today, tasks: states.tasks, reports,
  });
  const bytes = await writePaper(model);
  const fileName = `${model.title}-${today}.docx`.replace(/[\\/:*?"<>|\s]+/g, '_');
  return { bytes, fileName, model, taskCount: states.tasks.length, reportCount: reports.length };
}
