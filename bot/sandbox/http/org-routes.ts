/**
 * The org chart through contact v3: departments by parent, a department, its direct members, the app's scope.
 * Relied on (Feishu's pages 获取子部门列表 / 获取单个部门信息 / 获取部门直属用户列表 / 获取通讯录授权范围):
 * - GET departments/:department_id/children — department_id_type (open_department_id default | department_id),
 *   user_id_type (open_id default), fetch_child (default false: direct children; true: every descendant),
 *   page_size default 10, max 50 (else 400 40011), page_token (bad: 400 40012); `0` is the root. data:
 *   {has_more, page_token, items[{name, parent_department_id, department_id, open_department_id,
 *   leader_user_id, member_count, status{is_deleted}, leaders[{leaderType, leaderID}], …}]}.
 * - GET departments/:department_id → data.department{…same fields}.
 * - GET users/find_by_department — department_id (`0` root), department_id_type, user_id_type, page_size ≤ 50
 *   (default 10), page_token; data {has_more, page_token, items[{open_id, union_id, user_id, name,
 *   department_ids, status, …}]}: direct members only.
 * - GET scopes → data {department_ids, user_ids, group_ids, has_more, page_token}: with the scope "all
 *   members", the root's first-level departments and direct users; else the departments granted (not
 *   their sub-departments) and the users granted one by one (获取通讯录授权范围, 注意事项).
 * - With a tenant token, children of `0` need the scope "all members" (else 403 40004); any department
 *   outside the scope → 403 40004 "no dept authority error"; 400 43010 (no fetch_child on a big
 *   department) exists but is not imitated.
 * - Limits: 1000/min and 50/s per app (limits.ts; 429 99991400).
 * UNCONFIRMED, decided here: an unknown department answers 40004 like one outside the scope (not 40008);
 * scopes answers one page; scopes lists the topmost departments in scope and the users in scope in no
 * department in scope (a granted department inside another granted one is not listed); a list omits departments and users
 * outside the scope (Feishu's scope covers whole subtrees, so a real list has none to omit); leaders are
 * named even when outside the scope; the order of items is the order of creation, breadth first.
 */
import { Router } from 'express';
import type { SandboxContext } from '../context.js';
import { ROOT_DEPARTMENT } from '../departments.js';
import { PlatformError, bad } from '../platform-error.js';
import type { SandboxDepartment, SandboxUser } from '../types.js';
import { pageOf, type PageRules } from './paging.js';
import { ok } from './respond.js';

const CONTACT_PAGES: PageRules = {
  defaultSize: 10,
  maxSize: 50,
  badSize: () => bad(40011, 'page size is invalid'),
  badToken: () => bad(40012, 'page token is invalid error'),
};
const noAuthority = () => new PlatformError(403, 40004, 'no dept authority error');

function oneOf(q: unknown, allowed: string[], fallback: string, field: string): string {
  const v = q === undefined ? fallback : String(q);
  if (!allowed.includes(v)) throw new PlatformError(400, 99992402, `field validation failed: ${field}`);
  return v;
}

export function orgRoutes(ctx: SandboxContext): Router {
  const r = Router();
  const { directory } = ctx;
  const depts = directory.departments;

  const deptType = (q: Record<string, unknown>) => oneOf(q.department_id_type, ['open_department_id', 'department_id'], 'open_department_id', 'department_id_type');
  const userType = (q: Record<string, unknown>) => oneOf(q.user_id_type, ['open_id', 'union_id', 'user_id'], 'open_id', 'user_id_type');
  const deptIdOf = (d: SandboxDepartment, type: string) => (type === 'department_id' ? d.departmentId : d.openDepartmentId);
  const parentIdOf = (d: SandboxDepartment, type: string) => {
    if (d.parentId === ROOT_DEPARTMENT) return ROOT_DEPARTMENT;
    const p = depts.find('open_department_id', d.parentId);
    return p ? deptIdOf(p, type) : ROOT_DEPARTMENT;
  };

  /** The department a request names, in scope, or Feishu's refusal; `0` is the root (null). */
  function inScope(id: string, type: string): SandboxDepartment | null {
    if (id === ROOT_DEPARTMENT) {
      if (!depts.allInScope()) throw noAuthority();
      return null;
    }
    const d = depts.find(type, id);
    if (!d || d.outsideScope) throw noAuthority();
    return d;
  }

  function department(d: SandboxDepartment, dType: string, uType: string) {
    const leader = d.leaderOpenId ? directory.user(d.leaderOpenId) : undefined;
    const leaderId = leader ? directory.userIdOf(leader, uType) : undefined;
    const subtree = [d, ...depts.childrenOf(d.openDepartmentId, true)];
    return {
      name: d.name,
      i18n_name: { zh_cn: d.name, ja_jp: '', en_us: '' },
      parent_department_id: parentIdOf(d, dType),
      department_id: d.departmentId,
      open_department_id: d.openDepartmentId,
      ...(leaderId ? { leader_user_id: leaderId, leaders: [{ leaderType: 1, leaderID: leaderId }] } : {}),
      order: '0',
      member_count: new Set(subtree.flatMap((x) => x.members)).size,
      status: { is_deleted: false },
    };
  }

  const user = (u: SandboxUser, dType: string) => ({
    union_id: u.unionId,
    user_id: u.userId,
    open_id: u.openId,
    name: u.name,
    en_name: '',
    department_ids: depts.departmentsOf(u.openId).filter((d) => !d.outsideScope).map((d) => deptIdOf(d, dType)),
    status: { is_frozen: false, is_resigned: u.resigned, is_activated: !u.resigned, is_exited: false, is_unjoin: false },
  });

  r.get('/contact/v3/departments/:department_id/children', (req, res) => {
    const q = req.query as Record<string, unknown>;
    const dType = deptType(q);
    const uType = userType(q);
    const parent = inScope(String(req.params.department_id), dType);
    const all = depts
      .childrenOf(parent ? parent.openDepartmentId : ROOT_DEPARTMENT, q.fetch_child === 'true')
      .filter((d) => !d.outsideScope);
    ok(res, pageOf(all, q, (d) => department(d, dType, uType), CONTACT_PAGES));
  });

  r.get('/contact/v3/departments/:department_id', (req, res) => {
    const q = req.query as Record<string, unknown>;
    const dType = deptType(q);
    const d = inScope(String(req.params.department_id), dType);
    if (!d) {
      // The root: a department without a name or parent (UNCONFIRMED beyond its id).
      ok(res, { department: { name: '', parent_department_id: '', department_id: '0', open_department_id: '0', status: { is_deleted: false } } });
      return;
    }
    ok(res, { department: department(d, dType, userType(q)) });
  });

  r.get('/contact/v3/users/find_by_department', (req, res) => {
    const q = req.query as Record<string, unknown>;
    const dType = deptType(q);
    userType(q);
    if (q.department_id === undefined) throw new PlatformError(400, 99992402, 'field validation failed: department_id is required');
    const d = inScope(String(q.department_id), dType);
    const members = depts.directMembers(d ? d.openDepartmentId : ROOT_DEPARTMENT).filter((u) => !u.outsideScope);
    ok(res, pageOf(members, q, (u) => user(u, dType), CONTACT_PAGES));
  });

  r.get('/contact/v3/scopes', (req, res) => {
    const q = req.query as Record<string, unknown>;
    const dType = deptType(q);
    const uType = userType(q);
    // All members: the root's first-level departments and its direct users. Otherwise the departments
    // granted (not their sub-departments) and the users granted one by one. Both read the same here: the
    // topmost departments in scope, and the users in scope in no department in scope.
    const visible = depts.all().filter((d) => !d.outsideScope);
    const inVisible = (id: string) => visible.some((d) => d.openDepartmentId === id);
    const tops = visible.filter((d) => !inVisible(d.parentId));
    const loose = directory.users().filter((u) => !u.outsideScope && !depts.departmentsOf(u.openId).some((d) => !d.outsideScope));
    ok(res, {
      department_ids: tops.map((d) => deptIdOf(d, dType)),
      user_ids: loose.map((u) => directory.userIdOf(u, uType)),
      group_ids: [],
      has_more: false,
    });
  });

  return r;
}
