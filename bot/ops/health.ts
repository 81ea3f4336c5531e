/**
 * GET /healthz: the process is alive (no dependency is asked).
 * GET /readyz: it can do its work: Redis answers PING, the store answers a
 * query, and a Feishu tenant token is at hand (cached or fetched now).
 * 200 with every check "ok", or 503 naming what failed, e.g.
 * {"ok":false,"failed":["redis"],"checks":{"redis":"timed out after 2000 ms","store":"ok","feishu":"ok"}}.
 * A Feishu failure names the variable to fix (bot/ops/feishu-check.ts), as the start-up line did.
 * A webhook receiver alone calls no Feishu API, so its readiness does not ask for a token (and it
 * never loads the SDK).
 */
import express, { type Router } from 'express';
import type { Deps } from '../deps.js';
import { withTimeout } from '../feishu/accept-event.js';
import { explainFeishuFailure } from './feishu-check.js';

const CHECK_TIMEOUT_MS = 2000;

type Check = () => Promise<unknown>;

export function createHealthRoutes(deps: Pick<Deps, 'redis' | 'db' | 'messenger' | 'log' | 'config'>, o: { callsFeishu: boolean } = { callsFeishu: true }): Router {
  const checks: Record<string, Check> = {
    redis: () => deps.redis.ping(),
    store: () => deps.db.$queryRaw`SELECT 1`,
  };
  if (o.callsFeishu) {
    checks.feishu = () =>
      deps.messenger.tokenReady().catch((e: unknown) => {
        throw new Error(explainFeishuFailure(e, deps.config).en);
      });
  }
  const router = express.Router();
  router.get('/healthz', (_req, res) => void res.json({ ok: true }));
  router.get('/readyz', (_req, res, next) => {
    readiness(checks).then((result) => {
      if (!result.ok) deps.log.warn({ failed: result.failed }, 'not ready');
      res.status(result.ok ? 200 : 503).json(result);
    }, next);
  });
  return router;
}

async function readiness(checks: Record<string, Check>) {
  const names = Object.keys(checks);
  const outcomes = await Promise.all(
    names.map((name) =>
      withTimeout(checks[name]!(), CHECK_TIMEOUT_MS).then(
        () => 'ok',
        (e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 200),
      ),
    ),
  );
  const failed = names.filter((_, i) => outcomes[i] !== 'ok');
  return { ok: failed.length === 0, failed, checks: Object.fromEntries(names.map((n, i) => [n, outcomes[i]])) };
}
