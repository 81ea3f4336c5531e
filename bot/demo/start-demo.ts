/**
 * The live demo: the production bot (receiver, workers, store, queues) run
 * against the fake Feishu Open Platform, with a simulated clock, the seed
 * plan, its owners as simulated colleagues, and optionally the web console.
 * Only the clock, the Feishu domain and the Redis location differ from
 * production (and sweeps are queued at simulated times, not every real minute).
 */
import { randomBytes } from 'node:crypto';
import { rmSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemClock, type Clock } from '../clock.js';
import { loadConfig } from '../config.js';
import { parseOwners } from '../domain/owners/parse-owners.js';
import { parsePlan } from '../domain/plan/parse-plan.js';
import { startBot, type RunningBot } from '../main.js';
import { readPlanFile } from '../plan-files/read-plan-file.js';
import { startFakeFeishu, type FakeFeishu } from '../sandbox/index.js';
import { importOwners } from '../store/import-owners.js';
import { importPlan } from '../store/import-plan.js';
import { createAgenda } from './agenda.js';
import { castFrom, DEMO_ADMIN, LEADERS_GROUP, type CastMember } from './cast.js';
import { addDemoDirectory } from './directory.js';
import { watchColleagues } from './colleagues.js';
import { createDriver, type StepTarget } from './driver.js';
import { findRedis } from './find-redis.js';
import { planOpening } from './script.js';
import { createSimClock, type SimClock, type Speed } from './sim-clock.js';
import { summarize, type DemoSummary } from './summary.js';
import { dropQueuePrefix } from './drop-prefix.js';
import { openDemoConsole } from './open-console.js';

const EXAMPLE = fileURLToPath(new URL('../../plans/', import.meta.url));
export const DEMO_START = new Date('2022-03-21T09:00:00+08:00');

export interface DemoOptions {
  speed: Speed;
  start?: Date;
  until?: Date | null;
  /** Start the web console (default port 3900; 0 = a free port). */
  console: boolean;
  consolePort?: number;
  /** Where to look for Redis first (REDIS_URL). */
  redisUrl: string;
  /** Folder of the demo's SQLite file (wiped at start). */
  dataDir: string;
  logLevel?: string;
  plan?: string;
  owners?: string;
  real?: Clock;
}

export interface DemoControls {
  state(): { now: string; speed: number; paused: boolean };
  setSpeed(speed: number): void;
  pause(): void;
  play(): void;
  step(to: StepTarget): Promise<void>;
}

export interface Demo {
  fake: FakeFeishu;
  bot: RunningBot;
  clock: SimClock;
  cast: CastMember[];
  controls: DemoControls;
  consoleUrl: string | null;
  redisUrl: string;
  /** Runs the simulation to `until` (or until close()). */
  run(): Promise<void>;
  /** Ends run() at the next moment of work (Ctrl+C). */
  stop(): void;
  summary(): Promise<DemoSummary>;
  close(): Promise<void>;
}

export async function startDemo(o: DemoOptions): Promise<Demo> {
  const real = o.real ?? systemClock;
  const start = o.start ?? DEMO_START;
  const redis = await findRedis(o.redisUrl);
  const clock = createSimClock(start, real, o.speed);
  const secret = () => randomBytes(12).toString('hex');
  const app = { appId: 'cli_demo0000000000', appSecret: secret(), encryptKey: secret(), verificationToken: secret() };
  const fake = await startFakeFeishu({ ...app, appName: '工作要点助手', now: () => clock.now().getTime() });
  const dataDir = resolve(o.dataDir);
  rmSync(join(dataDir, 'demo.db'), { force: true });
  mkdirSync(dataDir, { recursive: true });
  const prefix = `{demo-${secret().slice(0, 8)}}`;
  const config = loadConfig(
    {
      FEISHU_APP_ID: app.appId, FEISHU_APP_SECRET: app.appSecret, FEISHU_ENCRYPT_KEY: app.encryptKey,
      FEISHU_VERIFICATION_TOKEN: app.verificationToken, FEISHU_TENANT_KEY: fake.tenantKey, FEISHU_DOMAIN: fake.url, SANDBOX: 'true', PORT: '0',
      DATABASE_URL: `file:${join(dataDir, 'demo.db')}`, REDIS_URL: redis.url, QUEUE_PREFIX: prefix,
      LOG_LEVEL: o.logLevel ?? 'warn', ADMIN_OPEN_IDS: DEMO_ADMIN.openId, SWEEP_EVERY_SECONDS: '0', EVIDENCE_DIR: join(dataDir, 'evidence'),
    },
    'feishu',
  );
  const bot = await startBot({ config, clock });
  fake.setWebhook({ eventsUrl: `${bot.url}/feishu/events`, cardsUrl: `${bot.url}/feishu/cards` });
  const { db } = bot.deps;

  const planFile = o.plan ?? join(EXAMPLE, 'qijiang-2022-work-plan.txt');
  const source = await readPlanFile(planFile);
  const parsed = parsePlan(source);
  const sourceText = source.kind === 'text' ? source.text : source.rows.map((r) => r.join('\t')).join('\n');
  const { planId } = await importPlan(db, { parsed, sourceName: planFile, sourceText, actor: 'demo', now: start });
  const ownersSource = await readPlanFile(o.owners ?? join(EXAMPLE, 'qijiang-2022-owners.csv'));
  const rows = parseOwners(ownersSource.kind === 'table' ? ownersSource.rows : []);
  await importOwners(db, { planId, rows, by: 'demo', now: start });

  const cast = castFrom(rows);
  for (const c of cast) fake.addUser({ openId: c.openId, name: c.name });
  // The bureau's org chart in Feishu (read by the owner proposal, issue #23); the owners file still assigns.
  addDemoDirectory(fake, cast.map((c) => c.openId));
  const leaders = cast.filter((c) => c.kind === 'leader').map((c) => c.openId);
  fake.addChat({ ...LEADERS_GROUP, members: [...leaders, DEMO_ADMIN.openId] });

  const errors: string[] = [];
  const onError = (what: string, e: unknown) => {
    errors.push(`${what}：${e instanceof Error ? e.message : String(e)}`);
    bot.deps.log.warn({ what, err: e instanceof Error ? e.message : String(e) }, 'demo action failed');
  };
  const agenda = createAgenda();
  const calendar = bot.deps.calendar;
  planOpening({ fake, agenda, cast, rows, calendar, start });
  const unwatch = watchColleagues({ fake, db, cast, calendar, agenda, onError });
  const quietEnd = bot.deps.schedule.quietEnd;
  const driver = createDriver({
    clock, real, queues: bot.deps.queues, agenda, calendar, onError, checkinAt: bot.deps.schedule.checkinAt,
    sweepTimes: [quietEnd, bot.deps.schedule.checkinAt, '12:00', config.DIGEST_AT, '18:00'],
  });
  const controls: DemoControls = {
    state: () => {
      const s = driver.shownSpeed();
      return { now: clock.now().toISOString(), speed: s === 'max' ? 0 : s, paused: clock.paused };
    },
    setSpeed: (s) => clock.setSpeed(s),
    pause: () => clock.pause(),
    play: () => clock.play(),
    step: (to) => driver.step(to),
  };
  const consoleApp = o.console ? await openDemoConsole({ fake, controls, cast, port: o.consolePort ?? 3900 }) : null;

  let closed = false;
  return {
    fake, bot, clock, cast, controls, consoleUrl: consoleApp?.url ?? null, redisUrl: redis.url,
    run: () => driver.run(o.until ?? null),
    stop: () => driver.stop(),
    summary: () => summarize(db, errors, { now: clock.now(), calendar }),
    async close() {
      if (closed) return;
      closed = true;
      driver.stop();
      unwatch();
      await consoleApp?.close();
      await bot.close();
      await fake.close();
      await dropQueuePrefix(redis.url, prefix);
      await redis.stop();
    },
  };
}
