/**
 * What a database URL says — which engine, the SQLite file, the PostgreSQL connection and schema —
 * apart from the schema engine (prisma/schema-engine.ts), so that a bot process reading its URL does
 * not load the migration engine's WebAssembly unless it has migrations to apply.
 */
import path from 'node:path';

export type DbProvider = 'sqlite' | 'postgresql';

/** Provider of a connection URL: `file:` is SQLite, `postgres(ql)://` is PostgreSQL. */
export function providerOfUrl(databaseUrl: string): DbProvider {
  if (/^postgres(ql)?:\/\//i.test(databaseUrl)) return 'postgresql';
  if (databaseUrl.startsWith('file:')) return 'sqlite';
  throw new Error(`Unsupported database URL (want file:… or postgresql://…): ${databaseUrl}`);
}

/**
 * Normalises a SQLite `file:` URL to `file:<absolute path>`: a relative path
 * resolves against process.cwd(), any `?query` is dropped (the better-sqlite3
 * adapter would take it as part of the file name).
 */
export function resolveSqliteUrl(databaseUrl: string): string {
  if (!databaseUrl.startsWith('file:')) throw new Error(`Not a SQLite file: URL: ${databaseUrl}`);
  const file = databaseUrl.slice('file:'.length).replace(/\?.*$/, '');
  if (file === '' || file === ':memory:') {
    throw new Error('In-memory SQLite is not supported: migrations and queries would use different databases');
  }
  return `file:${path.resolve(process.cwd(), file)}`;
}

/**
 * A PostgreSQL URL split into what pg takes (the connection string) and what
 * Prisma takes (`?schema=`, default public). pg would read the URL's other
 * parameters (sslmode, …) itself.
 */
export function pgConnection(databaseUrl: string): { connectionString: string; schema: string | undefined } {
  const url = new URL(databaseUrl);
  const schema = url.searchParams.get('schema') ?? undefined;
  url.searchParams.delete('schema');
  return { connectionString: url.toString(), schema };
}
