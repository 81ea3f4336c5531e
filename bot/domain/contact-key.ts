/**
 * One key per email address and per mobile number, however it is written, so a lookup answer
 * can be matched to the question asked. Pure.
 *
 * Feishu's contact lookup (batch_get_id) echoes the email or mobile of each user it found, and
 * whether that echo is the string sent or the directory's own form (+86 prefix, letter case) is
 * not documented; the owners table may carry either form too.
 */

/** 「 ZhangMin@QJ.gov.cn 」 → 「zhangmin@qj.gov.cn」. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * 「+86 138-0000-0001」, 「0086 13800000001」, 「8613800000001」 → 「13800000001」: a mainland
 * number without its country code; other numbers keep their digits and a leading 「+」.
 */
export function mobileKey(mobile: string): string {
  const plus = mobile.trim().startsWith('+');
  let digits = mobile.replace(/\D/g, '');
  if (!plus && digits.startsWith('00')) digits = digits.slice(2);
  const intl = plus || mobile.trim().startsWith('00');
  if (digits.startsWith('86') && (intl || digits.length === 13) && /^1\d{10}$/.test(digits.slice(2))) return digits.slice(2);
  return intl ? `+${digits}` : digits;
}
