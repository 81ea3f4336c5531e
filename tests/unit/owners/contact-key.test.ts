import { describe, expect, it } from 'vitest';
import { emailKey, mobileKey } from '../../../bot/domain/contact-key.js';

describe('emailKey', () => {
  it.each([
    ['zhangmin@qj.gov.cn', 'zhangmin@qj.gov.cn'],
    [' ZhangMin@QJ.gov.CN ', 'zhangmin@qj.gov.cn'],
  ])('%s → %s', (email, key) => expect(emailKey(email)).toBe(key));
});

describe('mobileKey', () => {
  it.each([
    ['13800000001', '13800000001'],
    ['+8613800000001', '13800000001'],
    ['+86 138-0000-0001', '13800000001'],
    ['0086 13800000001', '13800000001'],
    ['8613800000001', '13800000001'],
    ['138 0000 0001', '13800000001'],
    ['+1 415 555 0100', '+14155550100'],
    ['001 415 555 0100', '+14155550100'],
    ['+86 10 12345678', '+861012345678'],
    ['861012345678', '861012345678'],
  ])('%s → %s', (mobile, key) => expect(mobileKey(mobile)).toBe(key));
});
