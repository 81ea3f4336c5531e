/** digestText: the CLI preview says what the card says, as plain text. */
import { beforeEach, describe, expect, it } from 'vitest';
import { buildDigest } from '../../../bot/domain/digest/build-digest.js';
import { digestText } from '../../../bot/domain/digest/digest-text.js';
import { digestTask, INJECTION, inputOf, report, seedInput } from './fixtures.js';

// Built before each test, not at import: a mutant under test (Stryker switches it on before the tests run) must
// reach what these tests read.
let text: string;
let lines: string[];
beforeEach(() => {
  text = digestText(buildDigest(seedInput()));
  lines = text.split('\n');
});
/** `n` lines of the text from the line `first` (none when it is missing). */
const linesFrom = (first: string, n: number) => (lines.includes(first) ? lines.slice(lines.indexOf(first), lines.indexOf(first) + n) : []);

describe('digestText', () => {
  it('opens with the plan, the week and the counts', () => {
    expect(lines.slice(0, 2)).toEqual([
      '重庆市綦江区科学技术局2022年工作要点 周报 · 第15周 4月11日–4月15日',
      '共23项 🔴4 🟡8 ⚪2 🟢9｜按计划 8 · 有风险 5 · 受阻 2 · 逾期 1 · 未报送 2 · 暂无进展 2 · 已完成（待确认） 1 · 已办结 1 · 已暂停 1｜时间进度28%',
    ]);
  });

  it('lists what falls due, and says 无 only when nothing does', () => {
    expect(linesFrom('【近两周到期】（10个工作日内）', 4)).toEqual([
      '【近两周到期】（10个工作日内）',
      '🟡 任务14 提高绿色产品比例 — 4月22日到期（还剩5个工作日） · 暂无进展',
      '🟢 任务8 组织项目申报 — 4月28日到期（还剩10个工作日） · 按计划',
      '',
    ]);
  });

  it('has every block in order: leaders, sections, due soon, not reported', () => {
    const order = ['【需要领导关注】', '== 🔴 一、着力培育创新主体（3项）', '== 🟢 七、全面抓好重点工作（1项）', '【近两周到期】（10个工作日内）', '【未报送】'].map((h) => lines.indexOf(h));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('gives each task its light, status, owners, numbers, words and changes', () => {
    expect(linesFrom('🔴 任务2 培育科技型企业｜有风险｜责任人2｜时限12月31日', 5)).toEqual([
      '🔴 任务2 培育科技型企业｜有风险｜责任人2｜时限12月31日',
      '    重庆市科技型企业 1500/2000家 · 完成目标的75%（较基数1500，仅首次填报，暂不评序时）',
      '    注册登记企业 20/120家 · 完成17%，时间28%，严重落后序时，序时应达34家',
      '    最新进展（4月13日）：「注册进度偏慢」',
      '    本周变化：按计划→有风险；🟢→🔴；注册登记企业 12→20',
    ]);
    expect(text).toContain('🔴 任务7 指导科技统计｜逾期｜责任人7｜时限3月31日（已逾期10个工作日）');
    expect(text).toContain('🔴 任务19 深化科技体制改革｜受阻｜责任人19｜时限2023年3月31日（原定12月31日）');
    expect(text).toContain('    技术合同成交额 2/11亿元 · 完成18%，时间28%（说明：技术合同集中在下半年签订）');
    expect(text).toContain('  王五：任务3 培育高成长企业、任务16 加强政府基金管理');
    const leaders = lines.slice(lines.indexOf('【需要领导关注】') + 1, lines.indexOf('【需要领导关注】') + 4);
    expect(leaders).toEqual([
      '🔴 任务2 培育科技型企业｜有风险（责任人2）',
      '    指标落后：注册登记企业 20/120家 · 完成17%，时间28%，严重落后序时，序时应达34家',
      '    有风险：「注册进度偏慢」',
    ]);
  });

  it('shows report words as typed, minus control characters', () => {
    expect(text).toContain(`「${INJECTION}」`);
    const task = digestTask('1', { reports: [report('2022-W15', '2022-04-14 10:00', 'on_track', 'ok\u001b[31mRED\u0007')] });
    const shown = digestText(buildDigest(inputOf([task])));
    expect(shown).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(shown).toContain('「ok [31mRED」');
  });
});

describe('digestText: the next milestone', () => {
  it('is a line under the task, its words clipped like any plan words', () => {
    const m = { id: 1, due: '2022-04-29', text: `4月底前完成评估${INJECTION}`, doneAt: null };
    const out = digestText(buildDigest(inputOf([digestTask('2', { milestones: [m] })])));
    const at = out.split('\n').findIndex((l) => l.includes('任务2 培育科技型企业'));
    expect(out.split('\n')[at + 1]).toMatch(/^ {4}下一节点：4月29日 4月底前完成评估.*（还剩11个工作日）$/);
  });
});

describe('digestText: a quiet week, whole', () => {
  it('says 无 where nothing needs leaders or falls due, and shows percent, 批示 and evidence', () => {
    const task = {
      ...digestTask('1', { reports: [report('2022-W15', '2022-04-14 10:00', 'on_track', '推进中', { percent: 40 })] }),
      instruction: { by: '何局长', date: '2022-04-14', text: '抓紧推进' },
      evidence: 2,
    };
    expect(digestText(buildDigest(inputOf([task])))).toBe([
      '重庆市綦江区科学技术局2022年工作要点 周报 · 第15周 4月11日–4月15日',
      '共1项 🟢1｜按计划 1 · 有风险 0 · 受阻 0 · 逾期 0 · 未报送 0｜时间进度28%',
      '',
      '【需要领导关注】',
      '  无',
      '',
      '== 🟢 一、着力培育创新主体（1项）',
      '🟢 任务1 培育高新技术企业｜按计划｜责任人1｜时限12月31日｜📎 2',
      '    自报进度 40%',
      '    最新进展（4月14日）：「推进中」',
      '    最新批示（何局长，4月14日）：「抓紧推进」',
      '',
      '【近两周到期】（10个工作日内）',
      '  无',
      '',
      '【未报送】',
      '  本期尚未催报',
      '',
    ].join('\n'));
  });
});
