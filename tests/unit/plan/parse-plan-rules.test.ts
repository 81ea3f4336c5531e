/**
 * The parser's entry and the prose plan's assembly (bot/domain/plan/parse-plan.ts, parse-prose.ts), and the
 * bounds' wording (limits.ts, limits-check.ts), rule by rule: a byte-order mark is no part of the title, an
 * empty text is refused, text pasted from a spreadsheet (tab-separated, with a task header, three columns
 * or more) is read as a table, anything else as prose; old Mac line ends are line ends; a section heading
 * that names a leader leads every task under its sub-sections too. Every expectation follows from the rule
 * the case names.
 */
import { describe, expect, it } from 'vitest';
import { formatMb } from '../../../bot/domain/plan/limits.js';
import { checkSourceSize } from '../../../bot/domain/plan/limits-check.js';
import { parsePlan } from '../../../bot/domain/plan/parse-plan.js';
import { PlanError, type ParsedPlan } from '../../../bot/domain/plan/types.js';

const text = (t: string, name = '工作要点.txt') => parsePlan({ kind: 'text', name, text: t }, { fallbackYear: 2023 });
const brief = (p: ParsedPlan) => p.tasks.map((t) => ({ code: t.code, leadUnits: t.leadUnits, deadline: t.deadline }));
const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof PlanError ? e.message : `not a PlanError: ${String(e)}`;
  }
  return null;
};

const PROSE = ['某区科技局2023年工作要点', '一、科技创新', '1.推进高新技术企业培育，全年新增高新技术企业20家。', '2.开展科技特派员服务。'];

describe('parsePlan: what the text is', () => {
  it('drops a byte-order mark before the title', () => {
    expect(text(`\uFEFF${PROSE.join('\n')}`).plan.title).toBe('某区科技局2023年工作要点');
  });

  it('refuses a text that is only blanks, or only a byte-order mark, as empty', () => {
    const empty = '文件是空的：没有可以导入的内容。';
    expect(refusal(() => text(' \n\t\n　'))).toBe(empty);
    expect(refusal(() => text('\uFEFF'))).toBe(empty);
  });

  it('reads tab-separated text with a task header in its first row as a table (LF line ends)', () => {
    const rows = ['序号\t重点工作任务\t牵头单位\t完成时限', '1\t推进高新技术企业培育\t区科技局\t2023年6月底', '2\t开展科技特派员服务\t区农业农村委\t2023年11月底'];
    const p = text(rows.join('\n'), '任务分解表.txt');
    expect(brief(p)).toEqual([
      { code: '1', leadUnits: ['区科技局'], deadline: '2023-06-30' },
      { code: '2', leadUnits: ['区农业农村委'], deadline: '2023-11-30' },
    ]);
    // No title line above the header: the file's name is the title.
    expect(p.plan.title).toBe('任务分解表');
  });

  it('reads it as a table too with CRLF line ends, a title row above the header, and three columns', () => {
    const rows = ['某区科技局2023年重点工作任务分解表', '序号\t重点工作任务\t牵头单位', '1\t推进高新技术企业培育\t区科技局', '2\t开展科技特派员服务\t区农业农村委'];
    const p = text(rows.join('\r\n'));
    expect(p.tasks.map((t) => [t.code, t.title, t.leadUnits])).toEqual([
      ['1', '推进高新技术企业培育', ['区科技局']],
      ['2', '开展科技特派员服务', ['区农业农村委']],
    ]);
    expect(p.plan.title).toBe('某区科技局2023年重点工作任务分解表');
  });

  it('reads tabs without a task header, or a header of two columns, as prose', () => {
    // A prose plan whose lines hold tabs (a signature block laid out with them): no header, so prose.
    const tabbed = [...PROSE, '某区科技局\t\t2023年1月5日'];
    expect(text(tabbed.join('\n')).tasks.map((t) => t.code)).toEqual(['1', '2']);
    // 「重点工作任务」 and 「牵头单位」 name a header, but no row has three cells: prose, which finds no numbered task.
    const twoColumns = ['重点工作任务\t牵头单位', '推进高新技术企业培育\t区科技局'];
    expect(refusal(() => text(twoColumns.join('\n')))).toMatch(/^没有识别到任何任务/);
  });
});

describe('parseProse: line ends and leaders of sections', () => {
  it('takes a lone carriage return (old Mac text) as a line end', () => {
    expect(text(PROSE.join('\r')).tasks.map((t) => [t.code, t.title])).toEqual(text(PROSE.join('\n')).tasks.map((t) => [t.code, t.title]));
    expect(text(PROSE.join('\r')).tasks).toHaveLength(2);
  });

  it('gives the leader a section heading names to the tasks of its sub-sections, and none to the next section', () => {
    const p = text(['某区科技局2023年工作要点', '一、王强副区长牵头重点工作', '（一）科技创新', '1.推进高新技术企业培育。', '（二）成果转化', '2.开展技术合同登记。', '二、科技服务', '3.开展科技特派员服务。'].join('\n'));
    expect(p.tasks.map((t) => [t.code, t.leaders])).toEqual([
      ['1', ['王强']],
      ['2', ['王强']],
      ['3', []],
    ]);
  });

  it('a section with no numbered task is one task: its text is the paragraph under the heading', () => {
    const p = text(['某区科技局2023年工作要点', '一、科技创新', '1.推进高新技术企业培育。', '二、推进创新平台建设', '加快建设科技企业孵化器，全年新增孵化器2个。'].join('\n'));
    const whole = p.tasks.find((t) => t.code === '二')!;
    expect([whole.title, whole.body]).toEqual(['推进创新平台建设', '加快建设科技企业孵化器，全年新增孵化器2个。']);
  });
});

describe('bounds', () => {
  it('formatMb: whole KB below a megabyte (at least 1), one decimal below 10 MB, whole MB from there', () => {
    expect(formatMb(100)).toBe('1 KB');
    expect(formatMb(1024 * 1024 - 1)).toBe('1024 KB');
    expect(formatMb(1024 * 1024)).toBe('1 MB');
    expect(formatMb(1.5 * 1024 * 1024)).toBe('1.5 MB');
    expect(formatMb(9.94 * 1024 * 1024)).toBe('9.9 MB');
    expect(formatMb(12.3 * 1024 * 1024)).toBe('12 MB');
  });

  it('checkSourceSize counts a table\'s cells, an empty cell of a sparse row as none', () => {
    // eslint-disable-next-line no-sparse-arrays
    const sparse = [[, '推进'], ['x'.repeat(10)]] as string[][];
    expect(() => checkSourceSize({ kind: 'table', name: 'a.xlsx', rows: sparse, preface: [] })).not.toThrow();
    expect(refusal(() => checkSourceSize({ kind: 'table', name: 'a.xlsx', rows: [['x'.repeat(3_000_001)]], preface: [] }))).toBe(
      '内容过长（约 3,000,001 字）：一份工作要点不能超过 3,000,000 字。',
    );
  });

  it('a PlanError says what it is', () => {
    expect(new PlanError('x').name).toBe('PlanError');
  });
});
