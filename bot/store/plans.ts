/**
 * The plans a bureau holds (this year's 工作要点, last year's closing, the 区委 tasks…) and their state:
 * 进行中 or 已归档. Archiving (归档) ends a plan: its tasks get no more nudges, escalations or digests
 * (the sweeps read only plans not archived, and a nudge still pending is cancelled), and everything it
 * recorded stays for the ledger.
 */
import { shortNameProblem } from '../domain/plan/plan-code.js';
import { audit } from './audit.js';
import type { Db } from './db.js';

export interface PlanRow {
  id: number;
  title: string;
  issuer: string | null;
  year: number;
  periodEnd: string;
  shortName: string | null;
  archivedAt: Date | null;
  tasks: number;
  open: number;
}

export async function listPlans(db: Db): Promise<PlanRow[]> {
  const plans = await db.plan.findMany({ orderBy: { id: 'asc' }, select: { id: true, title: true, issuer: true, year: true, periodEnd: true, shortName: true, archivedAt: true } });
  const counts = await db.task.groupBy({ by: ['planId', 'status'], where: { removedAt: null }, _count: { _all: true } });
  return plans.map((p) => {
    const mine = counts.filter((c) => c.planId === p.id);
    return {
      ...p,
      tasks: mine.reduce((n, c) => n + c._count._all, 0),
      open: mine.filter((c) => c.status !== 'closed').reduce((n, c) => n + c._count._all, 0),
    };
  });
}

/** The plan a word names: its number, its short name, its year (when one plan has it), or a part of its title; null when none or several. */
export async function findPlan(db: Db, ref: string): Promise<PlanRow | null> {
  const plans = await listPlans(db);
  const r = ref.trim();
  if (!r) return null;
  const byId = plans.filter((p) => String(p.id) === r);
  if (byId.length === 1) return byId[0]!;
  const byName = plans.filter((p) => p.shortName === r);
  if (byName.length === 1) return byName[0]!;
  const byYear = plans.filter((p) => String(p.year) === r);
  if (byYear.length === 1) return byYear[0]!;
  const byTitle = plans.filter((p) => p.title.includes(r));
  return byTitle.length === 1 ? byTitle[0]! : null;
}

/**
 * Archives the plan once (a conditional update: a second call changes nothing) and cancels its nudges still
 * waiting to be sent; audited. True when this call archived it.
 */
export async function archivePlan(db: Db, o: { planId: number; by: string; now: Date; chatId?: string | null; messageId?: string | null }): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const changed = await tx.plan.updateMany({ where: { id: o.planId, archivedAt: null }, data: { archivedAt: o.now, archivedBy: o.by, updatedAt: o.now } });
    if (changed.count !== 1) return false;
    const cancelled = await tx.nudge.updateMany({
      where: { state: 'pending', task: { planId: o.planId } },
      data: { state: 'cancelled', error: '计划已归档' },
    });
    await audit(tx, { actor: o.by, action: 'plan.archived', now: o.now, after: { planId: o.planId, cancelled: cancelled.count }, chatId: o.chatId ?? null, messageId: o.messageId ?? null });
    return true;
  });
}

/** 「1　綦江区科技局2022年工作要点（2022年，简称 科技局，23项任务，未办结 20项）　进行中」 */
export function planLine(p: PlanRow): string {
  const state = p.archivedAt ? '已归档' : '进行中';
  const name = p.shortName ? `，简称 ${p.shortName}` : '';
  return `${p.id}　${p.title}（${p.year}年${name}，${p.tasks}项任务，未办结 ${p.open}项）　${state}`;
}

/**
 * Sets (or, with null, clears) a plan's short name (简称), the prefix of its task codes when several plans are
 * in force; audited. The problem (Chinese) when the name cannot be used; 'same' when it is already set.
 */
export async function setShortName(db: Db, o: { planId: number; name: string | null; by: string; now: Date; chatId?: string | null; messageId?: string | null }): Promise<{ ok: true } | { ok: false; why: string } | { ok: 'same' }> {
  const name = o.name?.trim() || null;
  const changed = db.$transaction(async (tx) => {
    const plans = await tx.plan.findMany({ select: { id: true, shortName: true } });
    const before = plans.find((p) => p.id === o.planId);
    if (!before) return { ok: false as const, why: '没有找到这份计划。' };
    if (before.shortName === name) return { ok: 'same' as const };
    const problem = name === null ? null : shortNameProblem(name, plans, o.planId);
    if (problem) return { ok: false as const, why: problem };
    await tx.plan.update({ where: { id: o.planId }, data: { shortName: name, updatedAt: o.now } });
    await audit(tx, { actor: o.by, action: 'plan.short-name', now: o.now, before: { planId: o.planId, shortName: before.shortName }, after: { planId: o.planId, shortName: name }, chatId: o.chatId ?? null, messageId: o.messageId ?? null });
    return { ok: true as const };
  });
  // Two admins giving two plans the same name at once: the unique index decides, and the second is told.
  return changed.catch((e: unknown) => {
    if ((e as { code?: string }).code === 'P2002') return { ok: false as const, why: `简称「${name}」刚被另一份计划使用，请换一个。` };
    throw e;
  });
}

/** The issuer (发文单位) of the newest plan in force, else of the newest plan: the bureau whose units /unit names. */
export async function currentIssuer(db: Db): Promise<string | null> {
  const plan = (await db.plan.findFirst({ where: { archivedAt: null }, orderBy: { id: 'desc' }, select: { issuer: true } }))
    ?? (await db.plan.findFirst({ orderBy: { id: 'desc' }, select: { issuer: true } }));
  return plan?.issuer ?? null;
}
