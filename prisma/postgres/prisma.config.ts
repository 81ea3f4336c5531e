// Prisma 7 configuration for the PostgreSQL variant (DATABASE_URL=postgresql://…).
//
// schema.prisma here is generated from ../schema.prisma (see
// ../postgres-schema.js); migrations/ holds the PostgreSQL migrations, kept
// in step with ../migrations/ by `npm run db:new-migration`. Where the prisma
// CLI can reach its binaries, `prisma migrate deploy --config
// prisma/postgres/prisma.config.ts` works on this folder too.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'schema.prisma', // prisma/postgres/schema.prisma
  migrations: {
    path: 'migrations', // prisma/postgres/migrations
  },
  datasource: {
    url: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/workplan',
  },
});
