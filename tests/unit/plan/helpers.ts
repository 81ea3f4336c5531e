/**
 * Shared helpers for the plan-parser tests. Nothing here knows how the parser
 * works; it only loads fixtures and compares results with expectations.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { parsePlan } from '../../../bot/domain/plan/parse-plan.js';
import { PlanError } from '../../../bot/domain/plan/types.js';
import type {
  Comparator,
  ParsedPlan,
  ParsedTarget,
  ParsedTask,
  PlanSource,
  TargetKind,
} from '../../../bot/domain/plan/types.js';

export const FIXTURE_DIR = fileURLToPath(new URL('../../fixtures/plans/', import.meta.url));
export const SEED_PATH = fileURLToPath(
  new URL('../../../plans/qijiang-2022-work-plan.txt', import.meta.url),
);

export function fixturePath(name: string): string {
  return path.join(FIXTURE_DIR, name);
}

export function fixtureBytes(name: string): Buffer {
  return readFileSync(fixturePath(name));
}

/** UTF-8 fixtures, decoded here so parser tests do not depend on the file reader. */
export function fixtureText(name: string): string {
  return readFileSync(fixturePath(name), 'utf8');
}

/** GBK fixtures, decoded with the platform decoder (Node ships full ICU). */
export function fixtureTextGbk(name: string): string {
  return new TextDecoder('gbk').decode(fixtureBytes(name));
}

export function textSource(text: string, name = 'plan.txt'): PlanSource {
  return { kind: 'text', name, text };
}

export function parseText(text: string, name = 'plan.txt'): ParsedPlan {
  return parsePlan(textSource(text, name));
}

export function tableSource(
  rows: string[][],
  preface: string[] = [],
  name = 'plan.csv',
): PlanSource {
  return { kind: 'table', name, rows, preface };
}

/** The task with the given code; fails with the list of codes present. */
export function taskByCode(plan: ParsedPlan, code: string): ParsedTask {
  const found = plan.tasks.find((t) => t.code === code);
  if (!found) {
    throw new Error(
      `no task with code ${code}; codes are [${plan.tasks.map((t) => t.code).join(', ')}]`,
    );
  }
  return found;
}

/** Ways of gluing title and body back together (the parser may drop the separator). */
export function taskTexts(task: ParsedTask): string[] {
  const seps = ['', '。', '，', '；', '：', ':', ' ', '\n'];
  return [task.title, task.body, ...seps.map((s) => task.title + s + task.body)];
}

export function isInTaskText(task: ParsedTask, text: string): boolean {
  return taskTexts(task).some((t) => t.includes(text));
}

export interface ExpectedTarget {
  value: number;
  unit: string;
  comparator?: Comparator;
  kind?: TargetKind;
  /** The label must contain this. */
  label?: string;
}

function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-9;
}

function describeTargets(targets: ParsedTarget[]): string {
  return JSON.stringify(targets.map((t) => `${t.value}${t.unit}(${t.comparator},${t.kind},${t.label})`));
}

/**
 * Checks that every expected target is present (matched by value and unit),
 * with the optional fields as given; with `exact`, no other target may exist.
 */
export function expectTargets(
  task: ParsedTask,
  expected: ExpectedTarget[],
  options: { exact?: boolean } = {},
): void {
  const where = `task ${task.code} targets ${describeTargets(task.targets)}`;
  for (const e of expected) {
    const match = task.targets.find((t) => sameNumber(t.value, e.value) && t.unit === e.unit);
    expect(match, `${where}: missing ${e.value}${e.unit}`).toBeDefined();
    if (!match) continue;
    if (e.comparator) expect(match.comparator, `${where}: comparator of ${e.value}${e.unit}`).toBe(e.comparator);
    if (e.kind) expect(match.kind, `${where}: kind of ${e.value}${e.unit}`).toBe(e.kind);
    if (e.label) expect(match.label, `${where}: label of ${e.value}${e.unit}`).toContain(e.label);
    expect(isInTaskText(task, match.text), `${where}: text 「${match.text}」 not in title+body`).toBe(true);
  }
  if (options.exact) {
    expect(task.targets.length, `${where}: expected exactly ${expected.length}`).toBe(expected.length);
  }
}

/** What a task is expected to look like; omitted fields are not checked. */
export interface TaskExpectation {
  code: string;
  number?: number | null;
  section?: string | null;
  title?: string;
  /** The body must contain each of these. */
  bodyHas?: string[];
  deadline?: string;
  leaders?: string[];
  leadUnits?: string[];
  collaborators?: string[];
  /** Each must be a substring of some collaborator. */
  collaboratorsHave?: string[];
  targets?: ExpectedTarget[];
  /** When true, `targets` is the complete list. */
  exactTargets?: boolean;
}

export function checkTask(plan: ParsedPlan, e: TaskExpectation): void {
  const t = taskByCode(plan, e.code);
  const at = `task ${e.code}`;
  if (e.number !== undefined) expect(t.number, `${at} number`).toBe(e.number);
  if (e.section !== undefined) expect(t.section, `${at} section`).toBe(e.section);
  if (e.title !== undefined) expect(t.title, `${at} title`).toBe(e.title);
  for (const part of e.bodyHas ?? []) expect(t.body, `${at} body`).toContain(part);
  if (e.deadline !== undefined) expect(t.deadline, `${at} deadline`).toBe(e.deadline);
  if (e.leaders !== undefined) expect(t.leaders, `${at} leaders`).toEqual(e.leaders);
  if (e.leadUnits !== undefined) expect(t.leadUnits, `${at} leadUnits`).toEqual(e.leadUnits);
  if (e.collaborators !== undefined) expect(t.collaborators, `${at} collaborators`).toEqual(e.collaborators);
  for (const part of e.collaboratorsHave ?? []) {
    expect(
      t.collaborators.some((c) => c.includes(part)),
      `${at} collaborators ${JSON.stringify(t.collaborators)} should include 「${part}」`,
    ).toBe(true);
  }
  if (e.targets !== undefined) expectTargets(t, e.targets, { exact: e.exactTargets ?? false });
}

export function hasChinese(s: string): boolean {
  return /[\u4e00-\u9fff]/.test(s);
}

/** Runs fn (sync or async) and returns the PlanError it throws; fails otherwise. */
export async function catchPlanError(fn: () => unknown): Promise<PlanError> {
  let thrown: unknown;
  try {
    await fn();
  } catch (err) {
    thrown = err;
  }
  expect(thrown, 'expected a PlanError to be thrown').toBeInstanceOf(PlanError);
  const err = thrown as PlanError;
  expect(hasChinese(err.message), `PlanError message should be Chinese: 「${err.message}」`).toBe(true);
  return err;
}

export async function withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'workplan-plan-test-'));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isValidIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
