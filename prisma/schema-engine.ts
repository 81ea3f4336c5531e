// Prisma migrations without the schema-engine binary (no internet here).
//
// Uses @prisma/schema-engine-wasm with a driver adapter instead, as recorded in
// /work/shared/notes/prisma-offline.md. The wasm API is internal to Prisma:
// keep @prisma/schema-engine-wasm pinned to the exact version matching prisma.
//
// SQLite through @prisma/adapter-better-sqlite3, PostgreSQL through
// @prisma/adapter-pg (both the same version as @prisma/client).
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg';
import type {
  DiffTarget,
  MigrationList,
  SchemaEngine,
  SchemaFilter,
} from '@prisma/schema-engine-wasm/schema_engine_bg';

/** Database providers this module knows about (the schema's `provider`). */
import { pgConnection, providerOfUrl, resolveSqliteUrl, type DbProvider } from './store-url.js';

export { pgConnection, providerOfUrl, resolveSqliteUrl, type DbProvider };

/** Name of the lock file `prisma migrate` keeps in the migrations folder. */
export const LOCKFILE_NAME = 'migration_lock.toml';

// No externally managed tables/enums (prisma.config.ts has none either).
const NO_FILTERS: SchemaFilter = { externalTables: [], externalEnums: [] };

// ---------------------------------------------------------------- wasm loading

// Node has the WebAssembly global, but its types come with lib "dom", which
// this project does not load; declare the one call used here.
declare const WebAssembly: {
  instantiate(
    bytes: Uint8Array,
    imports: Record<string, object>,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>;
};

let wasmReady: Promise<void> | undefined;

/**
 * Instantiates the wasm module once per process. The package's own ESM entry
 * does `import * as wasm from "./x.wasm"`, which Node 20 refuses, so we do what
 * it does by hand: instantiate the bytes with the JS glue as import object,
 * hand the exports to the glue, then run the start function.
 */
function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    const require = createRequire(import.meta.url);
    const glue = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bytes = await readFile(path.join(path.dirname(glue), 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': withUnrefTimers(bg) });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
  })();
  return wasmReady;
}

/**
 * The engine's timers (e.g. the 10 s limit on taking PostgreSQL's advisory
 * lock) are never cleared, so each one kept a finished CLI command alive
 * until it fired. They only bound work the engine is waiting on: unref them.
 */
function withUnrefTimers(glue: typeof bg): Record<string, unknown> {
  const imports: Record<string, unknown> = { ...glue };
  for (const name of Object.keys(glue).filter((n) => n.startsWith('__wbg_setTimeout_'))) {
    imports[name] = (callback: () => void, ms: number) => setTimeout(callback, ms >>> 0).unref();
  }
  return imports;
}

// ------------------------------------------------------------ driver adapters

/** The same server and credentials, another database. */
function withDatabase(databaseUrl: string, database: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

/**
 * One entry per provider: builds a migration-aware adapter factory for a URL.
 */
const adapterFactories: Record<DbProvider, (url: string) => SqlMigrationAwareDriverAdapterFactory> = {
  sqlite: (url) => {
    const resolved = resolveSqliteUrl(url);
    // SQLite creates the file but not its folder (e.g. data/).
    mkdirSync(path.dirname(resolved.slice('file:'.length)), { recursive: true });
    // unixepoch-ms: the native engine (quaint) writes the DateTime columns of
    // _prisma_migrations (started_at, finished_at) as Unix milliseconds; the
    // adapter's default would write ISO text. Match `prisma migrate deploy`.
    return sqliteShadowScripts(new PrismaBetterSqlite3({ url: resolved }, { timestampFormat: 'unixepoch-ms' }));
  },
  postgresql: (url) => postgresFactory(url),
};

/**
 * PostgreSQL: one connection (the engine takes Prisma's advisory lock, which
 * is per session, so lock, migrate and unlock must share it; several
 * processes starting at once then migrate one after the other). The shadow
 * database, needed only to diff from a migrations folder, is a scratch
 * database on the same server, dropped afterwards (adapter-pg's own would
 * lose its database name to a connection string's).
 */
function postgresFactory(databaseUrl: string): SqlMigrationAwareDriverAdapterFactory {
  const { connectionString, schema } = pgConnection(databaseUrl);
  // The migrations' SQL names no schema: like the native engine, run it with
  // the URL's schema first on the search path, creating the schema if needed.
  const searchPath = schema ? { options: `-c search_path=${schema}` } : {};
  const factory = new PrismaPg({ connectionString, max: 1, ...searchPath }, { schema });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = charAsText(await factory.connect());
      if (schema) await adapter.executeScript(`CREATE SCHEMA IF NOT EXISTS "${schema.replace(/"/g, '""')}"`);
      return adapter;
    },
    connectToShadowDb: async () => {
      const main = await factory.connect();
      const name = `prisma_shadow_${randomUUID().replace(/-/g, '')}`;
      await main.executeScript(`CREATE DATABASE "${name}"`);
      const shadow = charAsText(await new PrismaPg({ connectionString: withDatabase(connectionString, name), max: 1 }).connect());
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await dispose();
        await main.executeScript(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await main.dispose();
      };
      return shadow;
    },
  };
}

/**
 * The engine describes a database with catalog queries returning PostgreSQL's
 * one-byte `"char"` type (OID 18), which adapter-pg does not map ("Column
 * type 'char' could not be deserialized"); its values are one-letter
 * strings, so report the column as text (OID 25). Only the schema engine's
 * connections get this; the bot's own queries never return `"char"`.
 */
function charAsText<T extends SqlDriverAdapter & { underlyingDriver(): { query: unknown } }>(adapter: T): T {
  const pool = adapter.underlyingDriver() as unknown as { query: (config: unknown) => Promise<{ fields?: { dataTypeID: number }[] }> };
  const query = pool.query.bind(pool);
  pool.query = async (config) => {
    const result = await query(config);
    for (const field of result.fields ?? []) if (field.dataTypeID === 18) field.dataTypeID = 25;
    return result;
  };
  return adapter;
}

/**
 * The wasm engine replays each migration on the shadow database (:memory: for
 * SQLite) through `executeRaw`, one whole migration.sql at a time, but
 * better-sqlite3 prepares only one statement per call ("The supplied SQL
 * string contains more than one statement"). Such a call is retried with
 * `executeScript`, which runs a multi-statement script, as the native engine does.
 */
function sqliteShadowScripts(factory: SqlMigrationAwareDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => factory.connect(),
    connectToShadowDb: async () => {
      const adapter = await factory.connectToShadowDb();
      const executeRaw = adapter.executeRaw.bind(adapter);
      // Own property on the instance: the class uses private fields, so no Proxy.
      adapter.executeRaw = async (query) => {
        try {
          return await executeRaw(query);
        } catch (err) {
          if (query.args.length > 0 || !/more than one statement/.test(String((err as Error)?.message))) throw err;
          await adapter.executeScript(query.sql);
          return 0;
        }
      };
      return adapter;
    },
  };
}

/** Runs `fn` with a schema engine bound to the adapter's database, then frees it. */
async function withEngine<T>(
  factory: SqlMigrationAwareDriverAdapterFactory,
  datamodel: { path: string; content: string } | undefined,
  fn: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  await loadWasm();
  // engine.free() does NOT close the connections the engine opened, and on
  // SQLite the engine sets `PRAGMA locking_mode=EXCLUSIVE`, so a leaked
  // connection keeps the file locked (the next open fails as busy). Keep
  // every connection handed to the engine and close it ourselves.
  const opened: SqlDriverAdapter[] = [];
  const track = async (connecting: Promise<SqlDriverAdapter>) => {
    const adapter = await connecting;
    opened.push(adapter);
    return adapter;
  };
  // The factory must go through bindMigrationAwareSqlAdapterFactory: the engine
  // expects its error-capturing wrapper (a bare factory fails inside the wasm).
  const bound = bindMigrationAwareSqlAdapterFactory({
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => track(factory.connect()),
    connectToShadowDb: () => track(factory.connectToShadowDb()),
  });
  try {
    const engine = await bg.SchemaEngine.new(
      { datamodels: datamodel ? [[datamodel.path, datamodel.content]] : undefined },
      engineLog,
      bound,
    );
    try {
      return await fn(engine);
    } finally {
      engine.free();
      // dispose() twice is harmless (better-sqlite3's close() is idempotent).
      await Promise.allSettled(opened.map(async (a) => a.dispose()));
    }
  } catch (err) {
    throw withDriverError(err, bound.errorRegistry);
  }
}

/**
 * Driver errors reach the engine only as "External error id#N"; the real
 * error sits in the wrapper's registry. Put its message into the engine error.
 */
function withDriverError(err: unknown, registry: { consumeError(id: number): { error: unknown } | undefined }): Error {
  const message = err instanceof Error ? err.message : String(err);
  const id = /External error id#(\d+)/.exec(message)?.[1];
  const cause = id === undefined ? undefined : registry.consumeError(Number(id))?.error;
  if (cause === undefined) return err instanceof Error ? err : new Error(message);
  const detail = (cause as { message?: unknown }).message ?? JSON.stringify(cause);
  return new Error(`${message}\nDriver error: ${String(detail)}`, { cause });
}

// The engine reports progress as JSON log lines; show them on demand only.
function engineLog(line: string): void {
  if (process.env.SCHEMA_ENGINE_LOG) console.error(`[schema-engine] ${line}`);
}

// ------------------------------------------------------------ migrations folder

/**
 * Reads a migrations folder the way the prisma CLI does (`prisma migrate`):
 * every sub-folder, sorted by name, with its `migration.sql`; plus the lock
 * file. A missing folder is an empty list.
 */
export async function readMigrationsDir(migrationsDir: string): Promise<MigrationList> {
  const baseDir = path.resolve(migrationsDir);
  const lockContent = await readFile(path.join(baseDir, LOCKFILE_NAME), 'utf8').catch(() => null);
  const entries = await readdir(baseDir, { withFileTypes: true }).catch(() => []);
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b));
  const migrationDirectories = await Promise.all(
    names.map(async (name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: await readFile(path.join(baseDir, name, 'migration.sql'), 'utf8').then(
          (value) => ({ tag: 'ok' as const, value }),
          (err: Error) => ({ tag: 'error' as const, value: err.message }),
        ),
      },
    })),
  );
  return {
    baseDir,
    lockfile: { path: LOCKFILE_NAME, content: lockContent },
    shadowDbInitScript: '',
    migrationDirectories,
  };
}

/** The `provider = "…"` of the schema's datasource block. */
export function schemaProvider(schemaText: string): DbProvider {
  const block = /datasource\s+\w+\s*\{([^}]*)\}/.exec(schemaText)?.[1] ?? '';
  const provider = /provider\s*=\s*"([^"]+)"/.exec(block)?.[1];
  if (provider === 'sqlite' || provider === 'postgresql') return provider;
  throw new Error(`Unsupported or missing datasource provider: ${provider ?? '(none)'}`);
}

// ------------------------------------------------------------------ public API

/**
 * SQL that takes a database from the state of `existingMigrations` (a
 * migrations folder path, or a list read with readMigrationsDir; missing or
 * empty means an empty database) to the datamodel in `schemaText`.
 * Returns '' when there is nothing to do. No real database is changed: for
 * SQLite the engine replays the migrations on an in-memory shadow database,
 * for PostgreSQL on a scratch database of the server at `postgresUrl`.
 */
export async function createMigrationSql(
  schemaText: string,
  existingMigrations: string | MigrationList | null,
  options: { postgresUrl?: string } = {},
): Promise<string> {
  const provider = schemaProvider(schemaText);
  const list =
    typeof existingMigrations === 'string' ? await readMigrationsDir(existingMigrations) : existingMigrations;
  const from: DiffTarget =
    list && list.migrationDirectories.length > 0 ? { tag: 'migrations', ...list } : { tag: 'empty' };
  const schemaFile = { path: 'schema.prisma', content: schemaText };

  // The engine connects to a "main" database even for a diff. SQLite: an
  // in-memory one, so no file is created (its shadow database is :memory:
  // too). PostgreSQL: a server is needed (the migrations are replayed in a
  // scratch database there), nothing is written to the given database.
  let scratch: SqlMigrationAwareDriverAdapterFactory;
  if (provider === 'sqlite') {
    scratch = sqliteShadowScripts(new PrismaBetterSqlite3({ url: ':memory:' }));
  } else {
    if (!options.postgresUrl) throw new Error('createMigrationSql: a PostgreSQL schema needs options.postgresUrl (a server to diff on)');
    scratch = postgresFactory(options.postgresUrl);
  }
  const result = await withEngine(scratch, schemaFile, (engine) =>
    engine.diff({
      from,
      to: { tag: 'schemaDatamodel', files: [schemaFile] },
      script: true,
      exitCode: true, // like `migrate diff --exit-code`: 2 when there is a difference
      filters: NO_FILTERS,
    }),
  );
  // An empty diff has exitCode 0 and stdout "-- This is an empty migration.\n".
  return result.exitCode === 2 ? (result.stdout ?? '') : '';
}

/**
 * Applies the not-yet-applied migrations of `migrationsDir` to the database,
 * in name order, recording them in `_prisma_migrations` exactly as
 * `prisma migrate deploy` does. Returns the names applied (empty when up to date).
 */
export function applyMigrations(databaseUrl: string, migrationsDir: string): Promise<string[]> {
  const run = applyQueue.then(async () => {
    const migrationsList = await readMigrationsDir(migrationsDir);
    if (migrationsList.migrationDirectories.length === 0) return [];
    const factory = adapterFactories[providerOfUrl(databaseUrl)](databaseUrl);
    const out = await withEngine(factory, undefined, (engine) =>
      engine.applyMigrations({ migrationsList, filters: NO_FILTERS }),
    );
    return out.appliedMigrationNames;
  });
  applyQueue = run.catch(() => undefined);
  return run;
}

// One applyMigrations at a time in this process: the engine locks an SQLite
// file exclusively while it works, and a second engine on the same file would
// fail as busy instead of waiting.
let applyQueue: Promise<unknown> = Promise.resolve();
