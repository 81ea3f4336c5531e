/** Messenger.readOrgChart through the real SDK against the fake Feishu, on a clock the test moves. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FeishuError } from '../../bot/feishu/errors.js';
import { createMessenger, type Messenger } from '../../bot/feishu/messenger.js';
import { OrgChartTooLarge } from '../../bot/feishu/org-chart.js';
import { startFakeFeishu, type FakeFeishu } from '../../bot/sandbox/index.js';
import { APP } from '../helpers/bot-harness.js';

let now: number;
let slept: number[];
let fake: FakeFeishu;
let m: Messenger;

beforeEach(async () => {
  now = Date.parse('2022-03-21T01:30:00Z');
  slept = [];
  fake = await startFakeFeishu({ ...APP, now: () => now });
  m = createMessenger({
    appId: APP.appId, appSecret: APP.appSecret, domain: fake.url, nowMs: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  });
});
afterEach(async () => fake.close());

const ou = (i: number) => `ou_person${String(i).padStart(24, '0')}`;
const contactCalls = (suffix: string) => fake.calls.filter((c) => c.path.startsWith('/open-apis/contact/v3/') && c.path.endsWith(suffix));

/** A bureau with `units` 科室 under it, each with a leader but the last; `staff` people in the first 科室. */
function bureau(units: number, staff: number) {
  fake.addUser({ openId: ou(0), name: '局长' });
  const top = fake.addDepartment({ name: '重庆市綦江区科学技术局', leaderOpenId: ou(0) });
  const ids: string[] = [];
  for (let i = 1; i <= units; i++) {
    fake.addUser({ openId: ou(i), name: `科长${i}` });
    const last = i === units;
    ids.push(fake.addDepartment({ name: `第${i}科`, parentId: top.openDepartmentId, ...(last ? { members: [ou(i)] } : { leaderOpenId: ou(i) }) }).openDepartmentId);
  }
  for (let j = 0; j < staff; j++) {
    fake.addUser({ openId: ou(1000 + j), name: `科员${j}` });
  }
  const first = fake.departments().find((d) => d.openDepartmentId === ids[0])!;
  // Staff join the first 科室 by a sub-unit so the nesting goes three deep.
  const sub = fake.addDepartment({ name: '第1科综合股', parentId: first.openDepartmentId, members: Array.from({ length: staff }, (_, j) => ou(1000 + j)) });
  return { top, ids, sub };
}

describe('Messenger.readOrgChart', () => {
  it('reads nested departments over several pages, members over several pages, leaders and parents', async () => {
    const { top, ids, sub } = bureau(60, 120);
    const chart = await m.readOrgChart();
    expect(chart.departments).toHaveLength(62);
    expect(chart.departments.find((d) => d.id === top.openDepartmentId)).toEqual({ id: top.openDepartmentId, name: '重庆市綦江区科学技术局', parentId: null, leaderOpenId: ou(0) });
    expect(chart.departments.find((d) => d.id === sub.openDepartmentId)).toMatchObject({ name: '第1科综合股', parentId: ids[0], leaderOpenId: null });
    // The last 科室 has no leader.
    expect(chart.departments.find((d) => d.id === ids[59])).toMatchObject({ name: '第60科', leaderOpenId: null });
    expect(chart.users).toHaveLength(181);
    expect(chart.users.find((u) => u.openId === ou(1119))).toEqual({ openId: ou(1119), name: '科员119', departmentIds: [sub.openDepartmentId] });
    expect(chart.users.find((u) => u.openId === ou(60))?.departmentIds).toEqual([ids[59]]);
    // 61 departments below the bureau come in pages of 50 (fetch_child), the 120 staff in pages of 50.
    expect(contactCalls('/children')).toHaveLength(2);
    expect(contactCalls('/find_by_department').length).toBe(62 + 2);
    expect(fake.calls.filter((c) => c.path.startsWith('/open-apis/contact/') && c.status !== 200)).toEqual([]);
  });

  it('stays under the contact limit by pacing (no 429 with the real limits on)', async () => {
    bureau(60, 0);
    fake.faults.enforceRealLimits(true);
    const chart = await m.readOrgChart();
    expect(chart.departments).toHaveLength(62);
    expect(fake.calls.filter((c) => c.status === 429)).toEqual([]);
    expect(slept.length).toBeGreaterThan(60);
  });

  it('sees only the data scope: outside departments and people are absent, people granted alone are present', async () => {
    const { top, ids } = bureau(3, 2);
    fake.addUser({ openId: 'ou_secret', name: '保密员', outsideScope: true });
    fake.addUser({ openId: 'ou_granted', name: '借调人员' });
    fake.addDepartment({ name: '保密室', parentId: top.openDepartmentId, outsideScope: true, members: ['ou_granted'] });
    fake.addDepartment({ name: '外单位', outsideScope: true });
    const chart = await m.readOrgChart();
    expect(chart.departments.map((d) => d.name).sort()).toEqual(['重庆市綦江区科学技术局', '第1科', '第2科', '第3科', '第1科综合股'].sort());
    expect(chart.users.map((u) => u.openId)).not.toContain('ou_secret');
    expect(chart.users.find((u) => u.openId === 'ou_granted')).toEqual({ openId: 'ou_granted', name: '借调人员', departmentIds: [] });
    expect(chart.departments.find((d) => d.id === ids[0])?.parentId).toBe(top.openDepartmentId);
    // The root is never asked for (it needs the scope "all members").
    expect(fake.calls.filter((c) => c.path === '/open-apis/contact/v3/departments/0/children')).toEqual([]);
  });

  it('waits out a 429 as Feishu says (x-ogw-ratelimit-reset) and a 5xx with backoff, then succeeds', async () => {
    bureau(2, 0);
    fake.faults.rateLimit({ api: 'contact', times: 2, resetSeconds: 3 });
    const chart = await m.readOrgChart();
    expect(chart.departments).toHaveLength(4);
    expect(slept.filter((ms) => ms === 3000)).toHaveLength(2);
    fake.faults.serverError({ times: 1 });
    expect((await m.readOrgChart()).departments).toHaveLength(4);
    expect(slept).toContain(1000);
  });

  it('gives up on a rate limit that never ends after six tries, and on a refused secret at once', async () => {
    bureau(1, 0);
    fake.faults.rateLimit({ api: 'contact', times: 100, resetSeconds: 1 });
    const err = await m.readOrgChart().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FeishuError);
    expect((err as FeishuError).kind).toBe('rate_limit');
    expect(contactCalls('/scopes')).toHaveLength(6);
    // A refused app secret is not "later": no waiting, no retry.
    fake.faults.reset();
    slept.length = 0;
    const wrong = createMessenger({ appId: APP.appId, appSecret: 'wrong', domain: fake.url, nowMs: () => now, sleep: async (ms) => void slept.push(ms) });
    const refused = await wrong.readOrgChart().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(FeishuError);
    expect(slept.filter((ms) => ms >= 1000)).toEqual([]);
  });

  it('stops at the bound with a clear error, before reading everything', async () => {
    bureau(60, 0);
    const err = await m.readOrgChart({ maxDepartments: 40 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OrgChartTooLarge);
    expect((err as Error).message).toContain('部门超过 40');
    expect(contactCalls('/find_by_department')).toEqual([]);
    const users = await m.readOrgChart({ maxUsers: 10 }).catch((e: unknown) => e);
    expect((users as OrgChartTooLarge).what).toBe('users');
  });
});
