/**
 * A unit or a person as the plan names them, found in the org chart: exact name first, then the normalised key
 * (bot/domain/owners/unit-names.ts), then as a short name (高新科 ↔ 高新技术发展科). Several candidates are listed, never guessed; a miss says why, in Chinese.
 * Pure.
 */
import type { OrgChart, OrgDepartment, OrgUser } from './org-chart.js';
import { bureauOf, clean, looksOutside, namesSeveral, unitKey, withoutBureau, type Bureau } from './unit-names.js';

export type Match<T> = { kind: 'found'; found: T } | { kind: 'ambiguous'; candidates: T[]; reason: string } | { kind: 'none'; reason: string };

/** The chart, looked up by exact name, by key, and by id; built once per proposal. */
export interface ChartIndex {
  bureau: Bureau;
  departments: Map<string, OrgDepartment>;
  byName: Map<string, OrgDepartment[]>;
  byKey: Map<string, OrgDepartment[]>;
  users: Map<string, OrgUser>;
  usersByName: Map<string, OrgUser[]>;
  /** Answers already given, by the name as typed: a plan names the same units again and again. */
  memo: Map<string, Match<OrgDepartment>>;
}

function group<T>(xs: T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    // Stryker disable next-line ConditionalExpression: an empty key is never looked up (an empty name is refused first)
    if (k) m.set(k, [...(m.get(k) ?? []), x]);
  }
  return m;
}

/** `issuer` is the plan's 发文单位 (「重庆市綦江区科学技术局」): its name and region are stripped from unit names. */
export function indexChart(chart: OrgChart, issuer: string | null): ChartIndex {
  const bureau = bureauOf(issuer);
  return {
    bureau,
    departments: new Map(chart.departments.map((d) => [d.id, d])),
    byName: group(chart.departments, (d) => clean(d.name)),
    byKey: group(chart.departments, (d) => unitKey(d.name, bureau)),
    users: new Map(chart.users.map((u) => [u.openId, u])),
    usersByName: group(chart.users, (u) => personKey(u.name)),
    memo: new Map(),
  };
}

/** 「上级部门/部门」 for a candidate, so two 「综合科」 under different parents can be told apart. */
export function departmentPath(index: ChartIndex, d: OrgDepartment): string {
  const parent = d.parentId ? index.departments.get(d.parentId) : undefined;
  return parent ? `${parent.name}/${d.name}` : d.name;
}

/** A department as a message names it: its name, or its path where another department has the same name. */
export function shownName(index: ChartIndex, d: OrgDepartment): string {
  return (index.byName.get(clean(d.name))?.length ?? 0) > 1 ? departmentPath(index, d) : d.name;
}

const quoteAll = (names: string[]) => names.map((n) => `「${n}」`).join('和');

export function matchUnit(index: ChartIndex, name: string): Match<OrgDepartment> {
  const typed = clean(name);
  const known = index.memo.get(typed);
  if (known) return known;
  const m = matchTyped(index, typed);
  index.memo.set(typed, m);
  return m;
}

function matchTyped(index: ChartIndex, typed: string): Match<OrgDepartment> {
  if (!typed) return { kind: 'none', reason: '单位名称为空' };
  if (namesSeveral(typed)) return { kind: 'none', reason: `「${typed}」泛指多个单位，不是通讯录中的一个部门，请逐一指定` };
  const pick = (ds: OrgDepartment[] | undefined): Match<OrgDepartment> | null => {
    if (!ds?.length) return null;
    if (ds.length === 1) return { kind: 'found', found: ds[0]! };
    // The path 「上级/部门」 only where two candidates share a name.
    const paths = ds.map((d) => (ds.filter((e) => e.name === d.name).length > 1 ? departmentPath(index, d) : d.name));
    return { kind: 'ambiguous', candidates: ds, reason: `有 ${ds.length} 个部门都可能是「${typed}」：${quoteAll(paths)}，请用 /unit 标记或逐一指定` };
  };
  if (typed.includes('/')) {
    const byPath = [...index.departments.values()].filter((d) => departmentPath(index, d) === typed);
    return pick(byPath) ?? { kind: 'none', reason: `通讯录中没有「${typed}」这个部门` };
  }
  const key = unitKey(typed, index.bureau);
  const hit = pick(index.byName.get(typed)) ?? pick(index.byKey.get(key)) ?? pick(shortFor(index, key));
  if (hit) return hit;
  if (withoutBureau(typed, index.bureau).self) return { kind: 'none', reason: `「${typed}」指本单位整体，不是其中的一个部门` };
  if (looksOutside(typed)) return { kind: 'none', reason: `「${typed}」是外单位，不在本单位的通讯录中` };
  return { kind: 'none', reason: `通讯录中没有「${typed}」这个部门（如为下属单位，请确认应用的通讯录权限范围）` };
}

/**
 * A short name's departments: 「高新科」 for 高新技术发展科, 「成果科」 for 科技成果转化科 — those whose key holds the
 * short key (two characters or more), the bureau itself left out. Several are listed by the caller, not guessed.
 */
function shortFor(index: ChartIndex, key: string): OrgDepartment[] {
  if (key.length < 2) return [];
  return [...index.byKey.entries()].filter(([k]) => k !== key && k.includes(key)).flatMap(([, ds]) => ds)
    .filter((d) => !withoutBureau(d.name, index.bureau).self);
}

/** A person's name as plans write it: 「何建国同志」「何 建 国」 → 「何建国」. */
export function personKey(name: string): string {
  return clean(name).replace(/(同志|局长|副局长|主任|副主任|书记|副书记)$/, '');
}

export function matchPerson(index: ChartIndex, name: string): Match<OrgUser> {
  const key = personKey(name);
  const users = key ? index.usersByName.get(key) ?? [] : [];
  if (users.length === 1) return { kind: 'found', found: users[0]! };
  if (!users.length) return { kind: 'none', reason: `通讯录（应用可见范围内）没有「${key || clean(name)}」` };
  const where = users.map((u) => u.departmentIds.map((id) => index.departments.get(id)?.name ?? '').filter(Boolean).join('、') || '未知部门');
  return { kind: 'ambiguous', candidates: users, reason: `「${key}」有 ${users.length} 位同名人员，分别在${where.map((w) => `「${w}」`).join('')}，请逐一指定` };
}
