/** Read models of stored tasks for listings (CLI, /mine, digest). */
import type { Db } from './db.js';

export async function listTasks(db: Db, opts: { planId?: number; includeRemoved?: boolean } = {}) {
  return db.task.findMany({
    where: { ...(opts.planId ? { planId: opts.planId } : {}), ...(opts.includeRemoved ? {} : { removedAt: null }) },
    orderBy: [{ planId: 'asc' }, { position: 'asc' }],
    include: {
      plan: { select: { id: true, title: true } },
      section: { select: { ordinal: true, title: true } },
      targets: { where: { removedAt: null }, orderBy: { position: 'asc' } },
      parties: { orderBy: { position: 'asc' } },
      assignments: { where: { active: true }, include: { person: true } },
    },
  });
}

export type ListedTask = Awaited<ReturnType<typeof listTasks>>[number];
