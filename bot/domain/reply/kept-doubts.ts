/**
 * The reader's doubts as a report keeps them, and the owner's one-click answer to each. Pure.
 *
 * A kept doubt lists its options in a fixed order — the targets (by id) a number may belong to, or
 * the dates the owner may have meant, then null for 「neither」 — and `picked`, the option the
 * report holds now. Settling a doubt moves the number (or the date) from the picked option to the
 * chosen one and touches nothing else of the report.
 */
import { MAX_DOUBT_WORDS } from './doubts.js';
import type { ReplyDoubt } from './types.js';
import { tidy, unitInfo } from './units.js';

/** The most doubts a report keeps, and options one doubt offers (null included). */
export const DOUBTS_MAX = 4;
export const OPTIONS_MAX = 5;

export type KeptDoubt =
  | { kind: 'value'; value: number; unit: string; words: string; options: (number | null)[]; picked: number }
  | { kind: 'date'; words: string; options: (string | null)[]; picked: number };

/** What a report holds that a doubt can change: values by target id, and the expected date. */
export interface Held {
  values: ReadonlyMap<number, number>;
  expectedOn: string | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
// As many of the reply's own words as the reader quotes (doubts.ts).
const words = (w: string) => [...w].slice(0, MAX_DOUBT_WORDS).join('');

/** Unique non-null options, at most OPTIONS_MAX - 1, then null; picked is the chosen one's place (null's when none). */
function optionsOf<T extends number | string>(chosen: T | null, others: T[]): { options: (T | null)[]; picked: number } | null {
  const named = [...new Set([...(chosen === null ? [] : [chosen]), ...others])].slice(0, OPTIONS_MAX - 1);
  if (!named.length) return null;
  const options: (T | null)[] = [...named, null];
  return { options, picked: chosen === null ? options.length - 1 : 0 };
}

/**
 * The doubts a report keeps: target positions become target ids (`targetIds[i]` is the id of the
 * target the reader saw at index i); a doubt without a real option is dropped; at most DOUBTS_MAX.
 */
export function keepDoubts(doubts: readonly ReplyDoubt[], targetIds: readonly number[]): KeptDoubt[] {
  const kept: KeptDoubt[] = [];
  for (const d of doubts) {
    if (kept.length >= DOUBTS_MAX) break;
    if (d.kind === 'value') {
      const id = (i: number | null) => (i !== null && Number.isInteger(i) && i >= 0 && i < targetIds.length ? targetIds[i]! : null);
      const o = optionsOf(id(d.chosen), d.others.map(id).filter((x): x is number => x !== null));
      if (o && Number.isFinite(d.value)) kept.push({ kind: 'value', value: d.value, unit: d.unit, words: words(d.words), ...o });
    } else {
      const day = (s: string | null) => (s !== null && DAY.test(s) ? s : null);
      const o = optionsOf(day(d.chosen), d.others.filter((s) => DAY.test(s)));
      if (o) kept.push({ kind: 'date', words: words(d.words), ...o });
    }
  }
  return kept;
}

/** A number written in `unit` in `targetUnit` when both count the same thing (4.2亿元 → 42000万元); else as written. */
export function inUnit(value: number, unit: string, targetUnit: string): number {
  if (!unit || !targetUnit) return value;
  const from = unitInfo(unit);
  const to = unitInfo(targetUnit);
  return from.family === to.family ? tidy((value * from.scale) / to.scale) : value;
}

/** Equal but for binary noise (the reader and inUnit may round a conversion differently). */
const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * What the report holds once the owner chose option `choice` of doubt `d`. A value leaves the
 * target it was on (only if that target still holds this number) and goes to the chosen one in
 * that target's unit; a date replaces the expected date. `unitOf` gives a target's unit.
 */
export function settle(held: Held, d: KeptDoubt, choice: number, unitOf: (targetId: number) => string): Held {
  if (d.kind === 'date') return { values: held.values, expectedOn: d.options[choice] ?? null };
  const values = new Map(held.values);
  const from = d.options[d.picked] ?? null;
  const to = d.options[choice] ?? null;
  const there = from === null ? undefined : values.get(from);
  if (from !== null && there !== undefined && same(there, inUnit(d.value, d.unit, unitOf(from)))) values.delete(from);
  if (to !== null) values.set(to, inUnit(d.value, d.unit, unitOf(to)));
  return { values, expectedOn: held.expectedOn };
}
