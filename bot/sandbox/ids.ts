/**
 * Id shapes as Feishu prints them. People and chats get deterministic ids (same input → same id);
 * messages, events and tokens are random, so a restarted fake never reuses an id a bot has stored.
 */
import { createHash, randomBytes } from 'node:crypto';

export function stableHex(len: number, ...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, len);
}

/** Random bytes drawn 4 KiB at a time: one call to the system's generator serves some hundred ids (a send takes three). */
const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let used = 0;

export function randomHex(len: number): string {
  const n = Math.ceil(len / 2);
  if (used + n > pool.length) {
    pool = randomBytes(Math.max(POOL_BYTES, n));
    used = 0;
  }
  used += n;
  return pool.toString('hex', used - n, used).slice(0, len);
}

export const ids = {
  botOpenId: (appId: string) => `ou_${stableHex(32, appId, 'bot')}`,
  p2pChat: (appId: string, openId: string) => `oc_${stableHex(32, appId, 'p2p', openId)}`,
  /** open_department_id: `od-` and 32 hex, unique in the tenant. */
  openDepartmentId: (departmentId: string) => `od-${stableHex(32, 'department', departmentId)}`,
  unionId: (openId: string) => `on_${stableHex(32, 'union', openId)}`,
  userId: (openId: string) => stableHex(8, 'user', openId),
  message: () => `om_${randomHex(32)}`,
  thread: () => `omt_${randomHex(14)}`,
  event: () => randomHex(32),
  fileKey: () => `file_v3_00${randomHex(3)}_${randomUuid()}`,
  imageKey: () => `img_v3_02${randomHex(3)}_${randomUuid()}`,
  tenantToken: () => `t-g1044${randomHex(36)}`,
  cardToken: () => `c-${randomHex(40)}`,
  logId: () => `20250101${randomHex(24).toUpperCase()}`,
  nonce: () => randomHex(16),
};

function randomUuid(): string {
  const h = randomHex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Which id prefix each receive_id_type / user_id_type expects (null = no fixed prefix). */
export const ID_PREFIX: Record<string, string | null> = {
  open_id: 'ou_',
  union_id: 'on_',
  chat_id: 'oc_',
  user_id: null,
  email: null,
};
