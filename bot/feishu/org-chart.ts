/**
 * Reads the tenant's org chart as the app may see it, through the SDK's contact v3 calls:
 * scope.list (what the app may read: the departments granted, or with "all members" the root's first-level
 * departments; and the users granted one by one, or the root's direct users),
 * department.get and department.children (fetch_child: every descendant at once), then
 * user.findByDepartment for each department's direct members, and user.get for users granted one by one.
 * Every call is paced under the contact limit (1000/min, 50/s per app) and retried on rate limits
 * and server or network faults; the chart is bounded in departments, users and calls.
 */
import type * as Lark from '@larksuiteoapi/node-sdk';
import type { OrgChart, OrgDepartment, OrgUser } from '../domain/owners/org-chart.js';
import { FeishuError } from './errors.js';

type Body = { code?: number; msg?: string; data?: any };
/** The Messenger's call: one SDK call, a rejected token refreshed once, failures classified. */
export type SdkCall = <T extends Body>(op: string, fn: (client: Lark.Client) => Promise<T>) => Promise<NonNullable<T['data']>>;

export interface OrgChartBounds {
  /** Departments read at most (default 5,000); past it OrgChartTooLarge. */
  maxDepartments?: number;
  /** Users read at most (default 5,000). */
  maxUsers?: number;
}

export interface OrgReadDeps {
  call: SdkCall;
  nowMs: () => number;
  sleep: (ms: number) => Promise<void>;
}

/** 1000 calls a minute is one per 60 ms; a little slower keeps clear of the window's edge. */
export const CONTACT_INTERVAL_MS = 65;
/** A rate-limited, failed or unanswered call is tried this many times in all. */
const ATTEMPTS = 6;
/** What "try again later" looks like (a token refused twice, or a permanent error, is not). */
const LATER = new Set(['rate_limit', 'server', 'network']);
const PAGE_SIZE = 50;
const ROOT = '0';

/** The org chart is larger than the bound: nothing is returned, the message says which bound. */
export class OrgChartTooLarge extends Error {
  override name = 'OrgChartTooLarge';
  constructor(readonly what: 'departments' | 'users' | 'calls', readonly limit: number) {
    const [noun, unit] = ({ departments: ['部门', '个'], users: ['人员', '人'], calls: ['接口调用', '次'] } as const)[what];
    super(`飞书通讯录过大，已停止读取：${noun}超过 ${limit} ${unit}。请把应用的通讯录权限范围缩小到本单位后重试。`);
  }
}

export async function readOrgChart(deps: OrgReadDeps, bounds: OrgChartBounds = {}): Promise<OrgChart> {
  const maxDepartments = bounds.maxDepartments ?? 5000;
  const maxUsers = bounds.maxUsers ?? 5000;
  const maxCalls = 2 * maxDepartments + maxUsers + 100;
  let calls = 0;
  let last = -Infinity;

  /** One paced call, retried while Feishu says "later". */
  async function paced<T extends Body>(op: string, fn: (client: Lark.Client) => Promise<T>): Promise<NonNullable<T['data']>> {
    for (let attempt = 1; ; attempt++) {
      if (++calls > maxCalls) throw new OrgChartTooLarge('calls', maxCalls);
      const wait = last + CONTACT_INTERVAL_MS - deps.nowMs();
      if (wait > 0) await deps.sleep(wait);
      last = deps.nowMs();
      try {
        return await deps.call(op, fn);
      } catch (e) {
        if (!(e instanceof FeishuError) || !LATER.has(e.kind) || attempt >= ATTEMPTS) throw e;
        await deps.sleep(e.retryAfterMs ?? Math.min(30_000, 1000 * 2 ** (attempt - 1)));
      }
    }
  }

  /** Every page of a paged call, each page's data to `take`; a repeated page_token ends it. */
  async function pages<D>(op: string, fetch: (client: Lark.Client, pageToken: string | undefined) => Promise<Body>, take: (data: D) => void) {
    let token: string | undefined;
    for (;;) {
      const data = (await paced(op, (client) => fetch(client, token))) as D & { has_more?: boolean; page_token?: string };
      take(data);
      if (!data.has_more || !data.page_token || data.page_token === token) return;
      token = data.page_token;
    }
  }

  const departments = new Map<string, OrgDepartment>();
  const users = new Map<string, OrgUser>();
  const addDepartment = (d: SdkDepartment) => {
    const id = d.open_department_id;
    if (!id || d.status?.is_deleted || departments.has(id)) return;
    if (departments.size >= maxDepartments) throw new OrgChartTooLarge('departments', maxDepartments);
    departments.set(id, { id, name: d.name, parentId: d.parent_department_id || null, leaderOpenId: d.leader_user_id || null });
  };
  const addUser = (u: SdkUser) => {
    if (!u.open_id) return;
    const known = users.get(u.open_id);
    const departmentIds = u.department_ids ?? [];
    if (known) {
      known.departmentIds = [...new Set([...known.departmentIds, ...departmentIds])];
      return;
    }
    if (users.size >= maxUsers) throw new OrgChartTooLarge('users', maxUsers);
    users.set(u.open_id, { openId: u.open_id, name: u.name, departmentIds: [...departmentIds] });
  };
  const ids = { department_id_type: 'open_department_id' as const, user_id_type: 'open_id' as const };

  // 1. What the app may read.
  const scopeDepartments: string[] = [];
  const scopeUsers: string[] = [];
  await pages<{ department_ids?: string[]; user_ids?: string[] }>(
    'orgScopes',
    (c, page_token) => c.contact.v3.scope.list({ params: { ...ids, page_size: 100, ...(page_token ? { page_token } : {}) } }),
    (data) => {
      scopeDepartments.push(...(data.department_ids ?? []));
      scopeUsers.push(...(data.user_ids ?? []));
    },
  );

  // 2. The departments: each granted one and all below it.
  for (const top of scopeDepartments) {
    if (top !== ROOT) {
      const data = await paced('orgDepartment', (c) => c.contact.v3.department.get({ path: { department_id: top }, params: ids }));
      if (data.department) addDepartment(data.department as SdkDepartment);
    }
    await pages<{ items?: SdkDepartment[] }>(
      'orgDepartments',
      (c, page_token) => c.contact.v3.department.children({
        path: { department_id: top },
        params: { ...ids, fetch_child: true, page_size: PAGE_SIZE, ...(page_token ? { page_token } : {}) },
      }),
      (data) => (data.items ?? []).forEach(addDepartment),
    );
  }

  // 3. The people: the direct members of every department (and of the root, should scopes ever name it).
  const memberLists = [...(scopeDepartments.includes(ROOT) ? [ROOT] : []), ...departments.keys()];
  for (const department_id of memberLists) {
    await pages<{ items?: SdkUser[] }>(
      'orgMembers',
      (c, page_token) => c.contact.v3.user.findByDepartment({
        params: { ...ids, department_id, page_size: PAGE_SIZE, ...(page_token ? { page_token } : {}) },
      }),
      (data) => (data.items ?? []).forEach(addUser),
    );
  }
  for (const openId of scopeUsers) {
    if (users.has(openId)) continue;
    const data = await paced('orgUser', (c) => c.contact.v3.user.get({ path: { user_id: openId }, params: ids }));
    if (data.user) addUser(data.user as SdkUser);
  }

  // A parent outside the chart (the root, or above the granted departments) reads as none.
  const chart = [...departments.values()].map((d) => ({ ...d, parentId: d.parentId && departments.has(d.parentId) ? d.parentId : null }));
  const known = (id: string) => departments.has(id);
  return { departments: chart, users: [...users.values()].map((u) => ({ ...u, departmentIds: u.departmentIds.filter(known) })) };
}

interface SdkDepartment {
  name: string;
  parent_department_id?: string;
  open_department_id?: string;
  leader_user_id?: string;
  status?: { is_deleted?: boolean };
}

interface SdkUser {
  open_id?: string;
  name: string;
  department_ids?: string[];
}
