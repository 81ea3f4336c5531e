/** GET /metrics: the process's Prometheus metrics; behind METRICS_TOKEN (bearer) when it is set. */
import express, { type Router } from 'express';
import type { Config } from '../config.js';
import type { Metrics } from '../metrics.js';
import { requireAuth } from './http-auth.js';

export function createMetricsRoute(config: Config, metrics: Metrics): Router {
  const router = express.Router();
  const guard = config.METRICS_TOKEN ? [requireAuth({ token: config.METRICS_TOKEN, realm: 'metrics' })] : [];
  router.get('/metrics', ...guard, (_req, res, next) => {
    metrics.registry.metrics().then((text) => {
      res.setHeader('Content-Type', metrics.registry.contentType);
      res.send(text);
    }, next);
  });
  return router;
}
