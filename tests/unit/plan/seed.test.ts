/**
 * The seed plan: 綦江区科技局《2022年工作要点》 (plans/qijiang-2022-work-plan.txt).
 * Notice wrapper, 7 sections 「一、」…「七、」, tasks 「1.」…「22.」 numbered across
 * the whole plan, section 七 without numbered tasks.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePlan } from '../../../bot/domain/plan/parse-plan.js';
import { toPlanJson } from '../../../bot/domain/plan/plan-json.js';
import { readPlanFile } from '../../../bot/plan-files/read-plan-file.js';
import type { ParsedPlan } from '../../../bot/domain/plan/types.js';
import { SEED_PATH, checkTask, isInTaskText, taskByCode, textSource } from './helpers.js';
import type { TaskExpectation } from './helpers.js';

let plan: ParsedPlan;

beforeAll(() => {
  plan = parsePlan(textSource(readFileSync(SEED_PATH, 'utf8'), 'qijiang-2022-work-plan.txt'));
});

describe('seed plan header', () => {
  it('reads issuer, title, year, issue date and period end', () => {
    expect(plan.plan).toMatchObject({
      title: '重庆市綦江区科学技术局2022年工作要点',
      issuer: '重庆市綦江区科学技术局',
      year: 2022,
      issuedOn: '2022-03-17',
      periodStart: '2022-01-01',
      periodEnd: '2022-12-31',
    });
  });
});

describe('seed plan sections', () => {
  it('has the seven top-level sections in order', () => {
    expect(plan.sections.map((s) => [s.ordinal, s.title, s.parent])).toEqual([
      ['一', '着力培育创新主体', null],
      ['二', '加速拓展创新平台', null],
      ['三', '加大科技研发投入', null],
      ['四', '赋能农业农村科技', null],
      ['五', '强化科技金融支撑', null],
      ['六', '营造科技创新生态', null],
      ['七', '全面抓好重点工作', null],
    ]);
  });
});

describe('seed plan tasks', () => {
  it('has 22 numbered tasks 1..22 plus the section-七 task, in document order', () => {
    const codes = plan.tasks.map((t) => t.code);
    expect(codes).toEqual([...Array.from({ length: 22 }, (_, i) => String(i + 1)), '七']);
    expect(plan.tasks.map((t) => t.number)).toEqual([
      ...Array.from({ length: 22 }, (_, i) => i + 1),
      null,
    ]);
  });

  const sectionOf: Array<[string, number[]]> = [
    ['一', [1, 2, 3]],
    ['二', [4, 5, 6]],
    ['三', [7, 8, 9, 10, 11]],
    ['四', [12, 13, 14, 15]],
    ['五', [16, 17, 18]],
    ['六', [19, 20, 21, 22]],
  ];
  it.each(sectionOf)('tasks of section %s', (ordinal, numbers) => {
    for (const n of numbers) expect(taskByCode(plan, String(n)).section).toBe(ordinal);
  });

  it('turns section 七 (no numbered tasks) into one task', () => {
    const t = taskByCode(plan, '七');
    expect(t.number).toBeNull();
    expect(t.section).toBe('七');
    // Either the section heading or the paragraph's first clause is a fair title.
    expect(['全面抓好重点工作', '坚持党的全面领导']).toContain(t.title);
    expect(t.title + t.body).toContain('抓好疫情防控');
    expect(t.targets).toEqual([]); // 「三大攻坚战」「八项行动计划」 are names, not targets
  });

  it('takes the first clause as the title and keeps the rest as body', () => {
    const t1 = taskByCode(plan, '1');
    expect(t1.title).toBe('培育高新技术企业');
    expect(t1.body.startsWith('邀请行业专家')).toBe(true);
    expect(t1.body).toContain('指导有效期高新技术企业年报填报工作');
  });

  it.each([
    ['2', '培育科技型企业'],
    ['3', '培育高成长企业'], // indented line in the source
    ['7', '指导科技统计'], // follows its section heading without a blank line
    ['11', '做好成果登记'],
    ['22', '营造科技创新氛围'],
  ])('task %s title is 「%s」', (code, title) => {
    expect(taskByCode(plan, code).title).toBe(title);
  });

  it('never lets a body run into the next section or task', () => {
    expect(taskByCode(plan, '3').body).not.toContain('加速拓展创新平台');
    expect(taskByCode(plan, '6').body).not.toContain('加大科技研发投入');
    expect(taskByCode(plan, '22').body).not.toContain('全面抓好重点工作');
    expect(taskByCode(plan, '1').body).not.toContain('培育科技型企业');
  });
});

describe('seed plan targets', () => {
  const rows: TaskExpectation[] = [
    {
      code: '1',
      targets: [{ value: 140, unit: '家', comparator: 'at_least', kind: 'level', label: '高企' }],
      exactTargets: true,
    },
    {
      code: '2',
      targets: [
        { value: 2000, unit: '家', comparator: 'at_least', kind: 'level', label: '科技型企业' },
        { value: 120, unit: '家', kind: 'cumulative', label: '企业' },
      ],
      exactTargets: true, // 「2022年度」 is not a target
    },
    {
      code: '6',
      targets: [
        { value: 5, unit: '个', comparator: 'at_least', kind: 'cumulative', label: '众创空间' },
        { value: 2, unit: '个', comparator: 'at_least', kind: 'cumulative', label: '众创空间' },
      ],
      exactTargets: true,
    },
    {
      code: '11',
      targets: [
        { value: 70, unit: '项', kind: 'cumulative', label: '成果登记' },
        { value: 11, unit: '亿元', kind: 'money' },
      ],
      exactTargets: true,
    },
  ];
  it.each(rows)('task $code', (e) => checkTask(plan, e));

  it.each(['4', '7', '19', '20', '21'])(
    'task %s has no targets (its numbers are incidental)',
    (code) => {
      expect(taskByCode(plan, code).targets).toEqual([]);
    },
  );

  it('only tasks 1, 2, 6 and 11 carry targets', () => {
    const withTargets = plan.tasks.filter((t) => t.targets.length > 0).map((t) => t.code);
    expect(withTargets).toEqual(['1', '2', '6', '11']);
  });

  it("every target's text is a substring of its task's title+body", () => {
    for (const t of plan.tasks) {
      for (const target of t.targets) {
        expect(isInTaskText(t, target.text), `task ${t.code}: 「${target.text}」`).toBe(true);
        expect(target.text).toContain(String(target.value));
      }
    }
  });
});

describe('seed plan collaborators named in prose', () => {
  const rows: TaskExpectation[] = [
    { code: '7', collaboratorsHave: ['经信', '税务', '财政'] }, // 协调区经信、税务、财政等部门
    { code: '18', collaboratorsHave: ['区金融办'] }, // 配合区金融办，…
    { code: '20', collaboratorsHave: ['区人才办'] }, // 配合区人才办完善…
  ];
  it.each(rows)('task $code', (e) => checkTask(plan, e));

  it('does not take vague phrases (相关区级部门, 相关部门) as collaborators', () => {
    for (const t of plan.tasks) {
      for (const c of t.collaborators) {
        expect(c, `task ${t.code}`).not.toMatch(/^(相关|有关|各)/);
        expect(c, `task ${t.code}`).not.toMatch(/等部门$/);
      }
    }
    expect(taskByCode(plan, '13').collaborators).toEqual([]); // 会同相关部门
    expect(taskByCode(plan, '1').collaborators).toEqual([]);
  });
});

describe('seed plan deadlines', () => {
  it('defaults every task to the period end', () => {
    for (const t of plan.tasks) expect(t.deadline, `task ${t.code}`).toBe('2022-12-31');
  });
});

describe('seed plan as JSON', () => {
  it('has exactly the documented keys', () => {
    const json = toPlanJson(plan) as unknown as Record<string, unknown>;
    expect(Object.keys(json).sort()).toEqual(['plan', 'sections', 'tasks']);
    const header = json['plan'] as Record<string, unknown>;
    expect(Object.keys(header).sort()).toEqual(
      ['issuedOn', 'issuer', 'periodStart', 'periodEnd', 'title', 'year'].sort(),
    );
    const sections = json['sections'] as Array<Record<string, unknown>>;
    expect(sections).toHaveLength(7);
    for (const s of sections) expect(Object.keys(s).sort()).toEqual(['ordinal', 'title']);
    const tasks = json['tasks'] as Array<Record<string, unknown>>;
    expect(tasks).toHaveLength(23);
    for (const t of tasks) {
      expect(Object.keys(t).sort()).toEqual(
        [
          'code',
          'number',
          'section',
          'title',
          'body',
          'targets',
          'leadUnits',
          'collaborators',
          'leaders',
          'deadline',
          'milestones',
        ].sort(),
      );
      for (const target of t['targets'] as Array<Record<string, unknown>>) {
        expect(Object.keys(target).sort()).toEqual(
          ['value', 'unit', 'comparator', 'label', 'text', 'kind', 'baseline'].sort(),
        );
      }
    }
  });

  it('carries the parsed values and survives a JSON round trip', () => {
    const json = toPlanJson(plan) as unknown as {
      plan: Record<string, unknown>;
      tasks: Array<{ code: string; title: string; deadline: string }>;
    };
    expect(json.plan).toEqual({
      title: '重庆市綦江区科学技术局2022年工作要点',
      issuer: '重庆市綦江区科学技术局',
      year: 2022,
      issuedOn: '2022-03-17',
      periodStart: '2022-01-01',
      periodEnd: '2022-12-31',
    });
    expect(json.tasks[0]).toMatchObject({ code: '1', title: '培育高新技术企业', deadline: '2022-12-31' });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});

describe('seed plan through the file reader', () => {
  it('reads as text and parses to the same plan', async () => {
    const source = await readPlanFile(SEED_PATH);
    expect(source.kind).toBe('text');
    expect(toPlanJson(parsePlan(source))).toEqual(toPlanJson(plan));
  });

  it('parses deterministically and leaves the source untouched', () => {
    const text = readFileSync(SEED_PATH, 'utf8');
    const source = textSource(text);
    const a = parsePlan(source);
    const b = parsePlan(source);
    expect(a).toEqual(b);
    expect(source).toEqual(textSource(text));
  });
});
