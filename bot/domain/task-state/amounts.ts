/**
 * How precisely a value is shown in its unit: whole numbers for things counted one by one
 * (家、个、项、人次…: 「序时应达 25家」, never 25.06), two decimals for money in 万元/亿元, one for
 * percentages and measures (亩、吨、平方米), whole 元. Pure; every channel uses it.
 */
import { formatValue } from '../plan/describe.js';

const COUNTED = new Set([
  '家', '个', '项', '名', '人', '场', '次', '件', '篇', '户', '所', '套', '台', '批', '期', '座', '条', '份', '起', '宗', '例',
  '支', '株', '头', '只', '部', '本', '册', '处', '栋', '间', '辆', '门', '节', '班', '课', '人次', '家次', '场次',
]);

/** Decimal places a value in this unit is shown with. */
export function unitDigits(unit: string): number {
  if (COUNTED.has(unit) || unit === '元') return 0;
  if (/^(万|亿|千)/.test(unit) && /元$/.test(unit)) return 2;
  if (/^万/.test(unit)) return 2; // 万人、万户: 1.25万人
  return 1; // %, 个百分点, 亩, 吨, 公里, 平方米…
}

export function roundForUnit(value: number, unit: string): number {
  const f = 10 ** unitDigits(unit);
  return Math.round(value * f) / f;
}

/** The figure alone, with the unit's precision: 「25」「3.14」「12.5」. */
export function figureWord(value: number, unit: string): string {
  return formatValue(roundForUnit(value, unit));
}

/** 「25家」「3.14亿元」「12.5%」 */
export function amountWord(value: number, unit: string): string {
  return `${figureWord(value, unit)}${unit}`;
}

/** A share as a whole percentage: 0.2811 → 「28%」. */
export function shareWord(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** A share for JSON: 0–100 with one decimal, or null. */
export function sharePercent(share: number | null): number | null {
  return share === null ? null : Math.round(share * 1000) / 10;
}
