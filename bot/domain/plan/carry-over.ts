/**
 * Carrying people over (承接责任人) from last year's plan to this year's: each new task takes the people
 * (owners, collaborators, leaders) of the old task with the same lead units (牵头单位) and the same title,
 * compared without spaces and punctuation — exactly (完全一致), else conservatively close (相近): the
 * titles equal once numbers are set aside (「2022年」→「2023年」, 「100项」→「120项」), or one is the
 * other with words added (「培育科技型企业」→「培育科技型中小企业」) and keeps at least 60% of it. Lead
 * units must be the same set (none on both sides counts as the same: a bureau's own plan names none).
 * Never a guess: a new task with two candidates, or two new tasks claiming one old task, is listed as
 * ambiguous; a new task that already has people is never touched. The letter-by-letter comparison is
 * bounded (NEAR_PAIR_BUDGET). Pure.
 */
export type CarryRole = 'owner' | 'collaborator' | 'leader';

export interface CarryPerson {
  personId: number;
  name: string;
  role: CarryRole;
}

/** A task of the earlier plan, with its active people. */
export interface OldTask {
  id: number;
  code: string;
  title: string;
  leadUnits: string[];
  people: CarryPerson[];
}

/** A task of the new plan; `staffed` when it already has someone in any role. */
export interface NewTask {
  code: string;
  title: string;
  leadUnits: string[];
  staffed: boolean;
}

/** exact: 完全一致; near: 相近. */
export type CarryReason = 'exact' | 'near';

export interface CarryMatch {
  to: NewTask;
  from: OldTask;
  reason: CarryReason;
}

export interface CarryPlan {
  /** The new task has nobody and the old one has people: they are carried. */
  carry: CarryMatch[];
  /** Matched, but the new task already has people: left as it is. */
  kept: CarryMatch[];
  /** Matched, but the old task had nobody: nothing to carry. */
  empty: CarryMatch[];
  /** Several possible predecessors (or a predecessor another new task also claims): not carried. */
  ambiguous: { to: NewTask; candidates: OldTask[] }[];
  /** No old task of the same lead units and title. */
  unmatched: NewTask[];
}

/** Shortest title (after normalising) a close match may rest on, and the share of the longer it must keep. */
const NEAR_MIN_CHARS = 4;
const NEAR_MIN_SHARE = 0.6;

/** 「培育 高新技术企业。」 → 「培育高新技术企业」: width-folded, without spaces, punctuation or symbols. */
export function titleKey(title: string): string {
  return title.normalize('NFKC').replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** The lead units as a set: normalised, sorted, each once. */
export function unitsKey(units: readonly string[]): string {
  return [...new Set(units.map(titleKey).filter(Boolean))].sort().join('|');
}

/** Numbers set aside: a year or a target changed from one plan to the next is the same task. */
const numberless = (key: string) => key.replace(/\d+(?:\.\d+)?/g, '#');

/** `short` is `long` with characters left out (in order). */
function isSubsequence(short: string, long: string): boolean {
  const a = [...short];
  let i = 0;
  for (const ch of long) if (ch === a[i]) i += 1;
  return i === a.length;
}

/** Two normalised titles that are not equal but close enough to be the same task. */
export function nearTitles(a: string, b: string): boolean {
  if (a === b) return false;
  if (numberless(a) === numberless(b)) return true;
  const [short, long] = [...a].length <= [...b].length ? [a, b] : [b, a];
  const s = [...short].length;
  if (s < NEAR_MIN_CHARS || s < NEAR_MIN_SHARE * [...long].length) return false;
  return isSubsequence(short, long);
}

/**
 * Pairs of titles a close match may compare letter by letter, per lead-unit group: beyond it (two plans of
 * thousands of tasks each) only exact and numbers-aside matches are made, so the work stays bounded.
 */
export const NEAR_PAIR_BUDGET = 4_000_000;

type Keyed<T> = { task: T; units: string; title: string; loose: string };
const keyed = <T extends { title: string; leadUnits: string[] }>(t: T): Keyed<T> => {
  const title = titleKey(t.title);
  return { task: t, units: unitsKey(t.leadUnits), title, loose: numberless(title) };
};

function groupBy<T>(items: T[], key: (x: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of items) {
    const k = key(x);
    const list = out.get(k);
    if (list) list.push(x);
    else out.set(k, [x]);
  }
  return out;
}

export function planCarryOver(oldTasks: readonly OldTask[], newTasks: readonly NewTask[]): CarryPlan {
  const olds = oldTasks.map(keyed);
  const news = newTasks.map(keyed);
  const exactly = groupBy(olds, (o) => `${o.units}\n${o.title}`);
  const byUnits = groupBy(olds, (o) => o.units);
  const newPerUnits = groupBy(news, (n) => n.units);
  const exact = news.map((n) => (exactly.get(`${n.units}\n${n.title}`) ?? []).map((o) => o.task));
  const claimedExactly = new Set(exact.flatMap((c) => (c.length === 1 ? [c[0]!.id] : [])));
  const candidates = news.map((n, i) => {
    if (exact[i]!.length) return { reason: 'exact' as const, list: exact[i]! };
    const group = (byUnits.get(n.units) ?? []).filter((o) => !claimedExactly.has(o.task.id));
    const thorough = group.length * newPerUnits.get(n.units)!.length <= NEAR_PAIR_BUDGET;
    const near = group.filter((o) => (thorough ? nearTitles(o.title, n.title) : o.loose === n.loose && o.title !== n.title)).map((o) => o.task);
    return { reason: 'near' as const, list: near };
  });
  // An old task that two new tasks would each take (a task split in two): neither guesses.
  const claims = new Map<number, number>();
  for (const c of candidates) if (c.list.length === 1) claims.set(c.list[0]!.id, (claims.get(c.list[0]!.id) ?? 0) + 1);

  const plan: CarryPlan = { carry: [], kept: [], empty: [], ambiguous: [], unmatched: [] };
  news.forEach((n, i) => {
    const c = candidates[i]!;
    if (!c.list.length) return void plan.unmatched.push(n.task);
    const only = c.list.length === 1 ? c.list[0]! : null;
    if (!only || claims.get(only.id)! > 1) return void plan.ambiguous.push({ to: n.task, candidates: c.list });
    const match = { to: n.task, from: only, reason: c.reason };
    if (n.task.staffed) plan.kept.push(match);
    else if (!only.people.length) plan.empty.push(match);
    else plan.carry.push(match);
  });
  return plan;
}
