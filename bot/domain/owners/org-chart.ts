/** A tenant's departments and people as the app may see them (Feishu's contact API, data scope applied). */
export interface OrgDepartment { id: string; name: string; parentId: string | null; leaderOpenId: string | null }
export interface OrgUser { openId: string; name: string; departmentIds: string[] }
export interface OrgChart { departments: OrgDepartment[]; users: OrgUser[] }
