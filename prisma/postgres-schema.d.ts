// Types of postgres-schema.js (plain JS so prisma/generate.js can run before tsx).
export declare const SQLITE_SCHEMA_PATH: string;
export declare const POSTGRES_SCHEMA_PATH: string;
export declare function postgresSchemaOf(sqliteSchema: string): string;
export declare function currentPostgresSchema(): string;
