// Type-level guard for the one cast in db.ts (PostgreSQL client as Db).
// Nothing here runs; `npm run typecheck` fails when the two generated
// clients drift apart.
import type { Prisma } from './generated/client.js';
import type { Prisma as PgPrisma } from './generated-pg/client.js';

// The two clients have the same models and operations,
// every SQLite-typed argument is accepted by the PostgreSQL client and every
// PostgreSQL result fits the SQLite result type, so a model or field that
// reached one schema only fails `npm run typecheck` here. (PostgreSQL accepts
// a little more, e.g. `mode: 'insensitive'`; the bot does not use it.)
type SqliteModels = Prisma.TypeMap['model'];
type PgModels = PgPrisma.TypeMap['model'];
type Fits<A, B> = [A] extends [B] ? true : false;
type OpFits<S, P> = S extends { args: infer SA; result: infer SR }
  ? P extends { args: infer PA; result: infer PR }
    ? Fits<SA, PA> extends true ? (Fits<PR, SR> extends true ? Fits<SR, PR> : false) : false
    : false
  : false;
type PgFits = {
  [M in keyof SqliteModels]: M extends keyof PgModels
    ? {
        [O in keyof SqliteModels[M]['operations']]: O extends keyof PgModels[M]['operations']
          ? OpFits<SqliteModels[M]['operations'][O], PgModels[M]['operations'][O]>
          : false;
      }[keyof SqliteModels[M]['operations']]
    : false;
}[keyof SqliteModels];
const pgFits: false extends PgFits ? never : true = true;
const sameModels: Fits<keyof PgModels, keyof SqliteModels> = true;
void pgFits;
void sameModels;
