/** page_size / page_token paging as Feishu does it (page_token is opaque). */
import { PlatformError } from '../platform-error.js';

const invalid = (what: string) => new PlatformError(400, 99992402, `field validation failed: ${what}`);

export interface Page<T> {
  items: T[];
  has_more: boolean;
  page_token?: string;
}

/** Slice one page of `all`; `keep` filters after slicing, so pages may come back short (as for bots in member lists). */
export function pageOf<T, R>(all: T[], query: Record<string, unknown>, map: (t: T) => R | null): Page<R> {
  const size = query.page_size === undefined ? 20 : Number(query.page_size);
  if (!Number.isInteger(size) || size < 1 || size > 100) throw invalid('page_size must be 1-100');
  let offset = 0;
  if (typeof query.page_token === 'string' && query.page_token !== '') {
    const m = /^p(\d+)$/.exec(Buffer.from(query.page_token, 'base64url').toString('utf8'));
    if (!m) throw invalid('page_token is invalid');
    offset = Number(m[1]);
  }
  const slice = all.slice(offset, offset + size);
  const items = slice.map(map).filter((x): x is R => x !== null);
  const next = offset + size;
  const has_more = next < all.length;
  return { items, has_more, ...(has_more ? { page_token: Buffer.from(`p${next}`).toString('base64url') } : {}) };
}
