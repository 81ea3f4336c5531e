/**
 * The live demo: the production bot (receiver, workers, store, queues) run
 * against the fake Feishu Open Platform, with a simulated clock, the seed
 * plan and its 任务分解表, owners proposed from the bureau's org chart and
 * confirmed by the admin (the simulated admin when headless; whoever plays
 * the admin in the web console otherwise), simulated colleagues, and
 * optionally the web console. An owners file (`owners`) assigns instead.
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
import { mergeUnits } from '../domain/plan/units-table.js';
import { readUnitsFile } from '../plan-files/read-units-file.js';
import { startBot, type RunningBot } from '../main.js';
import { readPlanFile } from '../plan-files/read-plan-file.js';
import { startFakeFeishu, type FakeFeishu } from '../sandbox/index.js';
import { importOwners } from '../store/import-owners.js';
import { importPlan } from '../store/import-plan.js';
import { findProposal } from '../store/owner-proposals.js';
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
import { confirmAsAdmin, proposeDemoOwners } from './propose-owners.js';

const EXAMPLE = fileURLToPath(new URL('../../plans/', import.meta.url));
export const DEMO_START = new Date('2022-03-21T09:00:00+08:00');

export interface DemoOptions {
  speed: Speed;
  start?: Date;
  until?: Date | null;
  /** The simulated admin confirms the owner proposal (default: when there is no console to do it in). */
  adminConfirms?: boolean;
  /** Start with the simulated clock paused (it stays paused once the owner proposal is confirmed). */
  paused?: boolean;
  /** Start the web console (default port 3900; 0 = a free port). */
  console: boolean;
  consolePort?: number;
  /** Where to look for Redis first (REDIS_URL). */
  redisUrl: string;
  /** Folder of the demo's SQLite file (wiped at start). */
  dataDir: string;
  logLevel?: string;
  plan?: string;
  /** A units-only 任务分解表 for the plan (default: the seed plan's, when the plan is the seed's). */
  units?: string;
  /** An owners file (责任分工表) that assigns instead of the proposal from the org chart. */
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
  /** Whether the owner proposal still waits for the admin's 「全部确认」 in the console (simulated time held). */
  awaitingConfirmation(): boolean;
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

  // The plan, with the 任务分解表 that names each task's units and leader (the seed plan's text names none).
  const planFile = o.plan ?? join(EXAMPLE, 'qijiang-2022-work-plan.txt');
  const unitsFile = o.units ?? (o.plan ? null : join(EXAMPLE, 'qijiang-2022-units.csv'));
  const source = await readPlanFile(planFile);
  const plain = parsePlan(source);
  const parsed = unitsFile ? mergeUnits(plain, await readUnitsFile(unitsFile)) : plain;
  const sourceText = source.kind === 'text' ? source.text : source.rows.map((r) => r.join('\t')).join('\n');
  const { planId } = await importPlan(db, { parsed, sourceName: planFile, sourceText, actor: 'demo', now: start });
  // The cast (names, units, ways of answering) comes from the owners file; with --owners it also assigns, as
  // it did before issue #23. By default the owners are proposed from the org chart and confirmed (below).
  const ownersSource = await readPlanFile(o.owners ?? join(EXAMPLE, 'qijiang-2022-owners.csv'));
  const rows = parseOwners(ownersSource.kind === 'table' ? ownersSource.rows : []);
  if (o.owners) await importOwners(db, { planId, rows, by: 'demo', now: start });

  const cast = castFrom(rows);
  for (const c of cast) fake.addUser({ openId: c.openId, name: c.name });
  // The bureau's org chart in Feishu, which the owner proposal reads (issue #23).
  addDemoDirectory(fake, cast.map((c) => c.openId));
  const proposal = o.owners ? null : await proposeDemoOwners(bot.deps, { planId, now: start });
  const adminConfirms = o.adminConfirms ?? !o.console;
  if (proposal && adminConfirms) await confirmAsAdmin(bot.deps, fake, proposal, real);
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
  // With the console, simulated time waits for the admin's 「全部确认」 (nothing is assigned, so nothing would move).
  const waitForAdmin = proposal && !adminConfirms ? holdUntilConfirmed(clock, () => findProposal(db, proposal.proposalId).then((p) => p?.state === 'confirmed'), !o.paused) : null;

  let closed = false;
  return {
    fake, bot, clock, cast, controls, consoleUrl: consoleApp?.url ?? null, redisUrl: redis.url,
    awaitingConfirmation: () => waitForAdmin?.waiting() ?? false,
    run: () => driver.run(o.until ?? null),
    stop: () => driver.stop(),
    summary: () => summarize(db, errors, { now: clock.now(), calendar }),
    async close() {
      if (closed) return;
      closed = true;
      driver.stop();
      waitForAdmin?.stop();
      unwatch();
      await consoleApp?.close();
      await bot.close();
      await fake.close();
      await dropQueuePrefix(redis.url, prefix);
      await redis.stop();
    },
  };
}

/** Pauses the clock until `confirmed()` (checked twice a second, real time), then plays it (unless `play` is false: started paused). */
function holdUntilConfirmed(clock: SimClock, confirmed: () => Promise<boolean>, play: boolean): { waiting(): boolean; stop(): void } {
  let waiting = true;
  clock.pause();
  const timer = setInterval(() => {
    void confirmed().then((yes) => {
      if (!yes || !waiting) return;
      waiting = false;
      clearInterval(timer);
      if (play) clock.play();
    }, () => undefined);
  }, 500);
  return { waiting: () => waiting, stop: () => clearInterval(timer) };
}
