/** Chinese and full-width numerals. Pure. */

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, '○': 0, Ｏ: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 俩: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** Characters that can make up a Chinese numeral. */
export const CN_NUMERAL_CHARS = '零〇○一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟';

/** Converts full-width digits and the full-width point to ASCII; leaves the rest. */
export function toAsciiDigits(text: string): string {
  return text.replace(/[０-９．]/g, (c) =>
    c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

/**
 * Value of a Chinese numeral such as 「十二」「一百零五」「两万」「二〇二二」 (digit by
 * digit when it has no unit characters). Returns null when it is not one.
 */
export function parseChineseNumeral(text: string): number | null {
  if (!text) return null;
  const chars = [...text];
  if (chars.some((c) => !(c in DIGITS) && !(c in SMALL_UNITS) && !(c in BIG_UNITS))) return null;
  if (chars.every((c) => c in DIGITS)) {
    return chars.length === 1 ? DIGITS[chars[0]!]! : Number(chars.map((c) => DIGITS[c]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const c of chars) {
    if (c in DIGITS) {
      digit = DIGITS[c]!;
    } else if (c in SMALL_UNITS) {
      section += (digit ?? 1) * SMALL_UNITS[c]!;
      digit = null;
    } else {
      section += digit ?? 0;
      total += (section || 1) * BIG_UNITS[c]!;
      section = 0;
      digit = null;
    }
  }
  return total + section + (digit ?? 0);
}

/** Reads an Arabic (ASCII or full-width, with thousands commas) or Chinese number. */
export function parseNumber(text: string): number | null {
  const ascii = toAsciiDigits(text).replace(/[,，](?=\d{3})/g, '');
  if (/^\d+(\.\d+)?$/.test(ascii)) return Number(ascii);
  return parseChineseNumeral(text);
}
