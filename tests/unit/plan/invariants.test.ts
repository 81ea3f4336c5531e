/**
 * Properties every parsed plan must have, checked on the seed and on every
 * good fixture (read through readPlanFile, so tables are included).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePlan } from '../../../bot/domain/plan/parse-plan.js';
import { toPlanJson } from '../../../bot/domain/plan/plan-json.js';
import { readPlanFile } from '../../../bot/plan-files/read-plan-file.js';
import type { ParsedPlan } from '../../../bot/domain/plan/types.js';
import { SEED_PATH, fixturePath, isInTaskText, isValidIsoDate } from './helpers.js';

const FILES: Array<[string, string]> = [
  ['seed', SEED_PATH],
  ...[
    'jiangjin-jiaowei-2023-work-plan.txt',
    'gunan-jiedao-2023q2-work-plan.txt',
    'nanchuan-fgw-2024-work-plan.txt',
    'tongliang-rsj-2024h1-work-plan.txt',
    'kaizhou-wenlv-2022-work-plan.gbk.txt',
    'qijiang-shangwu-2023-tasks.csv',
    'qijiang-shangwu-2023-tasks.gbk.csv',
    'wansheng-yjj-2024-tasks.tsv',
  ].map((name): [string, string] => [name, fixturePath(name)]),
];

const plans = new Map<string, ParsedPlan>();
beforeAll(async () => {
  for (const [name, file] of FILES) plans.set(name, parsePlan(await readPlanFile(file)));
});
function planOf(name: string): ParsedPlan {
  const p = plans.get(name);
  if (!p) throw new Error(`not parsed: ${name}`);
  return p;
}

const CHINESE_ORDINAL = /^[一二三四五六七八九十]+$/;
const ANNOTATION_KEYS = /责任领导|分管领导|牵头科室|牵头单位|责任科室|责任股室|配合单位|配合科室|协同单位|完成时限|完成时间|时间节点/;
const NAME_SEPARATORS = /[、，,；;：:\s]/;

describe.each(FILES)('%s', (name) => {
  it('has a coherent header', () => {
    const { plan } = planOf(name);
    expect(plan.title.length).toBeGreaterThan(0);
    expect(plan.year).toBeGreaterThanOrEqual(2000);
    expect(plan.year).toBeLessThan(2100);
    expect(plan.title).toContain(`${plan.year}年`);
    expect(isValidIsoDate(plan.periodEnd)).toBe(true);
    expect(plan.periodEnd.startsWith(`${plan.year}-`)).toBe(true);
    if (plan.issuedOn !== null) {
      expect(isValidIsoDate(plan.issuedOn)).toBe(true);
      expect(plan.issuedOn <= plan.periodEnd).toBe(true);
    }
  });

  it('has unique, well-formed task codes', () => {
    const { tasks } = planOf(name);
    expect(tasks.length).toBeGreaterThan(0);
    const codes = tasks.map((t) => t.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const t of tasks) {
      if (t.number === null) {
        expect(t.code).toMatch(CHINESE_ORDINAL);
      } else {
        expect(Number.isInteger(t.number) && t.number > 0).toBe(true);
        expect([String(t.number), new RegExp(`^\\d+\\.${t.number}$`)].some((p) =>
          typeof p === 'string' ? t.code === p : p.test(t.code),
        )).toBe(true);
      }
    }
  });

  it('links tasks and sub-sections to known sections', () => {
    const { sections, tasks } = planOf(name);
    const ordinals = new Set(sections.map((s) => s.ordinal));
    expect(ordinals.size).toBe(sections.length);
    for (const s of sections) {
      expect(s.title.length).toBeGreaterThan(0);
      if (s.parent !== null) {
        expect(ordinals.has(s.parent)).toBe(true);
        expect(s.ordinal.startsWith(s.parent)).toBe(true);
      }
    }
    for (const t of tasks) if (t.section !== null) expect(ordinals.has(t.section), `task ${t.code}`).toBe(true);
  });

  it('gives every task a clean title, a date and clean name lists', () => {
    for (const t of planOf(name).tasks) {
      const at = `task ${t.code}`;
      expect(t.title.length, at).toBeGreaterThan(0);
      expect(t.title, at).not.toMatch(/^\s|\s$/);
      expect(t.title, at).not.toMatch(/^([0-9０-９]+[.、．]|（[0-9一二三四五六七八九十]+）|[一二三四五六七八九十]+、)/);
      expect(t.title, at).not.toMatch(/[。；]$/);
      expect(t.title, at).not.toMatch(ANNOTATION_KEYS);
      expect(isValidIsoDate(t.deadline), at).toBe(true);
      for (const list of [t.leaders, t.leadUnits, t.collaborators]) {
        for (const n of list) {
          expect(n.length, at).toBeGreaterThan(0);
          expect(n, at).not.toMatch(NAME_SEPARATORS);
        }
        expect(new Set(list).size, at).toBe(list.length);
      }
      for (const c of t.collaborators) expect(c, at).not.toMatch(/^(相关|有关|各)/);
    }
  });

  it('does not leave annotation lines in the task body', () => {
    for (const t of planOf(name).tasks) expect(t.body, `task ${t.code}`).not.toMatch(ANNOTATION_KEYS);
  });

  it('gives every target a consistent shape', () => {
    for (const t of planOf(name).tasks) {
      for (const target of t.targets) {
        const at = `task ${t.code} target ${JSON.stringify(target)}`;
        expect(Number.isFinite(target.value) && target.value > 0, at).toBe(true);
        expect(target.unit.length, at).toBeGreaterThan(0);
        expect(['at_least', 'at_most', 'exactly'], at).toContain(target.comparator);
        expect(['level', 'cumulative', 'money', 'percent'], at).toContain(target.kind);
        expect(target.kind === 'money', at).toBe(target.unit.endsWith('元'));
        expect(target.kind === 'percent', at).toBe(target.unit === '%');
        expect(isInTaskText(t, target.text), at).toBe(true);
        expect(target.label.length, at).toBeGreaterThan(0);
      }
    }
  });

  it('serialises to plain JSON with the documented shape', () => {
    const plan = planOf(name);
    const json = toPlanJson(plan) as unknown as {
      plan: object;
      sections: object[];
      tasks: object[];
    };
    expect(Object.keys(json).sort()).toEqual(['plan', 'sections', 'tasks']);
    expect(json.sections).toHaveLength(plan.sections.length);
    expect(json.tasks).toHaveLength(plan.tasks.length);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});
