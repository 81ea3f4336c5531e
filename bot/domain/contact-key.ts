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
  const typed = mobile.trim();
  const international = typed.startsWith('+') || typed.startsWith('00');
  const all = typed.replace(/\D/g, '');
  const digits = typed.startsWith('00') ? all.slice(2) : all;
  if (/^861\d{10}$/.test(digits)) return digits.slice(2);
  return international ? `+${digits}` : digits;
}
