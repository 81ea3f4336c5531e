/**
 * The PostgreSQL driver adapter, telling which adapter it last connected: bot/store/raw-sql.ts runs the store's
 * raw SQL on that adapter (its `queryRaw` / `executeRaw`, so `pg`, its pool and its type parsing are Prisma's own)
 * without going through Prisma's client. Loaded only for a PostgreSQL store.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';

export interface PgAdapterFactory extends SqlMigrationAwareDriverAdapterFactory {
  /** The adapter Prisma connected and has not disposed of (undefined before the first query and after `$disconnect()`). */
  adapter(): SqlDriverAdapter | undefined;
}

export function pgAdapter(...args: ConstructorParameters<typeof PrismaPg>): PgAdapterFactory {
  const inner = new PrismaPg(...args);
  let current: SqlDriverAdapter | undefined;
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => {
      const adapter = await inner.connect();
      const dispose = adapter.dispose.bind(adapter);
      // `$disconnect()` disposes of it (its pool ends); Prisma connects a new one at the next query.
      adapter.dispose = async () => {
        if (current === adapter) current = undefined;
        await dispose();
      };
      current = adapter;
      return adapter;
    },
    connectToShadowDb: () => inner.connectToShadowDb(),
    adapter: () => current,
  };
}
