import { describe, expect, it } from 'vitest';
import { explainFeishuFailure, platformName } from '../../../bot/ops/feishu-check.js';

const axios = (status: number, data: unknown) => ({ isAxiosError: true, response: { status, data, headers: {} } });

describe('what a failed tenant-token fetch asks the operator to fix', () => {
  it.each([
    ['HTTP 400 code 10003', axios(400, { code: 10003, msg: 'invalid param' }), 'FEISHU_APP_ID'],
    ['HTTP 400 code 10014', axios(400, { code: 10014, msg: 'app secret invalid' }), 'FEISHU_APP_SECRET'],
    // HTTP 200 with a code: the SDK throws its own message.
    ['SDK message, code 10014', new Error('failed to get tenant_access_token, code: 10014, msg: app secret invalid'), 'FEISHU_APP_SECRET'],
    ['SDK message, code 10003', new Error('failed to get tenant_access_token, code: 10003, msg: invalid param'), 'FEISHU_APP_ID'],
    ['another code', axios(400, { code: 10012, msg: 'app not enabled' }), 'FEISHU_APP_ID and FEISHU_APP_SECRET'],
    ['connection refused', new Error('connect ECONNREFUSED 10.0.0.1:443'), 'FEISHU_DOMAIN'],
    ['not an open platform (404)', axios(404, '404 page not found'), 'FEISHU_DOMAIN'],
  ])('%s → %s', (_what, error, variable) => {
    const p = explainFeishuFailure(error, { FEISHU_DOMAIN: 'feishu' });
    expect(p.variable).toBe(variable);
    expect(p.en.startsWith(`${variable}: `)).toBe(true);
    for (const name of variable.split(' and ')) expect(p.zh).toContain(name);
    expect(p.en.length).toBeLessThanOrEqual(200);
  });

  it('names the host it could not reach', () => {
    expect(explainFeishuFailure(new Error('getaddrinfo ENOTFOUND open.larksuite.com'), { FEISHU_DOMAIN: 'lark' }).en).toBe(
      'FEISHU_DOMAIN: Feishu is unreachable at open.larksuite.com (getaddrinfo ENOTFOUND open.larksuite.com); check the network, proxy and FEISHU_DOMAIN',
    );
    expect(explainFeishuFailure(axios(400, { code: 10012, msg: 'x' }), { FEISHU_DOMAIN: 'feishu' }).en).toBe(
      'FEISHU_APP_ID and FEISHU_APP_SECRET: Feishu gave no tenant token (code 10012); check both, and that the app is self-built',
    );
  });

  it.each([
    ['feishu', '飞书 Feishu（https://open.feishu.cn）'],
    ['lark', 'Lark（https://open.larksuite.com）'],
    ['http://127.0.0.1:3901', '自定义地址 custom（http://127.0.0.1:3901）'],
  ])('platform %s is shown as %s', (domain, shown) => expect(platformName(domain)).toBe(shown));
});
