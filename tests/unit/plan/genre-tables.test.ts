/** Tables as bureaus export them (issue #16, plans 2 and 4). Rows built in memory. */
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../../bot/domain/plan/parse-plan.js';
import { tableSource } from './helpers.js';

const PREFACE = ['某区科学技术局2023年重点工作任务分解表'];
const parse = (rows: string[][]) => parsePlan(tableSource(rows, PREFACE));
const facts = (rows: string[][]) =>
  parse(rows).tasks.map((t) => ({ code: t.code, title: t.title, lead: t.leadUnits, collaborators: t.collaborators, leaders: t.leaders }));

describe('task decomposition tables', () => {
  it('reads a 责任单位 column beside a 牵头（责任）单位 column as collaborators', () => {
    expect(
      facts([
        ['序号', '重点任务', '牵头（责任）单位', '责任单位', '完成时限'],
        ['1', '培育高新技术企业', '区科技局', '区财政局、区税务局', '2023年12月底'],
      ]),
    ).toEqual([{ code: '1', title: '培育高新技术企业', lead: ['区科技局'], collaborators: ['区财政局', '区税务局'], leaders: [] }]);
  });

  it('keeps a second task-text column in the body with its targets, the title from the name column', () => {
    const plan = parse([
      ['序号', '任务名称', '具体任务', '责任单位'],
      ['1', '培育高新技术企业', '组织申报辅导，全年新增高新技术企业20家。', '区科技局'],
    ]);
    const t = plan.tasks[0]!;
    expect([t.title, t.body, t.leadUnits]).toEqual(['培育高新技术企业', '组织申报辅导，全年新增高新技术企业20家。', ['区科技局']]);
    expect(t.targets.map((x) => [x.value, x.unit])).toEqual([[20, '家']]);
  });

  it.each([
    ['具体要求'],
    ['工作举措'],
  ])('reads a 「%s」 column as the body', (header) => {
    const t = parse([['序号', '任务名称', header], ['1', '培育高新技术企业', '全年新增高新技术企业20家。']]).tasks[0]!;
    expect([t.title, t.body]).toEqual(['培育高新技术企业', '全年新增高新技术企业20家。']);
  });

  it('numbers the rows of a table without a 序号 column', () => {
    expect(facts([['重点任务', '责任单位'], ['培育高新技术企业', '区科技局'], ['落实科技政策', '区科技局']]).map((t) => t.code)).toEqual(['1', '2']);
  });

  it('finds an unlabeled number column', () => {
    const rows = [['', '重点任务', '责任单位'], ['3', '培育高新技术企业', '区科技局'], ['4', '落实科技政策', '区科技局']];
    expect(facts(rows).map((t) => [t.code, t.title])).toEqual([['3', '培育高新技术企业'], ['4', '落实科技政策']]);
  });

  it('reads merged cells exported as empty cells below the first', () => {
    const plan = parse([
      ['序号', '领域', '重点任务', '具体措施', '责任单位'],
      ['1', '创新主体', '培育高新技术企业', '开展申报辅导。', '区科技局'],
      ['', '', '', '建立培育库。', ''],
      ['2', '', '落实科技政策', '开展政策宣讲10场。', '区财政局'],
      ['3', '创新生态', '建设创新平台', '新建研发平台5个。', '区经信委'],
    ]);
    expect(plan.sections.map((s) => s.title)).toEqual(['创新主体', '创新生态']);
    expect(plan.tasks.map((t) => [t.code, t.section, t.title, t.body, t.leadUnits])).toEqual([
      ['1', '1', '培育高新技术企业', '开展申报辅导。', ['区科技局']],
      ['1-2', '1', '培育高新技术企业', '建立培育库。', ['区科技局']],
      ['2', '1', '落实科技政策', '开展政策宣讲10场。', ['区财政局']],
      ['3', '2', '建设创新平台', '新建研发平台5个。', ['区经信委']],
    ]);
  });

  it.each([
    ['张三/李四', ['张三', '李四']],
    ['张三、李四', ['张三', '李四']],
    ['王 五', ['王五']],
    ['王  五', ['王五']],
  ])('reads a 责任人 cell 「%s」 as %j', (cell, leaders) => {
    expect(facts([['序号', '重点任务', '责任人'], ['1', '培育高新技术企业', cell]])[0]!.leaders).toEqual(leaders);
  });
});
