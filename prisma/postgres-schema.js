// The PostgreSQL schema is derived from prisma/schema.prisma (the one to
// edit), so the two never drift: same models, provider "postgresql", and the
// client generated into bot/store/generated-pg (a Prisma 7 client is per
// provider). prisma/generate.js writes it before generating; a test checks
// the committed copy is current.
// Plain Node ESM so generate.js (run before tsx is needed) can import it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const prismaDir = path.dirname(fileURLToPath(import.meta.url));
export const SQLITE_SCHEMA_PATH = path.join(prismaDir, 'schema.prisma');
export const POSTGRES_SCHEMA_PATH = path.join(prismaDir, 'postgres', 'schema.prisma');

const HEADER =
  '// GENERATED from prisma/schema.prisma by prisma/generate.js: do not edit.\n' +
  '// Edit prisma/schema.prisma, then run `npm run db:generate`.\n\n';

/** The PostgreSQL variant of the schema text `sqliteSchema`. */
export function postgresSchemaOf(sqliteSchema) {
  const swaps = [
    [/(datasource\s+db\s*\{[^}]*provider\s*=\s*)"sqlite"/, '$1"postgresql"'],
    [/(output\s*=\s*)"\.\.\/bot\/store\/generated"/, '$1"../../bot/store/generated-pg"'],
  ];
  let text = sqliteSchema;
  for (const [pattern, replacement] of swaps) {
    if (!pattern.test(text)) throw new Error(`prisma/schema.prisma no longer matches ${pattern}: update prisma/postgres-schema.js`);
    text = text.replace(pattern, replacement);
  }
  return HEADER + text;
}

/** The PostgreSQL schema derived from the current prisma/schema.prisma. */
export function currentPostgresSchema() {
  return postgresSchemaOf(readFileSync(SQLITE_SCHEMA_PATH, 'utf8'));
}
