/**
 * A bot process (`workplan receiver|worker|start`) against a fake Feishu, a
 * store and a queue prefix, as an operator would run it; resolves once it
 * listens, with its base URL (every role serves /healthz, /readyz, /metrics).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { SANDBOX_TENANT_KEY } from '../../bot/sandbox/index.js';
import { APP, REDIS_URL } from './bot-harness.js';
import { COMPILED_ENTRY, SOURCES_ENTRY } from './cli-entry.js';
import { waitFor } from './wait-for.js';


export interface BotProcess {
  child: ChildProcess;
  url: string;
  stdout(): string;
  stderr(): string;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

export interface BotEnvOptions {
  fakeUrl: string;
  databaseUrl: string;
  queuePrefix: string;
  env?: Record<string, string>;
}

/** The environment of a bot process in tests: the sandbox app, no sweep scheduler, any free port. */
export function botEnv(opts: BotEnvOptions): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '', FEISHU_APP_ID: APP.appId, FEISHU_APP_SECRET: APP.appSecret, FEISHU_ENCRYPT_KEY: APP.encryptKey,
    FEISHU_VERIFICATION_TOKEN: APP.verificationToken, FEISHU_TENANT_KEY: SANDBOX_TENANT_KEY, FEISHU_DOMAIN: opts.fakeUrl, SANDBOX: 'true', DATABASE_URL: opts.databaseUrl,
    REDIS_URL, QUEUE_PREFIX: opts.queuePrefix, LOG_LEVEL: 'warn', SWEEP_EVERY_SECONDS: '0', PORT: '0', DATABASE_POOL_SIZE: '4',
    ...opts.env,
  };
}

/**
 * `entry`: the sources through tsx (bin.js, as the CLI and the demo run), or the compiled dist/
 * (run-dist.js, as `npm start`, `npm run receiver` and `npm run worker` run).
 */
export async function spawnBot(role: 'receiver' | 'worker' | 'start', opts: BotEnvOptions, entry: 'sources' | 'compiled' = 'sources'): Promise<BotProcess> {
  const child = spawn(process.execPath, [entry === 'sources' ? SOURCES_ENTRY : COMPILED_ENTRY, role], { env: botEnv(opts), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  let exitCode: number | null | undefined;
  void exited.then((c) => (exitCode = c));
  const url = await waitFor(
    () => {
      if (exitCode !== undefined) throw new Error(`${role} exited with ${exitCode}: ${stderr.slice(-2000)}`);
      return /(http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
    },
    60_000,
    `the ${role} to start`,
  );
  return {
    child,
    url,
    stdout: () => stdout,
    stderr: () => stderr,
    stop: async () => {
      if (exitCode === undefined) child.kill('SIGTERM');
      return exited;
    },
  };
}
