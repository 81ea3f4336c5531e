/**
 * How a task's code is shown (and asked for) when a bureau holds several plans. The one rule: with one
 * plan in force a task of it shows its bare code (「7」); with several, every code takes its plan's prefix
 * (「2023-7」「区委-7」). A plan's prefix is its short name (简称) when set, else its year when no other plan
 * in force has that year, else 「计划<编号>」. A task of an archived plan always shows its prefix (its bare
 * code means the plan in force). findTask (bot/handlers/commands/command.ts) reads every prefix back with
 * `planByPrefix`. Pure.
 */

export interface PlanForCode {
  id: number;
  year: number;
  shortName: string | null;
  archived: boolean;
}

/** Plan id → the prefix its tasks' codes show (null: bare). */
export type CodePrefixes = ReadonlyMap<number, string | null>;

/** The ids of plans whose year names exactly one plan: one in force, or, when none in force has it, the only archived one. */
function byYear(plans: readonly PlanForCode[], year: number): PlanForCode | null {
  const inForce = plans.filter((p) => !p.archived && p.year === year);
  if (inForce.length) return inForce.length === 1 ? inForce[0]! : null;
  const all = plans.filter((p) => p.year === year);
  return all.length === 1 ? all[0]! : null;
}

export function codePrefixes(plans: readonly PlanForCode[]): CodePrefixes {
  const inForce = plans.filter((p) => !p.archived).length;
  return new Map(plans.map((p) => {
    if (!p.archived && inForce <= 1) return [p.id, null];
    if (p.shortName) return [p.id, p.shortName];
    return [p.id, byYear(plans, p.year)?.id === p.id ? String(p.year) : `计划${p.id}`];
  }));
}

/** 「2023-7」, or 「7」 when its plan shows bare codes. */
export function shownCode(prefixes: CodePrefixes, planId: number, code: string): string {
  const prefix = prefixes.get(planId) ?? null;
  return prefix ? `${prefix}-${code}` : code;
}

/** A namer for one load: (planId, code) → the shown code. */
export function codeNamer(plans: readonly PlanForCode[]): (planId: number, code: string) => string {
  const prefixes = codePrefixes(plans);
  return (planId, code) => shownCode(prefixes, planId, code);
}

/** The plan a prefix names: its short name, its year (as codePrefixes gives it), 「计划2」; null when none or several. */
export function planByPrefix(plans: readonly PlanForCode[], prefix: string): PlanForCode | null {
  const p = prefix.trim();
  const named = plans.find((x) => x.shortName !== null && x.shortName === p);
  if (named) return named;
  const id = p.match(/^计划\s*(\d+)$/u);
  if (id) return plans.find((x) => x.id === Number(id[1])) ?? null;
  if (/^(?:19|20)\d{2}$/.test(p)) return byYear(plans, Number(p));
  return null;
}

/** 「2023-7」「区委－7」「2023年7」「计划2-7」: a prefix and the rest; null when the words have no prefix form. */
export function splitPrefixed(ref: string): { prefix: string; code: string } | null {
  const m = ref.trim().match(/^([^\s\-－—–]{1,12}?)\s*(?:[-－—–]|(?<=^(?:19|20)\d{2})年)\s*(\S.*)$/u);
  return m ? { prefix: m[1]!, code: m[2]! } : null;
}

export const SHORT_NAME_MAX = 8;

/** Why a short name cannot be used (Chinese), or null when it can. */
export function shortNameProblem(name: string, others: readonly { id: number; shortName: string | null }[], planId: number): string | null {
  if (!name) return '简称不能为空。';
  if ([...name].length > SHORT_NAME_MAX) return `简称最多 ${SHORT_NAME_MAX} 个字。`;
  if (/[\s\-－—–#＃]/u.test(name)) return '简称不能含空格、「-」或「#」。';
  if (/^\d+$/.test(name) || /^计划\s*\d+$/u.test(name)) return '简称不能是纯数字或「计划+编号」（会与年份、计划编号混淆）。';
  if (others.some((o) => o.id !== planId && o.shortName === name)) return `简称「${name}」已被另一份计划使用。`;
  return null;
}
