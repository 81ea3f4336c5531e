/**
 * How plans and org charts name the same unit differently, reduced to one key: 「区科技局高新科」「高新股」
 * and the chart's 「高新科」 share the key 「高新」. Rules, in order: the bureau's region (重庆市, 綦江区, a lone
 * 区), the bureau itself (区科技局, 局机关, 局), common abbreviations (科技局 → 科学技术局, 发改委 →
 * 发展和改革委员会, 局办 → 办公室), then a 科/股/室/处/办 suffix
 * (「党政办公室」 and 「党政办」 too). Pure.
 */

/** Short forms bureaus write, and the full form (longest short form first where they overlap). */
const ABBREVIATIONS: [RegExp, string][] = [
  [/科技局/g, '科学技术局'],
  [/发展改革委|发改委/g, '发展和改革委员会'],
  [/经信委/g, '经济和信息化委员会'],
  [/经信局/g, '经济和信息化局'],
  [/人社局/g, '人力资源和社会保障局'],
  [/市场监管局/g, '市场监督管理局'],
  [/住建委/g, '住房和城乡建设委员会'],
  [/卫健委/g, '卫生健康委员会'],
  [/教委/g, '教育委员会'],
  [/规划自然资源局/g, '规划和自然资源局'],
  [/^局办$/g, '办公室'],
  [/委$/g, '委员会'],
];

/** 「重庆市綦江区科学技术局」 → its region words 「重庆市」「綦江区」 and the rest 「科学技术局」. */
export function splitRegion(name: string): { regions: string[]; rest: string } {
  const m = /^([\u4e00-\u9fff]{2,3}[省市](?![场])|)([\u4e00-\u9fff]{2,3}?[区县](?![域])|)(.+)$/u.exec(clean(name));
  if (!m) return { regions: [], rest: clean(name) };
  return { regions: [m[1]!, m[2]!].filter(Boolean), rest: m[3]! };
}

export function clean(name: string): string {
  // Stryker disable next-line Regex: every space goes, one at a time or in runs
  return name.normalize('NFKC').replace(/\s+/g, '');
}

function expand(name: string): string {
  return ABBREVIATIONS.reduce((s, [re, full]) => s.replace(re, full), name);
}

/** The bureau the plan's issuer names, as forms a unit name may start with: 「科学技术局」 (expanded). */
export interface Bureau {
  regions: string[];
  /** The bureau's own name without region, abbreviations expanded: 「科学技术局」; null when unknown. */
  core: string | null;
}

export function bureauOf(issuer: string | null): Bureau {
  if (!issuer) return { regions: [], core: null };
  const { regions, rest } = splitRegion(issuer);
  return { regions, core: expand(rest) || null };
}

/** Strips the region words and a lone 区/县 in front: 「綦江区财政局」「区财政局」 → 「财政局」. */
function stripRegion(name: string, bureau: Bureau): string {
  let s = name;
  for (const r of bureau.regions) if (s.startsWith(r) && s.length > r.length) s = s.slice(r.length);
  return s.length > 2 && /^[区县](?!域)/.test(s) ? s.slice(1) : s;
}

/**
 * The name with region and bureau stripped and abbreviations expanded, and whether it named the bureau itself:
 * 「区科技局高新科」 → 「高新科」; 「区科技局」 → self; 「局办公室」 → 「办公室」.
 */
export function withoutBureau(name: string, bureau: Bureau): { rest: string; self: boolean } {
  const s = expand(stripRegion(clean(name), bureau));
  if (bureau.core && s === bureau.core) return { rest: s, self: true };
  if (bureau.core && s.startsWith(bureau.core)) return { rest: expand(s.slice(bureau.core.length)), self: false };
  const own = /^(局机关|本局|局)(?=.{2,})/.exec(s);
  if (own) return { rest: expand(s.slice(own[0].length)), self: false };
  return { rest: s, self: /^(局机关|本局)$/.test(s) };
}

/** The key two names share when they name the same unit: bureau stripped, abbreviations expanded, suffix off. */
export function unitKey(name: string, bureau: Bureau): string {
  const rest = withoutBureau(name, bureau).rest.replace(/^(.{2,})办公室$/, '$1办');
  return rest.length > 2 ? rest.replace(/[科股室处办]$/, '') : rest;
}

/** 「各科室」「局机关各科室」「各镇街」「相关部门」: a phrase naming several units, none of them in particular. */
export function namesSeveral(name: string): boolean {
  return /^(局机关|区级|全区|全局)?(各|相关|有关|其他|全体|所有)/.test(clean(name)) || /^[各]|等?(各|相关|有关)(部门|单位|科室|股室|镇街|街镇)$/.test(clean(name));
}

/**
 * 「区财政局」「市科技局」「区经信」「国网南川供电公司」「派出所」: a body with its own organisation, outside this
 * bureau's chart (a district or city body, a company, a bank, a town). Names such as 「社保中心」「仲裁院」 may be
 * the bureau's own subordinate units and are not called outside.
 */
export function looksOutside(name: string): boolean {
  const s = clean(name);
  if (/^(区|市|县|省|国网|人行|中国)/.test(s) && !/^(区域|市场)/.test(s)) return true;
  return /(局|委|委员会|政府|公司|集团|银行|支行|分行|街道|镇|乡|派出所|税务所)$/.test(s);
}
