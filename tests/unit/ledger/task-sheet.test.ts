/** The ledger's task row renders the engine's state: lifecycle, progress, light, reporting, deadline, each target's pace. */
import { describe, expect, it } from 'vitest';
import { taskState } from '../../../bot/domain/task-state/task-state.js';
import type { TaskStateInput } from '../../../bot/domain/task-state/types.js';
import { taskSheet, type LedgerTask } from '../../../bot/ledger/task-sheet.js';
import { ctxAt, report, target, task } from '../task-state/helpers.js';

const NOW = '2022-04-15T16:00:00'; // 70 of 2022's 249 working days gone (调休 included): time 28%
const W15 = '2022-W15';

function view(o: Partial<TaskStateInput>, now = NOW): LedgerTask {
  return {
    code: '1', shownCode: '1', title: '培育高新技术企业', section: { ordinal: '一', title: '着力培育创新主体', parentOrdinal: null },
    leadUnits: ['高新科'], collaboratorUnits: [], leaderNames: ['分管副局长'],
    owners: [{ personId: 1, name: '张敏', openId: null }], collaborators: [], leaders: [],
    state: taskState(task(o), ctxAt(now)),
  };
}

/** The row as { header: cell }, headers without their 「（截至…）」. */
function rowOf(v: LedgerTask, now = NOW, periodStart = '2022-01-01') {
  const sheet = taskSheet({ tasks: [v], sections: [], today: now.slice(0, 10), periodStart });
  return Object.fromEntries(sheet.columns.map((c, i) => [c.header.replace(/（.*$/, ''), sheet.rows[0]![i]]));
}

const tech = (history: [string, number][] = []) => target({ id: 2, kind: 'cumulative', label: '科技成果登记', value: 70, unit: '项', history });
const money = (history: [string, number][] = []) => target({ id: 3, kind: 'money', label: '技术合同登记', value: 11, unit: '亿元', history });

describe('state, light and reporting words', () => {
  it.each([
    ['a fresh task: nobody asked, nothing to judge', {}, '暂无进展', '无灯（尚无进展）', '本期未催报'],
    ['asked and not reported', { askedPeriods: [W15] }, '未报送', '黄灯（本期未报送）', '未报送'],
    ['reported on track', { askedPeriods: [W15], reports: [report('2022-04-12', { period: W15, status: 'on_track' })] }, '按计划', '绿灯（按计划推进）', '已报送'],
    ['blocked', { reports: [report('2022-04-12', { period: W15, status: 'blocked' })] }, '受阻', '红灯（受阻）', '已报送'],
    ['an owner said done: awaiting confirmation', { lifecycle: 'done_pending' as const, askedPeriods: [W15] }, '已完成（待确认）', '绿灯（已报完成，待确认办结）', '无需报送'],
    ['closed (办结)', { lifecycle: 'closed' as const }, '已办结', '绿灯（已办结）', '无需报送'],
    ['paused', { lifecycle: 'paused' as const, askedPeriods: [W15] }, '已暂停', '无灯（已暂停）', '无需报送'],
    ['overdue', { deadline: '2022-04-08', plannedDeadline: '2022-04-08' }, '逾期', '红灯（已逾期 5 个工作日）', '本期未催报'],
    ['every owner on leave', { askedPeriods: [W15], owners: [{ personId: 1, name: '张敏', leave: [{ from: '2022-04-11', to: '2022-04-22' }] }] }, '暂无进展', '无灯（尚无进展）', '请假'],
    ['no check-ins', { cadence: 'off' as const }, '暂无进展', '无灯（尚无进展）', '不催报'],
  ])('%s', (_what, o, state, light, reported) => {
    expect(rowOf(view(o))).toMatchObject({ 状态: state, 亮灯: light, 本期报送: reported });
  });

  it('the last report made by the moment, its date with the year', () => {
    const row = rowOf(view({ reports: [report('2022-04-12', { period: W15, rawText: '进展顺利' }), report('2022-04-18', { period: '2022-W16', rawText: '之后的话' })] }));
    expect(row).toMatchObject({ 最近填报日期: '2022年4月12日', 最近填报内容: '进展顺利' });
  });
});

describe('deadline', () => {
  it.each([
    ['the plan’s own', { deadline: '2022-12-31', plannedDeadline: '2022-12-31' }, '2022年12月31日'],
    ['extended into the next year: both, with their years', { deadline: '2023-03-31', plannedDeadline: '2022-12-31' }, '2023年3月31日（原定2022年12月31日，已延期）'],
  ])('%s', (_what, o, word) => expect(rowOf(view(o))['完成时限']).toBe(word));
});

describe('targets: latest, 序时应达 and pace from the engine', () => {
  it.each([
    ['nothing reported: 「—」 where the engine has no measure', [tech()], '—', '—', '—'],
    ['a running total: whole 项, done against time', [tech([['2022-04-10', 45]])], '45项', '20项', '完成64%，时间28%'],
    ['money far behind: two decimals, 严重落后序时', [money([['2022-04-10', 0.85]])], '0.85亿元', '3.09亿元', '完成8%，时间28%，严重落后序时'],
    ['a level from the plan’s baseline', [target({ baseline: 118, history: [['2022-04-10', 120]] })], '120家', '124家', '完成目标的86%，较年初118完成9%，时间28%，严重落后序时'],
    ['a level with only its first report: the baseline, no pace', [target({ history: [['2022-04-10', 118]] })], '118家', '—', '完成目标的84%（较基数118，仅首次填报，暂不评序时）'],
    ['a rate: the rate itself', [target({ kind: 'percent', label: '研发投入强度', value: 2.1, unit: '%', history: [['2022-04-10', 1.9]] })], '1.9%', '—', '完成目标的90%'],
    ['a cap', [target({ kind: 'percent', comparator: 'at_most', label: '失业率', value: 5.5, unit: '%', history: [['2022-04-10', 4.8]] })], '4.8%', '—', '未超上限'],
    ['a lumpy target explained by its owner', [target({ id: 2, kind: 'cumulative', label: '科技成果登记', value: 70, unit: '项', history: [['2022-04-10', 5]], paceNote: '集中在四季度' })], '5项', '20项', '完成7%，时间28%（说明：集中在四季度）'],
  ])('%s', (_what, targets, latest, expected, pace) => {
    expect(rowOf(view({ targets }))).toMatchObject({ 最新值: latest, 序时应达: expected, 序时进度: pace });
  });

  it('several targets: one numbered line each, reading across the columns', () => {
    const row = rowOf(view({ targets: [tech([['2022-04-10', 45]]), money([['2022-04-10', 0.85]])] }));
    expect(row).toMatchObject({
      指标: '①科技成果登记 ≥70项\n②技术合同登记 ≥11亿元',
      最新值: '①45项\n②0.85亿元',
      序时应达: '①20项\n②3.09亿元',
      序时进度: '①完成64%，时间28%\n②完成8%，时间28%，严重落后序时',
      亮灯: '红灯（指标「技术合同登记」严重落后序时）',
    });
  });

  it('a plan that does not start on 1 January measures a level 「较期初」', () => {
    const half = { start: '2022-07-01', end: '2022-12-31' };
    const v = { ...view({}), state: taskState(task({ targets: [target({ baseline: 118, history: [['2022-09-30', 130]] })] }), ctxAt('2022-09-30', half)) };
    expect(rowOf(v, '2022-09-30', '2022-07-01')['序时进度']).toMatch(/^完成目标的93%，较期初118完成55%，时间\d+%/);
  });

  it('the pace column is headed with the moment the state was taken, never the wall clock', () => {
    const sheet = taskSheet({ tasks: [view({}, '2022-04-15T16:00:00')], sections: [], today: '2022-04-15', periodStart: '2022-01-01' });
    expect(sheet.columns.map((c) => c.header)).toContain('序时进度（截至2022年4月15日）');
  });
});
