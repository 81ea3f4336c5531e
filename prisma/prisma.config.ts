// Prisma 7 configuration for workplan-bot.
//
// It lives in prisma/ (not the repo root), so every CLI call passes
// `--config prisma/prisma.config.ts`. Prisma resolves the relative paths
// below (schema, migrations) against THIS file's directory, i.e. prisma/.
import path from 'node:path';
import { defineConfig } from 'prisma/config';

/**
 * The app (bot/store/db.ts, prisma/migrate.ts) resolves a relative SQLite
 * `file:` URL against process.cwd(); the prisma CLI would resolve it against
 * this file's folder instead. Make it absolute here so both mean the same file.
 */
function absoluteSqliteUrl(url: string): string {
  if (!url.startsWith('file:')) return url;
  const file = url.slice('file:'.length);
  return path.isAbsolute(file) ? url : `file:${path.resolve(process.cwd(), file)}`;
}

export default defineConfig({
  schema: 'schema.prisma', // prisma/schema.prisma
  migrations: {
    path: 'migrations', // prisma/migrations
  },
  datasource: {
    // The schema's datasource has no url: it comes from here.
    url: absoluteSqliteUrl(process.env.DATABASE_URL ?? 'file:./data/workplan.db'),
  },
});
