/**
 * The only reader of process.env. Every variable is documented in
 * .env.example; errors name the variable and the fix.
 */
import { existsSync } from 'node:fs';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z
  .object({
    NODE_ENV: z.string().default('development'),
    DATABASE_URL: z
      .string()
      .default('file:./data/workplan.db')
      .refine((v) => v.startsWith('file:') || /^postgres(ql)?:\/\//.test(v), {
        message: 'must be file:<path> (SQLite) or postgresql://… (PostgreSQL)',
      }),
    REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
    /** Prefix of every Redis key the bot writes; the {hash tag} keeps them in one Redis Cluster slot. */
    QUEUE_PREFIX: z
      .string()
      .regex(/^[^{}]*\{[^{}:]+\}[^{}]*$/, 'must contain one Redis Cluster hash tag, e.g. {workplan} (BullMQ runs multi-key scripts)')
      .default('{workplan}'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    FEISHU_APP_ID: z.string().default(''),
    FEISHU_APP_SECRET: z.string().default(''),
    FEISHU_ENCRYPT_KEY: z.string().default(''),
    FEISHU_VERIFICATION_TOKEN: z.string().default(''),
    /** The Feishu tenant whose events are accepted; unset = pinned from the first verified event. */
    FEISHU_TENANT_KEY: z.string().max(64).default(''),
    FEISHU_DOMAIN: z
      .string()
      .default('feishu')
      .refine((v) => v === 'feishu' || v === 'lark' || /^https?:\/\/[^\s]+$/.test(v), {
        message: "must be 'feishu', 'lark' or a base URL such as http://127.0.0.1:3901",
      }),
    FEISHU_MODE: z.enum(['webhook', 'websocket']).default('webhook'),
    /** Sandbox mode: the fake Feishu of tests and the demo; allows running without an Encrypt Key. */
    SANDBOX: bool.default(false),
    /** Sandbox only: the process's clock starts at this instant (ISO 8601 with offset) and runs on. */
    SANDBOX_CLOCK_START: z.iso.datetime({ offset: true }).optional(),
    ADMIN_OPEN_IDS: z
      .string()
      .default('')
      .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean)),
    /**
     * Max age of a signed request, seconds (Feishu's timestamp unit is seconds). 8 h: Feishu re-pushes
     * after about 15 s, 5 min, 1 h and 6 h, perhaps with the first attempt's headers (bot/feishu/receiver.ts).
     */
    SIGNATURE_WINDOW_SECONDS: z.coerce.number().int().positive().default(28_800),
    /** Largest request body the receiver reads. */
    MAX_BODY_BYTES: z.coerce.number().int().positive().default(1_048_576),
    /** A nudge claimed for sending longer ago than this is taken over (its sender died). */
    NUDGE_CLAIM_LEASE_SECONDS: z.coerce.number().positive().default(120),
    /** Sends per second through the nudge queue (Feishu: 50/s and 1000/min per app). */
    SEND_RATE_PER_SECOND: z.coerce.number().int().positive().max(50).default(16),
    /**
     * Sends one worker process has in flight at once. Feishu answers a send in about 50–200 ms, so the
     * rate needs rate × latency of them (16/s × 0.2 s = 3.2; 50/s × 0.2 s = 10); the limiter still holds the rate.
     */
    SEND_CONCURRENCY: z.coerce.number().int().positive().max(64).default(16),
    /** BullMQ lock duration; a job whose worker died is retried after about this long. */
    WORKER_LOCK_MS: z.coerce.number().int().min(1000).default(30_000),
    /** Time of the weekly digest on the week's last working day, Asia/Shanghai. */
    DIGEST_AT: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:mm, e.g. 16:00').default('16:00'),
    /** Show who has not reported in the group digest too (default: admins only). */
    DIGEST_SHOW_MISSING: bool.default(false),
    /** 督办 also buzzes by SMS / by phone call (urgent_sms / urgent_phone): each spends the tenant's buzz quota. */
    URGENT_SMS: bool.default(false),
    URGENT_PHONE: bool.default(false),
    /** On SIGTERM, how long in-flight jobs may run before the workers stop anyway (their jobs are retried). */
    SHUTDOWN_GRACE_SECONDS: z.coerce.number().positive().default(20),
    /** How often the sweep computes due nudges, seconds; 0 = this process does not schedule it. */
    SWEEP_EVERY_SECONDS: z.coerce.number().int().min(0).default(60),
    /** Time budget of reading and parsing one plan file (/import, workplan parse|import), seconds. */
    IMPORT_TIMEOUT_SECONDS: z.coerce.number().positive().max(600).default(30),
    /** Heap cap of the worker thread that reads and parses a plan file, MB. */
    IMPORT_MEMORY_MB: z.coerce.number().int().min(32).max(8192).default(512),
    /** PostgreSQL: most connections each process keeps open. */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    /** Where the BullMQ dashboard is mounted; it is on only when user and password are set. */
    DASHBOARD_PATH: z.string().regex(/^\/[A-Za-z0-9/_-]*[A-Za-z0-9_-]$/, 'must be a path such as /admin/queues').default('/admin/queues'),
    DASHBOARD_USER: z.string().default(''),
    DASHBOARD_PASSWORD: z.string().default(''),
    /** Longest leave (/leave, days, inclusive) a member of staff may register; admins may register up to 366. */
    LEAVE_MAX_DAYS: z.coerce.number().int().min(1).max(366).default(90),
    /** Evidence store (佐证材料): the folder files are downloaded to, relative to the working directory unless absolute. */
    EVIDENCE_DIR: z.string().min(1).default('data/evidence'),
    /** Largest evidence file kept, bytes (Feishu serves at most 100 MB); a larger one is recorded by name only. */
    EVIDENCE_MAX_BYTES: z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(20 * 1024 * 1024),
    /** An image, file or link sent in the private chat within this many minutes of one's report is its evidence. */
    EVIDENCE_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(10),
    /** When set, GET /metrics wants `Authorization: Bearer <token>`. */
    METRICS_TOKEN: z.string().default(''),
    /**
     * An outgoing proxy, as the SDK's axios reads it (either case; NO_PROXY too): with one set, every Feishu call
     * goes through axios, which honours it (bot/feishu/http-client.ts).
     */
    HTTPS_PROXY: z.string().default(''),
    https_proxy: z.string().default(''),
    HTTP_PROXY: z.string().default(''),
    http_proxy: z.string().default(''),
    ALL_PROXY: z.string().default(''),
    all_proxy: z.string().default(''),
  });

export type Config = z.infer<typeof schema>;

/** Whether an outgoing proxy is configured (any of the variables axios reads). */
export const proxyConfigured = (c: Config): boolean =>
  Boolean(c.HTTPS_PROXY || c.https_proxy || c.HTTP_PROXY || c.http_proxy || c.ALL_PROXY || c.all_proxy);

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** What a command needs beyond the defaults: `feishu` for anything that talks to Feishu. */
export type Needs = 'store' | 'feishu';

/** Reads `.env` (when present) under the real environment, then validates. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, needs: Needs = 'store', envFile = '.env'): Config {
  if (env === process.env && existsSync(envFile)) process.loadEnvFile(envFile);
  const parsed = schema.safeParse(env);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `  ${i.path.join('.')} ${i.message}`);
  if (parsed.success && !parsed.data.DASHBOARD_USER !== !parsed.data.DASHBOARD_PASSWORD) {
    problems.push('  DASHBOARD_USER and DASHBOARD_PASSWORD go together: set both to turn the queue dashboard on, or neither');
  }
  if (parsed.success && parsed.data.NODE_ENV === 'production') problems.push(...productionProblems(parsed.data, needs));
  if (parsed.success && needs === 'feishu') {
    for (const name of ['FEISHU_APP_ID', 'FEISHU_APP_SECRET'] as const) {
      if (!parsed.data[name]) problems.push(`  ${name} is missing: copy it from the Feishu developer console (凭证与基础信息) into .env`);
    }
    if (!parsed.data.SANDBOX && parsed.data.FEISHU_MODE === 'webhook' && !parsed.data.FEISHU_ENCRYPT_KEY) {
      problems.push(
        '  FEISHU_ENCRYPT_KEY is missing: webhook mode outside the sandbox must verify signatures. Set an Encrypt Key in the Feishu developer console (事件与回调 → 加密策略) and copy it to .env',
      );
    }
    if (!parsed.data.SANDBOX && parsed.data.FEISHU_MODE === 'webhook' && !parsed.data.FEISHU_VERIFICATION_TOKEN) {
      problems.push('  FEISHU_VERIFICATION_TOKEN is missing: copy it from the Feishu developer console (事件与回调 → 加密策略) into .env');
    }
  }
  if (parsed.success && parsed.data.SANDBOX_CLOCK_START && !parsed.data.SANDBOX) {
    problems.push('  SANDBOX_CLOCK_START only works with SANDBOX=true: remove it from .env');
  }
  if (problems.length || !parsed.success) {
    // Only names and reasons: never echo a value (they may be secrets).
    throw new ConfigError(`Invalid configuration (see .env.example):\n${problems.join('\n')}`);
  }
  return parsed.data;
}

/** What production refuses that development allows. */
function productionProblems(c: Config, needs: Needs): string[] {
  const out: string[] = [];
  if (c.SANDBOX) out.push('  SANDBOX=true is for the fake Feishu of tests and the demo: remove it (or set NODE_ENV=development)');
  if (needs === 'feishu' && !c.FEISHU_ENCRYPT_KEY && c.FEISHU_MODE === 'websocket') {
    // Webhook mode already requires it below; production wants it in long-connection mode too (card callbacks, a switch to webhook).
    out.push('  FEISHU_ENCRYPT_KEY is missing: NODE_ENV=production requires an Encrypt Key. Set one in the Feishu developer console (事件与回调 → 加密策略) and copy it to .env');
  }
  if (c.DASHBOARD_USER && c.DASHBOARD_PASSWORD.length < 12) {
    out.push('  DASHBOARD_PASSWORD is too short for production: use at least 12 characters');
  }
  return out;
}
