/**
 * Units in replies and targets: a family that says what is counted (money in
 * 元, 家, 项, %, …) and a scale (万元 = 1e4 元). Values convert only within a family. Pure.
 */
import { UNITS } from '../plan/targets.js';

/** Units a reply may write after a number, without magnitude, longest first. */
export const BASE_UNITS: string[] = [
  ...new Set([
    ...UNITS.filter((u) => !/^[万亿]/.test(u) && u !== '千元' && u !== '％'),
    '元', '笔', '张', '位', '单', '个次', '户次', '千米',
  ]),
].sort((a, b) => b.length - a.length);

const BASE_SET = new Set(BASE_UNITS);

/** Magnitudes written between a number and its unit, longest first. */
export const MAGNITUDES: [string, number][] = [
  ['万亿', 1e12], ['十万', 1e5], ['百万', 1e6], ['千万', 1e7], ['万', 1e4], ['亿', 1e8], ['千', 1e3],
];

export interface UnitInfo {
  /** 'money:元', 'count:家', 'percent', 'pp' (个百分点). */
  family: string;
  /** How many base units one of this unit is. */
  scale: number;
}

function familyOf(base: string): string {
  return /元$/.test(base) ? `money:${base}` : `count:${base}`;
}

/** A target's unit: 「亿元」 → money:元 × 1e8, 「万人次」 → count:人次 × 1e4, 「%」 → percent. */
export function unitInfo(unit: string): UnitInfo {
  const u = unit.replace(/％/g, '%').trim();
  if (u === '%') return { family: 'percent', scale: 1 };
  if (/百分点$/.test(u)) return { family: 'pp', scale: 1 };
  // A unit of its own that starts like a magnitude (「千米」) is not 千 × 米.
  if (BASE_SET.has(u)) return { family: familyOf(u), scale: 1 };
  for (const [prefix, scale] of MAGNITUDES) {
    const rest = u.slice(prefix.length);
    if (u.startsWith(prefix) && rest && BASE_SET.has(rest)) return { family: familyOf(rest), scale };
  }
  return { family: familyOf(u), scale: 1 };
}

/** The family a unit written in a reply (after its magnitude) belongs to. */
export function mentionFamily(unit: string): string {
  return unitInfo(unit).family;
}

/** Rounds away binary noise: 8500 × 1e4 / 1e8 → 0.85. */
export function tidy(n: number): number {
  return Number(n.toPrecision(12));
}

/**
 * Units a clerk counts as the same thing when a reply writes one and the target the other
 * (「23件」 for a target in 项, 「1500户」 for one in 家, 「8600人」 for 人次 but not the reverse).
 */
const SYNONYMS: Record<string, string[]> = {
  项: ['个', '件'],
  个: ['项', '件'],
  件: ['项', '个'],
  场: ['场次'],
  场次: ['场'],
  人: ['人次'],
  家: ['户'],
  户: ['家'],
  千米: ['公里'],
  公里: ['千米'],
};

/** True when a unit written in a reply may stand for a target's family (a synonym, not the same unit). */
export function synonymOf(unit: string, family: string): boolean {
  const base = unitInfo(unit).family.replace(/^count:/, '');
  return (SYNONYMS[base] ?? []).some((u) => family === `count:${u}`);
}
