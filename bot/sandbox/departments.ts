/**
 * The tenant's departments (contact v3) and the app's contact data scope over them.
 * Scope model (simplified, see http/org-routes.ts): a department or user flagged outsideScope is invisible;
 * the scope is "all members" only when nothing is flagged.
 */
import { ids } from './ids.js';
import type { DepartmentInput, SandboxDepartment, SandboxUser } from './types.js';

export const ROOT_DEPARTMENT = '0';

export type Departments = ReturnType<typeof createDepartments>;

export function createDepartments(users: () => SandboxUser[], user: (openId: string) => SandboxUser | undefined) {
  const byOpenId = new Map<string, SandboxDepartment>();
  let counter = 0;

  function add(input: DepartmentInput): SandboxDepartment {
    const departmentId = input.departmentId ?? `D${String(++counter).padStart(3, '0')}`;
    const openDepartmentId = ids.openDepartmentId(departmentId);
    if (byOpenId.has(openDepartmentId)) throw new Error(`addDepartment: department_id ${departmentId} exists`);
    const parentId = input.parentId ?? ROOT_DEPARTMENT;
    if (parentId !== ROOT_DEPARTMENT && !byOpenId.has(parentId)) throw new Error(`addDepartment: parent ${parentId} is unknown; add it first`);
    const members = [...(input.members ?? [])];
    if (input.leaderOpenId && !members.includes(input.leaderOpenId)) members.unshift(input.leaderOpenId);
    for (const m of members) if (!user(m)) throw new Error(`addDepartment: member ${m} is unknown; addUser first`);
    const d: SandboxDepartment = {
      openDepartmentId, departmentId, name: input.name, parentId,
      leaderOpenId: input.leaderOpenId ?? null, members, outsideScope: input.outsideScope ?? false,
    };
    byOpenId.set(openDepartmentId, d);
    return { ...d, members: [...members] };
  }

  /** By open_department_id or department_id, as department_id_type says. */
  function find(type: string, id: string): SandboxDepartment | undefined {
    if (type === 'department_id') return [...byOpenId.values()].find((d) => d.departmentId === id);
    return byOpenId.get(id);
  }

  const all = () => [...byOpenId.values()];
  const visibleUser = (u: SandboxUser | undefined): u is SandboxUser => !!u && !u.outsideScope;

  return {
    add,
    find,
    all,
    /** Whether the app's contact scope is "all members" (then the root itself is in scope). */
    allInScope: () => all().every((d) => !d.outsideScope) && users().every((u) => !u.outsideScope),
    /** Direct children, or every descendant (breadth first) with `recursive`. */
    childrenOf(parentId: string, recursive: boolean): SandboxDepartment[] {
      const out: SandboxDepartment[] = [];
      let level = [parentId];
      while (level.length > 0) {
        const next = all().filter((d) => level.includes(d.parentId));
        out.push(...next);
        level = recursive ? next.map((d) => d.openDepartmentId) : [];
      }
      return out;
    },
    /** Users directly in a department (root: users in no department). */
    directMembers(departmentId: string): SandboxUser[] {
      if (departmentId === ROOT_DEPARTMENT) return users().filter((u) => visibleUser(u) && !all().some((d) => d.members.includes(u.openId)));
      return (byOpenId.get(departmentId)?.members ?? []).map(user).filter(visibleUser);
    },
    /** The departments a user is directly in (open_department_ids). */
    departmentsOf: (openId: string) => all().filter((d) => d.members.includes(openId)),
  };
}
