/**
 * bot/store/raw-sql.ts: queryRows() and execute() give what `$queryRaw` and `$executeRaw` give — every kind of value,
 * both ways — on SQLite (straight on the adapter's connection) and on PostgreSQL (on the driver adapter, without
 * Prisma's client: bot/store/pg-sql.ts); errors as Prisma's;
 * statements in a transaction stay in it. queryTuples() gives the same values once typed by its caller.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '../../bot/store/generated/client.js';
import { execute, queryRows, queryTuples, sqlDate } from '../../bot/store/raw-sql.js';
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

  it('runs on the connection (SQLite) or the driver adapter (PostgreSQL), not through Prisma\'s client, once connected', async () => {
    await db.$queryRaw`SELECT 1`; // connected
    const client = db as unknown as Record<'$queryRaw' | '$executeRaw', unknown>;
    const saved = { q: client.$queryRaw, e: client.$executeRaw };
    const refuse = () => {
      throw new Error('went through Prisma');
    };
    client.$queryRaw = refuse;
    client.$executeRaw = refuse;
    try {
      expect(await queryRows(db, Prisma.sql`SELECT "name" FROM "Person" WHERE "id" = 1`)).toEqual([{ name: '张三 ✓ — "quoted"' }]);
      expect(await queryTuples(db, Prisma.sql`SELECT "id" FROM "Person" WHERE "id" = 1`)).toEqual([[1]]);
      expect(await execute(db, Prisma.sql`UPDATE "Person" SET "name" = "name" WHERE "id" = 1`)).toBe(1);
    } finally {
      client.$queryRaw = saved.q;
      client.$executeRaw = saved.e;
    }
  });

  it('still works after the client disconnected (Prisma connects anew)', async () => {
    await db.$disconnect();
    expect(await queryRows(db, Prisma.sql`SELECT "id" FROM "Person" WHERE "id" = 1`)).toEqual([{ id: 1 }]);
    expect(await queryRows(db, Prisma.sql`SELECT "name" FROM "Person" WHERE "id" = 3`)).toEqual([{ name: '李四' }]);
  });

  it('reads tuples whose values, typed as their callers type them, are $queryRaw\'s', async () => {
    const sql = Prisma.sql`SELECT 'x' AS "kind", "id", "openId", "name", "createdAt", CASE WHEN "isAdmin" THEN 1 ELSE 0 END AS "flag",
      "id" * 0.5 AS "half", CAST(NULL AS INTEGER) AS "none" FROM "Person" ORDER BY "id"`;
    const viaPrisma = await db.$queryRaw<Record<string, unknown>[]>(sql);
    const tuples = await queryTuples(db, sql);
    expect(tuples).toHaveLength(viaPrisma.length);
    const typed = (r: unknown[]) => ({
      kind: r[0], id: Number(r[1]), openId: r[2], name: r[3], createdAt: sqlDate(r[4]), flag: Number(r[5]), half: Number(r[6]), none: r[7] === null ? null : Number(r[7]),
    });
    const typedPrisma = (r: Record<string, unknown>) => typed(Object.values(r));
    expect(tuples.map(typed)).toStrictEqual(viaPrisma.map(typedPrisma));
    expect(tuples.map(typed)[0]).toStrictEqual({ kind: 'x', id: 1, openId: '00123', name: '张三 ✓ — "quoted"', createdAt: AT, flag: 1, half: 0.5, none: null });
    expect(await queryTuples(db, Prisma.sql`SELECT "id" FROM "Person" WHERE "id" < 0`)).toEqual([]);
    const failed = await queryTuples(db, Prisma.sql`SELECT "nope" FROM "Person"`).then(() => null, (e: unknown) => e);
    expect(failed).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
  });
});

describe('sqlDate: a stored moment as a Date', () => {
  /** What the Date parser makes of `v` (its time, NaN for an invalid date). */
  const parsed = (v: string) => new Date(v).getTime();

  it('reads the text Prisma writes, and any other text, exactly as the Date parser does', () => {
    const texts = [
      '2023-01-04T02:00:00.000+00:00', '2026-03-04T05:06:07.089Z', '2024-02-29T23:59:59.999+00:00', '2000-02-29T00:00:00.000Z',
      '2023-02-29T00:00:00.000+00:00', '1900-02-29T00:00:00.000Z', '2023-04-31T00:00:00.000Z', '2023-12-31T23:59:59.999+00:00',
      '2023-13-01T00:00:00.000Z', '2023-00-10T00:00:00.000Z', '2023-01-00T00:00:00.000Z', '2023-01-01T24:00:00.000Z', '2023-01-01T23:60:00.000Z',
      '2023-01-01T23:00:60.000Z', '0050-06-01T00:00:00.000Z', '0100-06-01T00:00:00.000+00:00', '9999-12-31T23:59:59.999Z',
      '2023-01-04T10:00:00.000+08:00', '2023-01-04T02:00:00+00:00', '2023-01-04T02:00:00Z', '2023-01-04 02:00:00', '2023-01-04',
      '2023-0a-04T02:00:00.000Z', '2023-01-04T02:00:00.0x0Z', '2023/01/04T02:00:00.000Z', '2023-01-04T02:00:00.000+01:00', 'not a date', '',
    ];
    for (const v of texts) expect(sqlDate(v)!.getTime(), v).toBe(parsed(v));
  });

  it('agrees with the parser on every day of a leap year and a common one, at many moments', () => {
    for (const year of [2023, 2024, 2100]) {
      for (let day = 0; day < 366; day++) {
        const at = Date.UTC(year, 0, 1) + day * 86_400_000 + ((day * 7_919_017) % 86_400_000);
        const iso = new Date(at).toISOString();
        expect(sqlDate(iso.replace('Z', '+00:00'))!.getTime(), iso).toBe(at);
        expect(sqlDate(iso)!.getTime(), iso).toBe(at);
      }
    }
  });

  it('keeps a Date, reads epoch milliseconds, and gives null for nothing', () => {
    expect(sqlDate(AT)).toBe(AT);
    expect(sqlDate(AT.getTime())).toStrictEqual(AT);
    expect(sqlDate(BigInt(AT.getTime()))).toStrictEqual(AT);
    expect(sqlDate(null)).toBeNull();
    expect(sqlDate(undefined)).toBeNull();
  });
});
