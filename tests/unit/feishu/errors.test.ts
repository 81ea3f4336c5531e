import { describe, expect, it } from 'vitest';
import { classifyFeishuError, errorFromBody, FeishuError } from '../../../bot/feishu/errors.js';

describe('classifying Feishu errors', () => {
  it.each([
    [{ code: 99991400, msg: 'request trigger frequency limit' }, 429, { 'x-ogw-ratelimit-reset': '3' }, 'rate_limit', 3000],
    [{ code: 230020, msg: 'send frequency limit' }, 400, {}, 'rate_limit', null],
    [{ code: 99991663, msg: 'token invalid' }, 400, {}, 'token', null],
    [{ code: 230002, msg: 'bot not in chat' }, 400, {}, 'permanent', null],
    [{ code: 230013, msg: 'no availability' }, 400, {}, 'permanent', null],
    [{ code: 1500, msg: 'internal' }, 500, {}, 'server', null],
    [{ code: 1000004, msg: 'method rate limited' }, 400, {}, 'rate_limit', null],
    [{ code: 9999, msg: 'boom' }, 503, {}, 'server', null],
    [{ code: 230099, msg: 'card action is lock' }, 400, {}, 'server', null],
    [{ code: 230099, msg: 'Failed to create card content, ext=ErrCode: 200621' }, 400, {}, 'permanent', null],
    [{ code: 230049, msg: 'The message is being sent, please do not repeat the request.' }, 400, {}, 'in_flight', null],
    [{ code: 230049, msg: 'The message is being sent' }, 200, {}, 'in_flight', null],
  ])('%j (HTTP %i) is %s', (body, status, headers, kind, retryAfter) => {
    const e = errorFromBody(body, status, headers);
    expect(e.kind).toBe(kind);
    expect(e.code).toBe(body.code);
    expect(e.retryAfterMs).toBe(retryAfter);
    expect(e.retryable).toBe(kind !== 'permanent');
  });

  it('classifies what the SDK throws', () => {
    const axios = { isAxiosError: true, response: { status: 429, data: { code: 99991400, msg: 'limit' }, headers: { 'x-ogw-ratelimit-reset': '2' } } };
    const e = classifyFeishuError(axios);
    expect(e).toBeInstanceOf(FeishuError);
    expect(e).toMatchObject({ kind: 'rate_limit', retryAfterMs: 2000, httpStatus: 429 });
    expect(classifyFeishuError(new Error('connect ECONNREFUSED 127.0.0.1:1')).kind).toBe('network');
    expect(classifyFeishuError(new Error('failed to get tenant_access_token, code: 10014, msg: app secret invalid')).kind).toBe('permanent');
  });
});
