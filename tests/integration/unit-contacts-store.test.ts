/** Units' 联络员: marked, replaced, listed, audited; on SQLite and (TEST_DATABASE=postgres) PostgreSQL. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listUnitContacts, markUnitContact, unitContactMap } from '../../bot/store/unit-contacts.js';
import { tempStore } from '../helpers/temp-store.js';

let store: Awaited<ReturnType<typeof tempStore>>;
beforeAll(async () => {
  store = await tempStore();
});
afterAll(async () => store?.cleanup());

const T1 = new Date('2022-03-21T01:00:00Z');
const T2 = new Date('2023-02-01T01:00:00Z');

describe('unit contacts', () => {
  it('marks, keeps the same mark without a new audit entry, replaces with one, and lists by name', async () => {
    const db = store.db;
    const first = await markUnitContact(db, { departmentId: 'od-pt', departmentName: '平台科', openId: 'ou_a', name: '刘洋', by: 'ou_admin', now: T1, chatId: 'oc_1', messageId: 'om_1' });
    expect(first).toEqual({ before: null, changed: true });
    await markUnitContact(db, { departmentId: 'od-gx', departmentName: '高新科', openId: 'ou_b', name: '张敏', by: 'cli', now: T1 });
    const same = await markUnitContact(db, { departmentId: 'od-pt', departmentName: '平台科', openId: 'ou_a', name: '刘洋', by: 'ou_admin', now: T2 });
    expect(same.changed).toBe(false);
    const replaced = await markUnitContact(db, { departmentId: 'od-pt', departmentName: '平台科', openId: 'ou_c', name: '王芳', by: 'ou_admin', now: T2 });
    expect(replaced).toEqual({ before: { departmentId: 'od-pt', departmentName: '平台科', openId: 'ou_a', name: '刘洋', setBy: 'ou_admin', setAt: T1 }, changed: true });

    expect(await listUnitContacts(db)).toEqual([
      { departmentId: 'od-pt', departmentName: '平台科', openId: 'ou_c', name: '王芳', setBy: 'ou_admin', setAt: T2 },
      { departmentId: 'od-gx', departmentName: '高新科', openId: 'ou_b', name: '张敏', setBy: 'cli', setAt: T1 },
    ].sort((a, b) => a.departmentName.localeCompare(b.departmentName, 'zh')));
    expect(await unitContactMap(db)).toEqual(new Map([['od-pt', 'ou_c'], ['od-gx', 'ou_b']]));

    const entries = await db.auditEntry.findMany({ where: { action: 'unit.contact' }, orderBy: { id: 'asc' } });
    expect(entries.map((e) => [e.actor, e.chatId, JSON.parse(e.before ?? 'null')?.openId ?? null, JSON.parse(e.after!).openId])).toEqual([
      ['ou_admin', 'oc_1', null, 'ou_a'],
      ['cli', null, null, 'ou_b'],
      ['ou_admin', null, 'ou_a', 'ou_c'],
    ]);
  });
});
