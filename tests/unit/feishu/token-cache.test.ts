/** A rejected token is dropped once: a call that saw an older token does not drop the one another call renewed. */
import { describe, expect, it } from 'vitest';
import { TokenCache } from '../../../bot/feishu/token-cache.js';

describe('TokenCache.dropUnlessRenewed', () => {
  it('drops the token a call used, but not one stored after the call started', async () => {
    const cache = new TokenCache(() => 0);
    await cache.set('tenant', 'old');
    const first = cache.version;
    const second = cache.version;
    cache.dropUnlessRenewed(first); // the first call's rejection drops "old"
    expect(await cache.get('tenant')).toBeUndefined();
    await cache.set('tenant', 'new'); // the first call's retry renews it
    cache.dropUnlessRenewed(second); // the second call, rejected with "old" too, leaves "new" alone
    expect(await cache.get('tenant')).toBe('new');
    cache.dropUnlessRenewed(cache.version); // "new" itself rejected: dropped
    expect(await cache.get('tenant')).toBeUndefined();
  });
});
