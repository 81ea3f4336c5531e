/** The fake's contact v3 org chart through the real SDK: shapes, paging, fetch_child, data scope. */
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeFeishu } from '../../../bot/sandbox/index.js';
import { ALICE, BOB, CAROL, sdkClient, sdkError, startSandbox } from '../../helpers/sandbox-fixture.js';

let fake: FakeFeishu;
afterEach(() => fake?.close());

const open = { department_id_type: 'open_department_id' as const, user_id_type: 'open_id' as const };

describe('contact v3 departments and members', () => {
  it('children: direct by default, every descendant with fetch_child, leader as open_id, parent ids', async () => {
    fake = await startSandbox();
    const bureau = fake.addDepartment({ name: '重庆市綦江区科学技术局', leaderOpenId: ALICE });
    const office = fake.addDepartment({ name: '办公室', parentId: bureau.openDepartmentId, members: [BOB] });
    const c = sdkClient(fake).contact.v3.department;
    const direct = await c.children({ path: { department_id: '0' }, params: open });
    expect(direct.data?.items?.map((d) => d.name)).toEqual(['重庆市綦江区科学技术局']);
    expect(direct.data?.items?.[0]).toMatchObject({ parent_department_id: '0', leader_user_id: ALICE, open_department_id: bureau.openDepartmentId });
    const all = await c.children({ path: { department_id: '0' }, params: { ...open, fetch_child: true } });
    expect(all.data?.items?.map((d) => [d.name, d.parent_department_id])).toEqual([
      ['重庆市綦江区科学技术局', '0'],
      ['办公室', bureau.openDepartmentId],
    ]);
    expect(all.data?.items?.[1]?.leader_user_id).toBeUndefined();
    const got = await c.get({ path: { department_id: office.openDepartmentId }, params: open });
    expect(got.data?.department).toMatchObject({ name: '办公室', member_count: 1 });
    const custom = await c.get({ path: { department_id: office.departmentId }, params: { department_id_type: 'department_id' } });
    expect(custom.data?.department?.parent_department_id).toBe(bureau.departmentId);
    // Scope "all members": the root's first-level departments and its direct users (Carol is in none).
    const scope = await sdkClient(fake).contact.v3.scope.list({ params: open });
    expect([scope.data?.department_ids, scope.data?.user_ids]).toEqual([[bureau.openDepartmentId], [CAROL]]);
  });

  it('pages: default 10, at most 50 (else 40011), a bad page_token 40012', async () => {
    fake = await startSandbox();
    for (let i = 0; i < 12; i++) fake.addDepartment({ name: `科室${i}` });
    const c = sdkClient(fake).contact.v3.department;
    const first = await c.children({ path: { department_id: '0' }, params: open });
    expect(first.data?.items).toHaveLength(10);
    expect(first.data?.has_more).toBe(true);
    const second = await c.children({ path: { department_id: '0' }, params: { ...open, page_token: first.data!.page_token! } });
    expect(second.data?.items?.map((d) => d.name)).toEqual(['科室10', '科室11']);
    expect(second.data?.has_more).toBe(false);
    const tooBig = await sdkError(c.children({ path: { department_id: '0' }, params: { ...open, page_size: 51 } }));
    expect([tooBig.status, tooBig.data.code]).toEqual([400, 40011]);
    const badToken = await sdkError(c.children({ path: { department_id: '0' }, params: { ...open, page_token: 'nope' } }));
    expect(badToken.data.code).toBe(40012);
  });

  it('find_by_department: direct members with department_ids; users/:id gains department_ids', async () => {
    fake = await startSandbox();
    const a = fake.addDepartment({ name: '办公室', leaderOpenId: ALICE, members: [BOB] });
    const b = fake.addDepartment({ name: '科技创新科', parentId: a.openDepartmentId, members: [BOB] });
    const client = sdkClient(fake);
    const r = await client.contact.v3.user.findByDepartment({ params: { ...open, department_id: a.openDepartmentId } });
    expect(r.data?.items?.map((u) => [u.open_id, u.name])).toEqual([[ALICE, 'Alice'], [BOB, 'Bob']]);
    expect(r.data?.items?.[1]?.department_ids).toEqual([a.openDepartmentId, b.openDepartmentId]);
    const root = await client.contact.v3.user.findByDepartment({ params: { ...open, department_id: '0' } });
    expect(root.data?.items?.map((u) => u.open_id)).toEqual([CAROL]);
    const u = await client.contact.v3.user.get({ path: { user_id: BOB }, params: { user_id_type: 'open_id' } });
    expect(u.data?.user?.department_ids).toEqual([a.openDepartmentId, b.openDepartmentId]);
  });

  it('data scope: outside departments and users are left out, asked for directly 403 40004; the root needs all members', async () => {
    fake = await startSandbox();
    fake.addUser({ openId: 'ou_hidden', name: 'Hidden', outsideScope: true });
    const bureau = fake.addDepartment({ name: '科技局', members: [ALICE, 'ou_hidden'] });
    const secret = fake.addDepartment({ name: '保密科', parentId: bureau.openDepartmentId, outsideScope: true, members: [BOB] });
    fake.addDepartment({ name: '办公室', parentId: bureau.openDepartmentId });
    const client = sdkClient(fake);
    const rootRefused = await sdkError(client.contact.v3.department.children({ path: { department_id: '0' }, params: open }));
    expect([rootRefused.status, rootRefused.data.code]).toEqual([403, 40004]);
    const scope = await client.contact.v3.scope.list({ params: open });
    expect(scope.data?.department_ids).toEqual([bureau.openDepartmentId]);
    // Users in scope but in no department in scope are granted one by one: Bob (only in 保密科) and Carol (in none).
    expect(scope.data?.user_ids).toEqual([BOB, CAROL]);
    const kids = await client.contact.v3.department.children({ path: { department_id: bureau.openDepartmentId }, params: { ...open, fetch_child: true } });
    expect(kids.data?.items?.map((d) => d.name)).toEqual(['办公室']);
    const members = await client.contact.v3.user.findByDepartment({ params: { ...open, department_id: bureau.openDepartmentId } });
    expect(members.data?.items?.map((u) => u.open_id)).toEqual([ALICE]);
    const hidden = await sdkError(client.contact.v3.department.get({ path: { department_id: secret.openDepartmentId }, params: open }));
    expect([hidden.status, hidden.data.code]).toEqual([403, 40004]);
    const hiddenMembers = await sdkError(client.contact.v3.user.findByDepartment({ params: { ...open, department_id: secret.openDepartmentId } }));
    expect(hiddenMembers.data.code).toBe(40004);
  });

  it('contact calls take an injected 429 when asked (api: contact), then answer again', async () => {
    fake = await startSandbox();
    const c = sdkClient(fake).contact.v3.department;
    fake.faults.rateLimit({ api: 'contact', resetSeconds: 2 });
    const limited = await sdkError(c.children({ path: { department_id: '0' }, params: open }));
    expect([limited.status, limited.data.code, limited.headers['x-ogw-ratelimit-reset']]).toEqual([429, 99991400, '2']);
    expect((await c.children({ path: { department_id: '0' }, params: open })).code).toBe(0);
  });
});
