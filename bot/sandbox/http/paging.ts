/** page_size / page_token paging as Feishu does it (page_token is opaque). */
import { PlatformError } from '../platform-error.js';

const invalid = (what: string) => new PlatformError(400, 99992402, `field validation failed: ${what}`);

export interface Page<T> {
  items: T[];
  has_more: boolean;
  page_token?: string;
}

/** An API's page sizes and how it refuses a bad page_size or page_token (default: IM's 20, ≤100, 99992402). */
export interface PageRules {
  defaultSize: number;
  maxSize: number;
  badSize: () => PlatformError;
  badToken: () => PlatformError;
}

const IM_PAGES: PageRules = {
  defaultSize: 20,
  maxSize: 100,
  badSize: () => invalid('page_size must be 1-100'),
  badToken: () => invalid('page_token is invalid'),
};

/** Slice one page of `all`; `keep` filters after slicing, so pages may come back short (as for bots in member lists). */
export function pageOf<T, R>(all: T[], query: Record<string, unknown>, map: (t: T) => R | null, rules: PageRules = IM_PAGES): Page<R> {
  const size = query.page_size === undefined ? rules.defaultSize : Number(query.page_size);
  if (!Number.isInteger(size) || size < 1 || size > rules.maxSize) throw rules.badSize();
  let offset = 0;
  if (typeof query.page_token === 'string' && query.page_token !== '') {
    const m = /^p(\d+)$/.exec(Buffer.from(query.page_token, 'base64url').toString('utf8'));
    if (!m) throw rules.badToken();
    offset = Number(m[1]);
  }
  const slice = all.slice(offset, offset + size);
  const items = slice.map(map).filter((x): x is R => x !== null);
  const next = offset + size;
  const has_more = next < all.length;
  return { items, has_more, ...(has_more ? { page_token: Buffer.from(`p${next}`).toString('base64url') } : {}) };
}
