/**
 * The BullMQ dashboard (@bull-board/express) for operators: queues, jobs,
 * retries. Mounted at DASHBOARD_PATH behind HTTP basic auth with
 * DASHBOARD_USER / DASHBOARD_PASSWORD; without both it is not mounted at all
 * (and bull-board, some 15 MB resident, is never loaded).
 */
import type { Router } from 'express';
import express from 'express';
import type { Config } from '../config.js';
import type { Queues } from '../../jobs/queues.js';
import { requireAuth } from './http-auth.js';

/** The dashboard's router, or null when no credentials are configured. */
export async function createDashboard(config: Config, queues: Queues): Promise<Router | null> {
  if (!config.DASHBOARD_USER || !config.DASHBOARD_PASSWORD) return null;
  const [{ createBullBoard }, { BullMQAdapter }, { ExpressAdapter }] = await Promise.all([
    import('@bull-board/api'),
    import('@bull-board/api/bullMQAdapter'),
    import('@bull-board/express'),
  ]);
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(config.DASHBOARD_PATH);
  createBullBoard({
    queues: [queues.inbound, queues.nudges, queues.sweeps].map((q) => new BullMQAdapter(q)),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'workplan-bot' } },
  });
  const router = express.Router();
  router.use(
    config.DASHBOARD_PATH,
    requireAuth({ basic: { user: config.DASHBOARD_USER, password: config.DASHBOARD_PASSWORD }, realm: 'workplan-bot' }),
    serverAdapter.getRouter() as Router,
  );
  return router;
}
