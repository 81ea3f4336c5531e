/** Every admin's open_id: the configured ones (ADMIN_OPEN_IDS) and those added with /admins. */
import type { Deps } from '../../deps.js';

export async function adminOpenIds(deps: Pick<Deps, 'db' | 'config'>): Promise<string[]> {
  const rows = await deps.db.person.findMany({ where: { isAdmin: true, openId: { not: null } }, select: { openId: true } });
  return [...new Set([...deps.config.ADMIN_OPEN_IDS, ...rows.map((p) => p.openId!)])];
}
