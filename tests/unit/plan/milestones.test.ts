/**
 * Milestones (时间节点) inside a task's text: made-up tasks in the genre, each pinning one shape, and the seed
 * plan. The task's deadline is what it was before milestones existed (its label, its prose deadline, or the
 * plan's end); a step due on the deadline is not listed again.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findMilestones } from '../../../bot/domain/plan/milestones.js';
import { toPlanJson } from '../../../bot/domain/plan/plan-json.js';
import { formatPlanSummary } from '../../../bot/cli/format-plan.js';
import { LIMITS } from '../../../bot/domain/plan/limits.js';
import { SEED_PATH, parseText, taskByCode } from './helpers.js';

const HEAD = '重庆市某区科学技术局2023年工作要点\n一、强化创新主体\n';
const period = { year: 2023, end: '2023-12-31' };

function task(line: string) {
  const plan = parseText(`${HEAD}${line}\n`);
  return { plan, task: taskByCode(plan, '1') };
}

describe('findMilestones', () => {
  it.each([
    [
      '推进科技成果转化，6月底前完成评估，三季度完成验收，年底前实现成果落地。',
      [
        { due: '2023-06-30', text: '6月底前完成评估' },
        { due: '2023-09-30', text: '三季度完成验收' },
      ],
    ],
    ['上半年完成方案编制，10月中旬前完成招标。', [{ due: '2023-06-30', text: '上半年完成方案编制' }, { due: '2023-10-20', text: '10月中旬前完成招标' }]],
    ['5月上旬前启动申报工作。', [{ due: '2023-05-10', text: '5月上旬前启动申报工作' }]],
    // A date standing alone takes the clause that says what is due.
    ['6月30日前，全面完成摸底调查；全年推进。', [{ due: '2023-06-30', text: '6月30日前，全面完成摸底调查' }]],
    // A project's milestones: 竣工, 投入使用.
    ['2023年5月竣工，9月投入使用。', [{ due: '2023-05-31', text: '2023年5月竣工' }, { due: '2023-09-30', text: '9月投入使用' }]],
    // Listed by due date, whatever the order in the text.
    ['9月底前完成验收；3月底前完成立项。', [{ due: '2023-03-31', text: '3月底前完成立项' }, { due: '2023-09-30', text: '9月底前完成验收' }]],
    // A sub-item's number is not part of the step.
    ['1.4月底前主体完工，开始装修；2.8月底前竣工交付；（3）9月底前完成验收。', [
      { due: '2023-04-30', text: '4月底前主体完工' },
      { due: '2023-08-31', text: '8月底前竣工交付' },
      { due: '2023-09-30', text: '9月底前完成验收' },
    ]],
    // Months that start work are not milestones.
    ['3月开工建设，持续推进。', []],
  ])('%s', (text, expected) => {
    expect(findMilestones(text, period, '2023-12-31', 12)).toEqual(expected);
  });

  it('does not list the same step twice, nor a step due on the deadline', () => {
    expect(findMilestones('6月底前完成评估，6月底前完成评估，10月底前完成项目验收。', period, '2023-10-31', 12)).toEqual([
      { due: '2023-06-30', text: '6月底前完成评估' },
    ]);
  });

  it('cuts a long clause', () => {
    const [m] = findMilestones(`6月底前完成${'很'.repeat(200)}长的工作。`, period, '2023-12-31', 12);
    expect(m!.text.length).toBe(80);
    expect(m!.text.endsWith('…')).toBe(true);
  });
});

describe('milestones in parsed tasks', () => {
  it('keeps the labelled deadline and lists the steps before it', () => {
    const { task: t } = task('1. 实施科技型企业培育工程，6月底前完成评估，三季度完成验收。（完成时限：2023年11月底）');
    expect(t.deadline).toBe('2023-11-30');
    expect(t.milestones).toEqual([
      { due: '2023-06-30', text: '6月底前完成评估' },
      { due: '2023-09-30', text: '三季度完成验收' },
    ]);
  });

  it('keeps the prose deadline (the latest dated step) and does not list it again', () => {
    const { task: t } = task('1. 推进孵化载体建设，6月底前完成评估，10月底前完成项目验收。');
    expect(t.deadline).toBe('2023-10-31');
    expect(t.milestones).toEqual([{ due: '2023-06-30', text: '6月底前完成评估' }]);
  });

  it('leaves a task without dated steps without milestones', () => {
    const { task: t } = task('1. 培育高新技术企业，全年新增高新技术企业20家。');
    expect(t.deadline).toBe('2023-12-31');
    expect(t.milestones).toEqual([]);
  });

  it('keeps at most the limit and says so', () => {
    const steps = Array.from({ length: 20 }, (_, i) => `${(i % 11) + 1}月${i < 11 ? '上旬' : '中旬'}前完成第${i + 1}批`).join('，');
    const { plan, task: t } = task(`1. 开展专项行动，${steps}。`);
    expect(t.milestones).toHaveLength(LIMITS.milestonesPerTask);
    expect(plan.warnings.some((w) => w.includes('时间节点超过 12 个'))).toBe(true);
  });

  it('shows them in parse --json and in the summary', () => {
    const { plan } = task('1. 实施科技型企业培育工程，6月底前完成评估。（完成时限：2023年11月底）');
    expect(toPlanJson(plan).tasks[0]!.milestones).toEqual([{ due: '2023-06-30', text: '6月底前完成评估' }]);
    expect(formatPlanSummary(plan)).toContain('节点：2023-06-30 6月底前完成评估');
  });
});

describe('seed plan', () => {
  it('has no dated steps inside its tasks, and its deadlines are the plan end', () => {
    const plan = parseText(readFileSync(SEED_PATH, 'utf8'), 'qijiang-2022-work-plan.txt');
    expect(plan.tasks.length).toBeGreaterThan(20);
    for (const t of plan.tasks) expect([t.code, t.milestones]).toEqual([t.code, []]);
    expect(new Set(plan.tasks.map((t) => t.deadline))).toEqual(new Set(['2022-12-31']));
  });
});

describe('findMilestones, rule by rule', () => {
  const find = (text: string, limit = 12) => findMilestones(text, period, '2023-12-31', limit);

  it('stops one past the limit, in the text\'s order, and then lists them by date', () => {
    expect(find('9月底前完成甲，8月底前完成乙，7月底前完成丙，3月底前完成丁，2月底前完成戊。', 2)).toEqual([
      { due: '2023-07-31', text: '7月底前完成丙' },
      { due: '2023-08-31', text: '8月底前完成乙' },
      { due: '2023-09-30', text: '9月底前完成甲' },
    ]);
  });

  it('keeps the text\'s order for steps due the same day', () => {
    expect(find('6月底前完成方案，6月底前完成招标。')).toEqual([
      { due: '2023-06-30', text: '6月底前完成方案' },
      { due: '2023-06-30', text: '6月底前完成招标' },
    ]);
  });

  it('takes the words before the date in its clause', () => {
    expect(find('推进科技成果转化并于6月底前完成评估。')).toEqual([{ due: '2023-06-30', text: '推进科技成果转化并于6月底前完成评估' }]);
  });

  it('a date alone before spaces and a comma takes the next clause', () => {
    expect(find('6月30日前 ，全面完成摸底调查。')).toEqual([{ due: '2023-06-30', text: '6月30日前 ，全面完成摸底调查' }]);
  });

  it('two characters after the date are the step\'s own words', () => {
    expect(find('6月30日前完成，全面推进。')).toEqual([{ due: '2023-06-30', text: '6月30日前完成' }]);
  });

  it('runs of spaces inside become one; spaces and emphasis marks at the edges go', () => {
    expect(find('6月底前完成  评估。')).toEqual([{ due: '2023-06-30', text: '6月底前完成 评估' }]);
    expect(find('**6月底前完成评估**。')).toEqual([{ due: '2023-06-30', text: '6月底前完成评估' }]);
  });

  it('keeps a step of exactly the longest length whole', () => {
    const text = `6月底前完成${'很'.repeat(74)}`;
    expect(find(`${text}。`)).toEqual([{ due: '2023-06-30', text }]);
  });
});
