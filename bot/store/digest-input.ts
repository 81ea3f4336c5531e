/** Gathers a plan's digest input from the store at `now`. */
import type { WorkCalendar } from '../domain/calendar/work-calendar.js';
import { shanghaiDate } from '../domain/calendar/shanghai-time.js';
import { isoWeek } from '../domain/calendar/civil-date.js';
import type { DigestInput, DigestSnapshot, DigestTaskInput, ReportStatus } from '../domain/digest/types.js';
import { periodOf, lastWorkdayOfWeek } from '../domain/schedule/periods.js';
import type { PeriodCadence } from '../domain/schedule/settings.js';
import { workdaysIn } from '../domain/calendar/work-calendar.js';
import { addDays } from '../domain/calendar/civil-date.js';
import { inChunks } from './chunks.js';
import type { Db } from './db.js';

/** The ISO week of `today` with its first and last working days (null when it has none). */
export function digestWeek(cal: WorkCalendar, today: string) {
  const { year, week, monday } = isoWeek(today);
  const days = workdaysIn(cal, monday, addDays(monday, 6));
  const last = lastWorkdayOfWeek(cal, today);
  return { id: `${year}-W${String(week).padStart(2, '0')}`, number: week, firstWorkday: days[0] ?? monday, lastWorkday: last ?? addDays(monday, 4), hasWorkday: days.length > 0 };
}

export async function loadDigestInput(db: Db, planId: number, now: Date, cal: WorkCalendar): Promise<DigestInput> {
  const today = shanghaiDate(now);
  const plan = await db.plan.findUniqueOrThrow({ where: { id: planId } });
  const week = digestWeek(cal, today);
  const ids = (await db.task.findMany({ where: { planId, removedAt: null }, orderBy: { position: 'asc' }, select: { id: true } })).map((t) => t.id);
  const tasks = await inChunks(ids, (slice) => db.task.findMany({
    where: { id: { in: slice } },
    orderBy: { position: 'asc' },
    include: {
      section: true,
      parties: { where: { role: 'lead' }, orderBy: { position: 'asc' } },
      assignments: { where: { active: true, role: 'owner' }, include: { person: { include: { leaves: true } } } },
      targets: { where: { removedAt: null }, orderBy: { position: 'asc' }, include: { values: { where: { report: { revokedAt: null } }, include: { report: { select: { createdAt: true } } } } } },
      reports: { where: { revokedAt: null, createdAt: { lte: now } }, orderBy: { createdAt: 'desc' }, take: 20 },
      nudges: { where: { state: 'sent', kind: { in: ['checkin', 'followup1', 'followup2'] } }, select: { period: true } },
    },
  }));
  const previousRow = await db.digestSnapshot.findFirst({ where: { planId, week: { lt: week.id } }, orderBy: { week: 'desc' } });
  return {
    plan: { id: plan.id, title: plan.title, year: plan.year, periodStart: `${plan.year}-01-01`, periodEnd: plan.periodEnd },
    now,
    week: { id: week.id, number: week.number, firstWorkday: week.firstWorkday, lastWorkday: week.lastWorkday },
    previous: previousRow ? (JSON.parse(previousRow.json) as DigestSnapshot) : null,
    tasks: tasks.map((t): DigestTaskInput => {
      const cadence = ['weekly', 'biweekly', 'monthly'].includes(t.cadence) ? (t.cadence as PeriodCadence) : null;
      const currentPeriod = cadence ? periodOf(cadence, today).id : null;
      return {
        id: t.id,
        code: t.code,
        title: t.title,
        section: t.section ? { ordinal: t.section.ordinal, title: t.section.title } : null,
        state: (['active', 'paused', 'done'].includes(t.status) ? t.status : 'active') as DigestTaskInput['state'],
        deadline: t.deadline,
        currentPeriod,
        owners: t.assignments.map((a) => ({
          personId: a.personId,
          name: a.person.name,
          onLeave: a.person.leaves.some((l) => l.fromDate <= today && today <= l.toDate),
        })),
        leadUnits: t.parties.map((p) => p.name),
        targets: t.targets.map((g) => ({
          id: g.id,
          label: g.label,
          value: g.value,
          unit: g.unit,
          comparator: g.comparator as 'at_least',
          kind: g.kind as 'level',
          paceNote: g.paceNote,
          history: g.values
            .filter((v) => v.report.createdAt <= now)
            .map((v) => ({ value: v.value, at: v.report.createdAt }))
            .sort((a, b) => a.at.getTime() - b.at.getTime()),
        })),
        reports: t.reports.map((r) => ({
          id: r.id,
          personId: r.personId,
          status: r.status as ReportStatus | null,
          percent: r.percent,
          period: r.period,
          createdAt: r.createdAt,
          rawText: r.rawText,
          expectedOn: r.expectedOn,
        })),
        askedThisPeriod: currentPeriod !== null && t.nudges.some((n) => n.period === currentPeriod),
        extensionRequests: [],
      };
    }),
  };
}
