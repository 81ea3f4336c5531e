/**
 * The only reader of process.env. Every variable is documented in
 * .env.example; errors name the variable and the fix.
 */
import { existsSync } from 'node:fs';
import { z } from 'zod';

const schema = z.object({
  DATABASE_URL: z
    .string()
    .default('file:./data/workplan.db')
    .refine((v) => v.startsWith('file:') || /^postgres(ql)?:\/\//.test(v), {
      message: 'must be file:<path> (SQLite) or postgresql://… (PostgreSQL)',
    }),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TZ_PLAN: z.string().default('Asia/Shanghai'),
});

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads `.env` (when present) under the real environment, then validates. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, envFile = '.env'): Config {
  if (env === process.env && existsSync(envFile)) process.loadEnvFile(envFile);
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration (see .env.example):\n${lines.join('\n')}`);
  }
  return parsed.data;
}
