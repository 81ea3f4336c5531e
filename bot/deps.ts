/** Everything a handler or processor may use, passed in as one plain object (STYLE habit 4). */
import type { Redis } from 'ioredis';
import type { Queues } from '../jobs/queues.js';
import type { Clock } from './clock.js';
import type { WorkCalendar } from './domain/calendar/work-calendar.js';
import type { ScheduleSettings } from './domain/schedule/settings.js';
import type { Config } from './config.js';
import type { Messenger } from './feishu/messenger.js';
import type { Log } from './log.js';
import type { Metrics } from './metrics.js';
import type { Db } from './store/db.js';

export interface Deps {
  clock: Clock;
  config: Config;
  db: Db;
  log: Log;
  /** Prometheus counters and gauges of this process (bot/metrics.ts). */
  metrics: Metrics;
  messenger: Messenger;
  queues: Queues;
  /** A fail-fast Redis connection for the webhook path (nonces). */
  redis: Redis;
  /** Working days of the Chinese calendar (调休 included). */
  calendar: WorkCalendar;
  schedule: ScheduleSettings;
}
