/**
 * bot/store/raw-sql.ts: queryRows() and execute() give what `$queryRaw` and `$executeRaw` give — every kind of value,
 * both ways — on SQLite (straight on the adapter's connection) and on PostgreSQL (through Prisma); errors as Prisma's;
 * statements in a transaction stay in it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '../../bot/store/generated/client.js';
import { execute, queryRows } from '../../bot/store/raw-sql.js';
import type { Db } from '../../bot/store/db.js';
import { tempStore } from '../helpers/temp-store.js';

let store: Awaited<ReturnType<typeof tempStore>>;
let db: Db;
beforeAll(async () => {
  store = await tempStore();
  db = store.db;
});
afterAll(async () => store.cleanup());

const AT = new Date('2026-03-04T05:06:07.089Z');
/** The largest id PostgreSQL's INTEGER holds (SQLite hands every integer over as a bigint). */
const BIG_ID = 2 ** 31 - 1;

const insertPerson = (id: number, openId: string | null, name: string, isAdmin: boolean, email: string | null = null) => Prisma.sql`
  INSERT INTO "Person" ("id", "openId", "name", "email", "isAdmin", "createdAt", "updatedAt") VALUES (${id}, ${openId}, ${name}, ${email}, ${isAdmin}, ${AT}, ${AT})`;

/** The same statement through Prisma and through queryRows: equal values of equal types. */
async function same(sql: Prisma.Sql): Promise<Record<string, unknown>[]> {
  const viaPrisma = await db.$queryRaw<Record<string, unknown>[]>(sql);
  const direct = await queryRows<Record<string, unknown>>(db, sql);
  expect(direct).toStrictEqual(viaPrisma);
  expect(direct.map((r) => Object.keys(r))).toEqual(viaPrisma.map((r) => Object.keys(r)));
  for (const [i, row] of direct.entries()) for (const k of Object.keys(row)) expect(typeof row[k], k).toBe(typeof viaPrisma[i]![k]);
  return direct;
}

describe('raw SQL straight through the connection', () => {
  it('writes with every kind of argument and reads every kind of value back as Prisma does', async () => {
    expect(await execute(db, insertPerson(1, '00123', '张三 ✓ — "quoted"', true))).toBe(1);
    expect(await execute(db, insertPerson(BIG_ID, null, '1e3', false, '42'))).toBe(1);
    const rows = await same(Prisma.sql`SELECT "id", "openId", "name", "email", "isAdmin", "createdAt" FROM "Person" ORDER BY "id"`);
    expect(rows).toEqual([
      { id: 1, openId: '00123', name: '张三 ✓ — "quoted"', email: null, isAdmin: true, createdAt: AT },
      { id: BIG_ID, openId: null, name: '1e3', email: '42', isAdmin: false, createdAt: AT },
    ]);
    // Arguments of each kind find the row they were written as.
    const found = await same(Prisma.sql`SELECT "id" FROM "Person" WHERE "createdAt" = ${AT} AND "isAdmin" = ${true} AND "openId" = ${'00123'} AND "id" IN (${Prisma.join([1, 2])})`);
    expect(found).toEqual([{ id: 1 }]);
    expect(await same(Prisma.sql`SELECT "id" FROM "Person" WHERE "id" = ${BIG_ID} AND "email" = ${'42'} AND "isAdmin" = ${false}`)).toEqual([{ id: BIG_ID }]);
  });

  it('types expressions as Prisma does: counts, sums, cases, literals, NULLs, a UNION', async () => {
    await same(Prisma.sql`SELECT COUNT(*) AS "n", MAX("id") AS "top", SUM("id") AS "total", MIN("createdAt") AS "first" FROM "Person"`);
    const expressions = Prisma.sql`SELECT 'x' AS "kind", "id" - 1 AS "less", CASE WHEN "isAdmin" THEN 1 ELSE 0 END AS "flag", "id" / 2.0 AS "half",
      "id" * 1.0 AS "real", CAST(NULL AS INTEGER) AS "none", CAST(NULL AS TEXT) AS "nothing" FROM "Person" ORDER BY "id"`;
    await same(expressions);
    await same(expressions); // again, as the statement is kept
    await same(Prisma.sql`SELECT "name", "id", "name" AS "name" FROM "Person" ORDER BY "id"`); // a name repeated
    await same(Prisma.sql`SELECT "id" AS "a", "name" AS "b" FROM "Person" UNION ALL SELECT CAST(NULL AS INTEGER), 'z' ORDER BY "b"`);
    expect(await same(Prisma.sql`SELECT "id" FROM "Person" WHERE "id" < 0`)).toEqual([]);
  });

  it('counts the rows a write changed, and returns the rows of a write with RETURNING', async () => {
    const later = new Date(AT.getTime() + 1);
    expect(await execute(db, Prisma.sql`UPDATE "Person" SET "updatedAt" = ${later} WHERE "id" IN (${Prisma.join([1, BIG_ID, 99])})`)).toBe(2);
    expect(await execute(db, Prisma.sql`UPDATE "Person" SET "updatedAt" = ${later} WHERE "id" = 99`)).toBe(0);
    const back = await queryRows<{ id: number; updatedAt: Date }>(db, Prisma.sql`
      INSERT INTO "Person" ("id", "name", "createdAt", "updatedAt") VALUES (${3}, ${'李四'}, ${AT}, ${later}) RETURNING "id", "updatedAt"`);
    expect(back).toStrictEqual([{ id: 3, updatedAt: later }]);
  });

  it('fails on a unique violation as $executeRaw does', async () => {
    const duplicate = insertPerson(4, '00123', 'dup', false);
    const viaPrisma = await db.$executeRaw(duplicate).then(() => null, (e: unknown) => e as Prisma.PrismaClientKnownRequestError);
    const direct = await execute(db, duplicate).then(() => null, (e: unknown) => e as Prisma.PrismaClientKnownRequestError);
    expect(direct).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    expect(viaPrisma).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    expect(direct!.code).toBe(viaPrisma!.code);
    expect(direct!.message).toBe(viaPrisma!.message);
    expect(await queryRows(db, Prisma.sql`SELECT "id" FROM "Person" WHERE "id" = 4`)).toEqual([]);
  });

  it('runs a transaction client\'s statements inside its transaction: rolled back with it', async () => {
    const failed = await db.$transaction(async (tx) => {
      await execute(tx, insertPerson(5, 'tx', '王五', false));
      expect(await queryRows(tx, Prisma.sql`SELECT "name" FROM "Person" WHERE "id" = 5`)).toEqual([{ name: '王五' }]);
      throw new Error('undo');
    }).then(() => 'committed', (e: Error) => e.message);
    expect(failed).toBe('undo');
    expect(await queryRows(db, Prisma.sql`SELECT "id" FROM "Person" WHERE "id" = 5`)).toEqual([]);
  });

  it('still works after the client disconnected (Prisma connects anew)', async () => {
    await db.$disconnect();
    expect(await queryRows(db, Prisma.sql`SELECT "id" FROM "Person" WHERE "id" = 1`)).toEqual([{ id: 1 }]);
    expect(await queryRows(db, Prisma.sql`SELECT "name" FROM "Person" WHERE "id" = 3`)).toEqual([{ name: '李四' }]);
  });
});
