/**
 * The soak: the demo's cast on a plan, through a stretch of the plan year at full speed, with the
 * production bot split into processes (a receiver and two workers, tests/soak/processes.ts) on a
 * private Redis kept in an append-only file, a fresh SQLite store (or, with `postgres`, a fresh
 * PostgreSQL database), and the fake Feishu — while the seeded injector (faults.ts) kills processes,
 * restarts and pauses Redis, makes Feishu fail, locks the store, drops PostgreSQL's connections and
 * re-delivers events. Every simulated week and at the end, the checker (invariants.ts) reads the
 * fake's record and the store; the run stops at the first violation.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemClock } from '../../bot/clock.js';
import { chineseWorkCalendar } from '../../bot/domain/calendar/chinese-calendar.js';
import { shanghaiDate } from '../../bot/domain/calendar/shanghai-time.js';
import { periodOf } from '../../bot/domain/schedule/periods.js';
import { DEFAULT_SCHEDULE } from '../../bot/domain/schedule/settings.js';
import { parseOwners } from '../../bot/domain/owners/parse-owners.js';
import { parsePlan } from '../../bot/domain/plan/parse-plan.js';
import { createAgenda } from '../../bot/demo/agenda.js';
import { castFrom, DEMO_ADMIN, LEADERS_GROUP } from '../../bot/demo/cast.js';
import { watchColleagues } from '../../bot/demo/colleagues.js';
import { createDriver } from '../../bot/demo/driver.js';
import { planOpening } from '../../bot/demo/script.js';
import { createSimClock } from '../../bot/demo/sim-clock.js';
import { summarize, type DemoSummary } from '../../bot/demo/summary.js';
import { readPlanFile } from '../../bot/plan-files/read-plan-file.js';
import { startFakeFeishu } from '../../bot/sandbox/index.js';
import { openStore } from '../../bot/store/db.js';
import { importOwners } from '../../bot/store/import-owners.js';
import { importPlan } from '../../bot/store/import-plan.js';
import { createQueues } from '../../jobs/queues.js';
import { createRedis } from '../../jobs/redis.js';
import { startPrivateRedis } from '../helpers/private-redis.js';
import { createSoakDatabase } from './database.js';
import { createFaultInjector, type FaultKind } from './faults.js';
import { checkInvariants, type Violation } from './invariants.js';
import { startProcesses } from './processes.js';
import { compareWithReference, recordOf, type SoakRecord } from './reference.js';
import { createRng } from './rng.js';

const PLANS = fileURLToPath(new URL('../../plans/', import.meta.url));
const DIGEST_AT = '16:00';

export interface SoakOptions {
  seed: number;
  from: Date;
  until: Date;
  faults: FaultKind[];
  /** Chance that a moment of work gets a fault (0.08). */
  rate?: number;
  plan?: string;
  owners?: string;
  workers?: number;
  redisPauseMs?: number;
  /** Simulated ms per real ms while only retries wait (10). */
  flow?: number;
  logLevel?: string;
  /** PostgreSQL (TEST_POSTGRES_URL's server) instead of a SQLite file. */
  postgres?: boolean;
  log?: (line: string) => void;
  /** What a run of the same stretch without faults sent: each of its check-ins and digests must be sent here too (or end with a reason). */
  reference?: SoakRecord;
}


export interface SoakResult {
  seed: number;
  simulatedDays: number;
  moments: number;
  events: number;
  messages: number;
  faults: Record<string, number>;
  restarts: number;
  checks: number;
  violations: Violation[];
  /** Where simulated time stood at the first violation (or the end). */
  stoppedAt: Date;
  summary: DemoSummary;
  record: SoakRecord;
}

export async function runSoak(o: SoakOptions): Promise<SoakResult> {
  const log = o.log ?? (() => {});
  const rng = createRng(o.seed);
  const dir = mkdtempSync(join(tmpdir(), 'workplan-soak-'));
  const redis = await startPrivateRedis({ persist: true });
  const clock = createSimClock(o.from, systemClock, 'max');
  const secret = () => randomBytes(12).toString('hex');
  const app = { appId: 'cli_soak00000000000', appSecret: secret(), encryptKey: secret(), verificationToken: secret() };
  const fake = await startFakeFeishu({
    ...app, appName: '工作要点助手', now: () => clock.now().getTime(),
    // Feishu's schedule (15 s, 5 min, 1 h, 6 h) compressed: simulated time stands still while the bot catches up.
    redeliveryDelaysMs: [1000, 3000, 10_000, 30_000],
    redeliveryHeaders: rng.chance(0.5) ? 'fresh' : 'original',
  });
  const database = await createSoakDatabase(o.postgres ? 'postgres' : 'sqlite', dir);
  const databaseUrl = database.url;
  // The soak's own connections (the colleagues, the checker) are named, so a dropped-connection fault spares them.
  const db = await openStore(database.ownUrl);
  const prefix = `{soak-${secret().slice(0, 8)}}`;
  const env = {
    PATH: process.env.PATH ?? '', FEISHU_APP_ID: app.appId, FEISHU_APP_SECRET: app.appSecret, FEISHU_ENCRYPT_KEY: app.encryptKey,
    FEISHU_VERIFICATION_TOKEN: app.verificationToken, FEISHU_TENANT_KEY: fake.tenantKey, FEISHU_DOMAIN: fake.url, SANDBOX: 'true', PORT: '0',
    DATABASE_URL: databaseUrl, REDIS_URL: redis.url, QUEUE_PREFIX: prefix, LOG_LEVEL: o.logLevel ?? 'error', ADMIN_OPEN_IDS: DEMO_ADMIN.openId,
    SWEEP_EVERY_SECONDS: '0', EVIDENCE_DIR: join(dir, 'evidence'), DIGEST_AT,
  };
  const calendar = chineseWorkCalendar();
  const violations: Violation[] = [];
  const connection = createRedis(redis.url, 'worker');
  const queues = createQueues(connection, prefix);
  let processes: Awaited<ReturnType<typeof startProcesses>> | null = null;
  let unwatch = () => {};
  try {
    const planFile = o.plan ?? join(PLANS, 'qijiang-2022-work-plan.txt');
    const source = await readPlanFile(planFile);
    const sourceText = source.kind === 'text' ? source.text : source.rows.map((r) => r.join('\t')).join('\n');
    const { planId } = await importPlan(db, { parsed: parsePlan(source), sourceName: planFile, sourceText, actor: 'soak', now: o.from });
    const ownersSource = await readPlanFile(o.owners ?? join(PLANS, 'qijiang-2022-owners.csv'));
    const rows = parseOwners(ownersSource.kind === 'table' ? ownersSource.rows : []);
    await importOwners(db, { planId, rows, by: 'soak', now: o.from });
    const cast = castFrom(rows);
    for (const c of cast) fake.addUser({ openId: c.openId, name: c.name });
    fake.addChat({ ...LEADERS_GROUP, members: [...cast.filter((c) => c.kind === 'leader').map((c) => c.openId), DEMO_ADMIN.openId] });

    processes = await startProcesses({
      env, workers: o.workers ?? 2, now: () => clock.now().getTime(),
      onReceiver: (url) => fake.setWebhook({ eventsUrl: `${url}/feishu/events`, cardsUrl: `${url}/feishu/cards` }),
      onExit: (name, code, signal) => violations.push({ invariant: 'no-crash', detail: `${name} exited by itself (code ${code}, signal ${signal}) at ${clock.now().toISOString()}` }),
    });
    const injector = createFaultInjector({
      rng, kinds: o.faults, rate: o.rate ?? 0.08, fake, redis, processes, store: database.fault, redisPauseMs: o.redisPauseMs ?? 20_000, log,
    });
    const errors: string[] = [];
    const onError = (what: string, e: unknown) => {
      errors.push(`${what}：${e instanceof Error ? e.message : String(e)}`);
      log(`${clock.now().toISOString()} ${what}: ${e instanceof Error ? e.message : String(e)}`);
    };
    const agenda = createAgenda();
    planOpening({ fake, agenda, cast, rows, calendar, start: o.from });
    unwatch = watchColleagues({ fake, db, cast, calendar, agenda, onError });

    let checks = 0;
    let lastDay = '';
    const started = Date.now();
    let moments = 0;
    let checkedWeek = periodOf('weekly', shanghaiDate(o.from)).id;
    let shownSince = -Infinity;
    const check = async (at: Date, graceMs: number) => {
      checks++;
      violations.push(...(await checkInvariants({ fake, db, calendar, schedule: DEFAULT_SCHEDULE, digestAt: DIGEST_AT, at, graceMs, admins: [DEMO_ADMIN.openId], shownSince })));
      shownSince = at.getTime();
    };
    const procs = processes;
    const driver = createDriver({
      clock, real: systemClock, queues, agenda, calendar, onError, checkinAt: DEFAULT_SCHEDULE.checkinAt,
      sweepTimes: [DEFAULT_SCHEDULE.quietEnd, DEFAULT_SCHEDULE.checkinAt, '12:00', DIGEST_AT, '18:00'],
      pending: () => fake.pendingRedeliveries(),
      drainTimeoutMs: 240_000,
      // While only retries wait out their backoff, simulated time passes `flow` times as fast as real time: claims
      // left by a killed process expire (NUDGE_CLAIM_LEASE_SECONDS). Not much faster: a retry's backoff, stretched,
      // could pass Feishu's uuid hour, which real backoffs never reach.
      flowWhileWaiting: o.flow ?? 10,
      onTime: (t) => procs.setTime(t),
      beforeWork: async (t) => {
        moments++;
        const day = shanghaiDate(new Date(t));
        if (day !== lastDay) log(`${day} (${Math.round((Date.now() - started) / 1000)} s)`);
        lastDay = day;
        await procs.setTime(t);
        injector.strike(t);
      },
      afterWork: async (t) => {
        await injector.settle();
        fake.faults.reset();
        const week = periodOf('weekly', shanghaiDate(new Date(t))).id;
        if (week !== checkedWeek) {
          checkedWeek = week;
          await check(new Date(t), 24 * 3600_000);
          if (violations.length) driver.stop();
        }
      },
    });
    await driver.run(o.until);
    if (!violations.length) {
      // The last moment's stragglers (retries, redeliveries), then the whole record.
      await injector.settle();
      fake.faults.reset();
      await check(clock.now(), 3600_000);
      if (o.reference) violations.push(...(await compareWithReference(db, o.reference)));
    }
    // A colleague's click while the receiver is down fails as it would in Feishu (callbacks are not redelivered);
    // the bot failing to finish its work is a violation.
    for (const e of errors) if (e.startsWith('等待后台任务')) violations.push({ invariant: 'work-finishes', detail: e });
    const end = clock.now();
    return {
      seed: o.seed,
      simulatedDays: Math.round((end.getTime() - o.from.getTime()) / 86_400_000),
      moments,
      events: fake.deliveries.length,
      messages: fake.messages({ sender: 'bot' }).length,
      faults: injector.counts(),
      restarts: processes.restarts(),
      checks,
      violations,
      stoppedAt: end,
      summary: await summarize(db, errors, { now: end, calendar }),
      record: await recordOf(db),
    };
  } finally {
    unwatch();
    await processes?.stopAll();
    await queues.close();
    connection.disconnect();
    await db.$disconnect();
    await fake.close();
    await redis.close();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}
