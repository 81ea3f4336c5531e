/**
 * Prometheus metrics (prom-client), one registry per bot process, served at
 * /metrics (bot/ops/metrics-route.ts). Counters are incremented where things
 * happen: the receiver (events received/refused), send-nudge (nudges
 * sent/failed by reason), recordReport (reports received), the Messenger
 * (Feishu latency and errors by code); the queue gauges are read from Redis
 * when Prometheus scrapes. Labels are bounded sets (kinds, reasons, codes),
 * never ids or texts.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Queue } from 'bullmq';

export interface Metrics {
  registry: Registry;
  nudgesSent: Counter<'kind'>;
  /** reason: Feishu's error code (or the error kind when there is none), or a cause the bot names. */
  nudgesFailed: Counter<'reason'>;
  reportsReceived: Counter<'source'>;
  /** outcome: accepted | duplicate. */
  eventsReceived: Counter<'type' | 'via' | 'outcome'>;
  eventsRefused: Counter<'reason'>;
  feishuSeconds: Histogram<'op'>;
  /** code: Feishu's code, or the error kind (network, rate_limit …) when the answer had none. */
  feishuErrors: Counter<'op' | 'code'>;
  /** Reports the queues' depth and the age of their oldest waiting job at each scrape. */
  watchQueues(queues: Queue[], nowMs: () => number): void;
}

/** Job states counted in workplan_queue_jobs. */
const STATES = ['waiting', 'prioritized', 'active', 'delayed', 'failed'] as const;

export function createMetrics(labels: Record<string, string> = {}): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels(labels);
  collectDefaultMetrics({ register: registry, prefix: 'workplan_' });
  const registers = [registry];
  let watched: { queues: Queue[]; nowMs: () => number } | null = null;

  new Gauge({
    name: 'workplan_queue_jobs',
    help: 'Jobs in each queue by state',
    labelNames: ['queue', 'state'],
    registers,
    async collect() {
      this.reset();
      for (const q of watched?.queues ?? []) {
        const counts = await q.getJobCounts(...STATES);
        for (const state of STATES) this.set({ queue: q.name, state }, counts[state] ?? 0);
      }
    },
  });
  new Gauge({
    name: 'workplan_queue_oldest_waiting_seconds',
    help: 'Age of the oldest job waiting to be picked up, per queue (0 when none waits)',
    labelNames: ['queue'],
    registers,
    async collect() {
      this.reset();
      if (!watched) return;
      for (const q of watched.queues) {
        const [oldest] = await q.getJobs(['wait'], 0, 0, true);
        this.set({ queue: q.name }, oldest ? Math.max(0, (watched.nowMs() - oldest.timestamp) / 1000) : 0);
      }
    },
  });

  return {
    registry,
    nudgesSent: new Counter({ name: 'workplan_nudges_sent_total', help: 'Nudges delivered to Feishu', labelNames: ['kind'], registers }),
    nudgesFailed: new Counter({ name: 'workplan_nudges_failed_total', help: 'Nudges given up on, by reason', labelNames: ['reason'], registers }),
    reportsReceived: new Counter({ name: 'workplan_reports_received_total', help: 'Progress reports recorded, by source', labelNames: ['source'], registers }),
    eventsReceived: new Counter({
      name: 'workplan_events_received_total',
      help: 'Verified Feishu events, by type, transport and outcome (accepted, duplicate, or stale: older than the de-duplication memory)',
      labelNames: ['type', 'via', 'outcome'],
      registers,
    }),
    eventsRefused: new Counter({ name: 'workplan_events_refused_total', help: 'Feishu requests refused, by reason', labelNames: ['reason'], registers }),
    feishuSeconds: new Histogram({
      name: 'workplan_feishu_request_seconds',
      help: 'Feishu API call latency, by operation',
      labelNames: ['op'],
      buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    feishuErrors: new Counter({ name: 'workplan_feishu_errors_total', help: 'Feishu API errors, by operation and code', labelNames: ['op', 'code'], registers }),
    watchQueues(queues, nowMs) {
      watched = { queues, nowMs };
    },
  };
}
