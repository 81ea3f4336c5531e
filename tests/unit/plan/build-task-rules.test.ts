/**
 * One task from its text (bot/domain/plan/build-task.ts), rule by rule: where the title ends, which units
 * collaborate, which deadline wins and when a span gives a start, and what is cut at the limits (with a warning).
 * Every expectation follows from the rule the case names.
 */
import { describe, expect, it } from 'vitest';
import { buildTask, splitTitle, type TaskDraft } from '../../../bot/domain/plan/build-task.js';
import { LIMITS } from '../../../bot/domain/plan/limits.js';

const period = { year: 2022, end: '2022-12-31' };
const draft = (text: string, extra: TaskDraft['extra'] = {}): TaskDraft => ({ code: '1', number: 1, section: null, text, extra });
const build = (text: string, extra: TaskDraft['extra'] = {}) => {
  const warnings: string[] = [];
  return { task: buildTask(draft(text, extra), period, warnings), warnings };
};

describe('splitTitle', () => {
  it.each([
    ['  培育高新技术企业。全年新增20家。 ', '培育高新技术企业', '全年新增20家。'],
    ['培育夜间经济，打造夜间消费集聚区2个', '培育夜间经济，打造夜间消费集聚区2个', ''],
    // A sentence headed by a phrase that names the work without measuring it.
    ['推进“双美”建设，实施4个项目；完成验收', '推进“双美”建设', '实施4个项目；完成验收'],
    ['深化科技体制改革；拟定方案，推进落实', '深化科技体制改革', '拟定方案，推进落实'],
    // Clauses that measure are peers: the sentence is the title.
    ['新增充电设施50个；改造老旧小区3个', '新增充电设施50个；改造老旧小区3个', ''],
    // A break first in the text leaves an empty title.
    ['。培育企业', '', '培育企业'],
    ['；深化改革', '', '深化改革'],
    ['，深化改革；拟定方案', '', '深化改革；拟定方案'],
    // Emphasis is not part of the title; the marks after the title are not part of the body, only those.
    ['**培育**高新技术企业**。全年新增，20家。', '培育高新技术企业', '全年新增，20家。'],
    ['培育企业。。全年新增', '培育企业', '全年新增'],
  ])('%s', (text, title, body) => expect(splitTitle(text)).toEqual({ title, body }));
});

describe('buildTask: collaborators', () => {
  it('a unit the prose names is the one a label states, in either spelling', () => {
    expect(build('推进成果转化。协调区经信、财政等部门做好服务。（配合单位：区财政局）').task.collaborators).toEqual(['区财政局', '区经信']);
    expect(build('推进成果转化。配合区经信委做好服务。（配合单位：区经信）').task.collaborators).toEqual(['区经信']);
  });

  it('the prose alone names collaborators too', () => {
    expect(build('推进成果转化。配合区金融办做好服务。').task.collaborators).toEqual(['区金融办']);
  });

  it('the lead unit does not collaborate with itself', () => {
    expect(build('推进成果转化。（牵头单位：区科技局；配合单位：区科技局、区财政局）').task).toMatchObject({ leadUnits: ['区科技局'], collaborators: ['区财政局'] });
  });

  it('names are trimmed, blank ones dropped, each kept once', () => {
    expect(build('推进成果转化。', { leader: ['', ' 张三 ', '张三', '李四'] }).task.leaders).toEqual(['张三', '李四']);
  });
});

describe('buildTask: the deadline', () => {
  it('the latest of the stated deadlines wins, with its words; an equal one keeps the first', () => {
    expect(build('推进成果转化。', { deadline: ['2022年6月底', '2022年9月底'] }).task).toMatchObject({ deadline: '2022-09-30', deadlineText: '2022年9月底' });
    expect(build('推进成果转化。', { deadline: ['2022年9月底', '2022年6月底'] }).task).toMatchObject({ deadline: '2022-09-30', deadlineText: '2022年9月底' });
    expect(build('推进成果转化。', { deadline: ['6月底', '2022年6月30日'] }).task).toMatchObject({ deadline: '2022-06-30', deadlineText: '6月底' });
    expect(build('推进成果转化。', { deadline: ['2022年6月底', '按上级要求'] }).task).toMatchObject({ deadline: '2022-06-30', deadlineText: '2022年6月底' });
  });

  it('a stated span gives the task its start, from whichever deadline states one', () => {
    expect(build('推进成果转化。', { deadline: ['2022年12月底', '2022年4月—6月'] }).task).toMatchObject({ deadline: '2022-12-31', startDate: '2022-04-01' });
    // A span of one day starts on its deadline.
    expect(build('推进成果转化。', { deadline: ['2022年6月30日至6月30日'] }).task).toMatchObject({ deadline: '2022-06-30', startDate: '2022-06-30' });
    expect(build('推进成果转化。', { deadline: ['2022年6月底'] }).task.startDate).toBe(null);
  });
});

describe('buildTask: limits', () => {
  const targets = (n: number) => Array.from({ length: n }, (_, i) => `新增企业${i + 1}家`).join('，');

  it(`keeps ${LIMITS.targetsPerTask} targets without a word, and cuts one more with a warning`, () => {
    expect(build(`推进成果转化。${targets(LIMITS.targetsPerTask)}。`)).toMatchObject({ warnings: [] });
    const over = build(`推进成果转化。${targets(LIMITS.targetsPerTask + 1)}。`);
    expect(over.task.targets).toHaveLength(LIMITS.targetsPerTask);
    expect(over.warnings).toEqual([`任务1的指标超过 ${LIMITS.targetsPerTask} 个，只保留了前 ${LIMITS.targetsPerTask} 个。`]);
  });

  it(`keeps ${LIMITS.namesPerTask} names of each kind, and cuts the rest of a kind with a warning`, () => {
    const units = (n: number, kind: string) => Array.from({ length: n }, (_, i) => `${kind}${i + 1}局`);
    const exact = build('推进成果转化。', { lead: units(LIMITS.namesPerTask, '甲'), collaborator: units(LIMITS.namesPerTask, '乙'), leader: units(LIMITS.namesPerTask, '丙') });
    expect(exact.warnings).toEqual([]);
    expect(exact.task.leaders).toHaveLength(LIMITS.namesPerTask);
    const over = build('推进成果转化。', { lead: units(LIMITS.namesPerTask + 1, '甲'), collaborator: units(LIMITS.namesPerTask + 2, '乙'), leader: units(LIMITS.namesPerTask + 1, '丙') });
    expect(over.task.leadUnits).toEqual(units(LIMITS.namesPerTask, '甲'));
    expect(over.task.collaborators).toEqual(units(LIMITS.namesPerTask, '乙'));
    expect(over.task.leaders).toEqual(units(LIMITS.namesPerTask, '丙'));
    expect(over.warnings).toEqual(['牵头单位', '配合单位', '责任领导'].map((w) => `任务1的${w}超过 ${LIMITS.namesPerTask} 个，只保留了前 ${LIMITS.namesPerTask} 个。`));
  });

  it(`keeps ${LIMITS.milestonesPerTask} milestones without a word`, () => {
    const steps = Array.from({ length: LIMITS.milestonesPerTask }, (_, i) => `${i + 1}月10日前完成第${i + 1}批`).join('，');
    const r = build(`推进成果转化。${steps}。`, { deadline: ['2022年12月31日'] });
    expect(r.task.milestones).toHaveLength(LIMITS.milestonesPerTask);
    expect(r.warnings).toEqual([]);
  });
});
