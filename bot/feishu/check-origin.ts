/**
 * Whose event is it: `header.app_id` must be this app's (FEISHU_APP_ID) and
 * `header.tenant_key` the configured tenant (FEISHU_TENANT_KEY) — or, when
 * none is configured, the tenant pinned in the store from the first verified
 * event (logged, with the hint to configure it). Webhook and long connection,
 * events and card callbacks alike; anything else is refused with a 403.
 */
import type { Deps } from '../deps.js';
import { pinSetting, readSetting } from '../store/settings.js';
import type { Envelope } from './envelope.js';
import { Refused } from './verify.js';

export type OriginCheck = (header: Envelope['header']) => Promise<void>;

export const TENANT_SETTING = 'tenant_key';

export function createOriginCheck(deps: Pick<Deps, 'config' | 'db' | 'log' | 'clock'>): OriginCheck {
  // Once known the tenant never changes: one store read per process, then none.
  let tenant: string | null = deps.config.FEISHU_TENANT_KEY || null;
  return async (header) => {
    if (!header.app_id) throw new Refused(403, 'event without app_id');
    if (header.app_id !== deps.config.FEISHU_APP_ID) throw new Refused(403, 'event for another app');
    if (!header.tenant_key) throw new Refused(403, 'event without tenant_key');
    tenant ??= await pinnedTenant(deps, header.tenant_key);
    if (header.tenant_key !== tenant) throw new Refused(403, 'event for another tenant');
  };
}

async function pinnedTenant(deps: Pick<Deps, 'db' | 'log' | 'clock'>, seen: string): Promise<string> {
  const stored = await readSetting(deps.db, TENANT_SETTING);
  if (stored) return stored;
  const pinned = await pinSetting(deps.db, TENANT_SETTING, seen, deps.clock.now());
  if (pinned === seen) {
    deps.log.warn({ tenantKey: seen }, 'FEISHU_TENANT_KEY is not set: pinned the tenant of this first verified event; events of other tenants are refused. Put FEISHU_TENANT_KEY in .env to make it explicit');
  }
  return pinned;
}
