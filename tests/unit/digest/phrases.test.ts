/**
 * Each digest phrase as a whole string (the plain writer of the CLI text), one rule per case: which
 * words a reason, a change, an owner list, a deadline or a milestone gives, where each stops, and at
 * which boundary it turns. States come from the engine (digestTask), as the digest gets them.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { AttentionReason, DigestChange, DueItem } from '../../../bot/domain/digest/model.js';
import {
  changePhrase, deadlinePhrase, duePhrase, laterPhrase, milestonePhrase, noneMissingWords, ownersPhrase, plainWriter as w, reasonPhrase,
  SAY_DAYS_LEFT, targetPhrase, type Dated,
} from '../../../bot/domain/digest/phrases.js';
import { bj, contextAt, digestTask, target, type TaskSpec } from './fixtures.js';

const d: Dated = { today: '2022-04-15', plan: { id: 1, title: '工作要点', year: 2022, periodStart: '2022-01-01', periodEnd: '2022-12-31' } };
/** The engine's state of task 1 with `spec`, on Friday 15 April 2022, 16:00 Beijing time. */
const stateOf = (spec: TaskSpec) => digestTask('1', spec).state;

describe('changePhrase', () => {
  const cases: [DigestChange, string][] = [
    [{ kind: 'status', from: 'on_track', to: 'at_risk' }, '按计划→有风险'],
    [{ kind: 'status', from: 'missing', to: 'done_pending' }, '未报送→已完成（待确认）'],
    [{ kind: 'light', from: 'green', to: 'red' }, '🟢→🔴'],
    [{ kind: 'value', targetId: 1, label: '有效期高企', unit: '家', from: 112, to: 118 }, '有效期高企 112→118'],
    [{ kind: 'value', targetId: 1, label: '技术合同成交额', unit: '亿元', from: null, to: 2.456 }, '技术合同成交额 —→2.46'],
    [{ kind: 'value', targetId: 1, label: '技术合同成交额', unit: '亿元', from: 3.1, to: null }, '技术合同成交额 3.1→—'],
    [{ kind: 'value', targetId: 1, label: '一个很长很长很长很长很长很长的指标的名称呀', unit: '项', from: 1, to: 2 }, '一个很长很长很长很长很长很长的指标的名… 1→2'],
  ];
  it.each(cases)('%j → %s', (c, says) => expect(changePhrase(c, w)).toBe(says));
});

describe('ownersPhrase', () => {
  const owner = (name: string, onLeave = false) => ({ personId: name.length, name, onLeave });
  const cases: [string, Parameters<typeof ownersPhrase>[0], number, string][] = [
    ['owners, one on leave', { owners: [owner('张三'), owner('李四', true)], leadUnits: ['高新科'] }, 3, '张三、李四（休假）'],
    ['exactly as many as shown', { owners: [owner('张三'), owner('李四'), owner('王五')], leadUnits: [] }, 3, '张三、李四、王五'],
    ['more owners than shown: 等N人', { owners: [owner('张三'), owner('李四'), owner('王五'), owner('赵六')], leadUnits: [] }, 2, '张三、李四等4人'],
    ['no owner: the lead units', { owners: [], leadUnits: ['高新科', '平台科'] }, 3, '高新科、平台科'],
    ['more lead units than shown: 等N个单位', { owners: [], leadUnits: ['高新科', '平台科', '农村科'] }, 1, '高新科等3个单位'],
    ['neither', { owners: [], leadUnits: [] }, 3, '未指定责任人'],
  ];
  it.each(cases)('%s', (_what, task, max, says) => expect(ownersPhrase(task, w, max)).toBe(says));
});

describe('laterPhrase', () => {
  it('null when nobody asked to report later', () => {
    expect(laterPhrase({ state: stateOf({}), owners: [] }, w, d)).toBeNull();
  });

  it('names each owner who asked, with the day; one not among the owners any more is shown without a name', () => {
    const state = stateOf({});
    state.reporting.later = [
      { personId: 1, until: bj('2022-04-18 09:30'), date: '2022-04-18', ask: null },
      { personId: 2, until: bj('2023-01-03 09:30'), date: '2023-01-03', ask: null },
    ];
    expect(laterPhrase({ state, owners: [{ personId: 1, name: '张敏', onLeave: false }] }, w, d)).toBe('本期报送：张敏已延后至 4月18日；已延后至 2023年1月3日');
  });
});

describe('milestonePhrase', () => {
  const cases: [number, string][] = [
    [12, '下一节点：6月30日 完成评估（还剩12个工作日）'],
    [1, '下一节点：6月30日 完成评估（还剩1个工作日）'],
    [0, '下一节点：6月30日 完成评估（今天到期）'],
    [-3, '下一节点：6月30日 完成评估（已逾期3个工作日）'],
  ];
  it.each(cases)('%i working days left → %s', (left, says) => {
    expect(milestonePhrase({ id: 1, due: '2022-06-30', text: '完成评估', workdaysLeft: left, daysLeft: Math.sign(left) * 30 }, w, d)).toBe(says);
  });
});

describe('deadlinePhrase', () => {
  const cases: [string, TaskSpec, string][] = [
    ['far off: the date alone', { deadline: '2022-12-31' }, '时限12月31日'],
    ['another year: with its year', { deadline: '2023-03-31' }, '时限2023年3月31日'],
    // Sunday 24 April 2022 was a working day (调休 for 劳动节).
    [`${SAY_DAYS_LEFT} working days left: said`, { deadline: '2022-04-28' }, '时限4月28日（还剩10个工作日）'],
    [`${SAY_DAYS_LEFT + 1} working days left: not said`, { deadline: '2022-04-29' }, '时限4月29日'],
    ['the deadline today', { deadline: '2022-04-15' }, '时限4月15日（今天到期）'],
    // 1, 2 (Saturday, 调休 for 清明), 6–8 and 11–15 April.
    ['past, active: overdue by the engine’s working days', { deadline: '2022-03-31' }, '时限3月31日（已逾期10个工作日）'],
    ['extended: the planned date', { deadline: '2023-03-31', plannedDeadline: '2022-12-31' }, '时限2023年3月31日（原定12月31日）'],
    ['extended and near', { deadline: '2022-04-20', plannedDeadline: '2022-03-31' }, '时限4月20日（原定3月31日，还剩3个工作日）'],
    ['past but closed: no lateness', { deadline: '2022-03-31', lifecycle: 'closed' }, '时限3月31日'],
    ['near but paused: no days', { deadline: '2022-04-20', lifecycle: 'paused' }, '时限4月20日'],
  ];
  it.each(cases)('%s', (_what, spec, says) => expect(deadlinePhrase({ state: stateOf(spec) }, w, d)).toBe(says));

  it('a weekend beside the deadline: passed on the Saturday after it, ahead on the Friday before it', () => {
    const saturday = digestTask('1', { deadline: '2022-04-15' }, contextAt(bj('2022-04-16 10:00'))).state;
    expect(deadlinePhrase({ state: saturday }, w, { ...d, today: '2022-04-16' })).toBe('时限4月15日（已过完成时限）');
    expect(deadlinePhrase({ state: stateOf({ deadline: '2022-04-17' }) }, w, d)).toBe('时限4月17日（2天后到期）');
  });
});

describe('reasonPhrase', () => {
  let lagging: AttentionReason;
  beforeEach(() => {
    const state = stateOf({ targets: [target(1, '注册企业', 100, '家', 'cumulative', [['2022-04-14 10:00', 10]])] });
    lagging = { kind: 'far_behind', target: state.targets[0]! };
  });

  const cases: [AttentionReason, number, string][] = [
    [{ kind: 'overdue', deadline: '2022-03-31', workdays: 11 }, 40, '已逾期11个工作日（时限3月31日）'],
    [{ kind: 'blocked', words: '缺少场地' }, 40, '受阻：「缺少场地」'],
    [{ kind: 'blocked', words: '缺少场地' }, 0, '受阻'],
    [{ kind: 'blocked', words: null }, 40, '受阻'],
    [{ kind: 'at_risk', words: '设备未到位，需要协调' }, 5, '有风险：「设备未到…」'],
    [{ kind: 'at_risk', words: '' }, 40, '有风险'],
    [{ kind: 'not_started' }, 40, '尚未启动，已落后序时'],
    [{ kind: 'missing' }, 40, '本期未报送'],
    [{ kind: 'returned' }, 40, '报送已退回，待补充'],
    [{ kind: 'due_soon', deadline: '2022-04-20', workdays: 3, daysLeft: 5 }, 40, '即将到期：还剩3个工作日（时限4月20日）'],
    [{ kind: 'due_soon', deadline: '2022-04-15', workdays: 0, daysLeft: 0 }, 40, '今天到期（时限4月15日）'],
    [{ kind: 'due_soon', deadline: '2022-04-17', workdays: 0, daysLeft: 2 }, 40, '2天后到期（时限4月17日）'],
    [{ kind: 'extension', by: '赵六', to: '2023-03-31', reason: '设备未到位' }, 40, '申请延期至2023年3月31日（赵六：设备未到位）'],
    [{ kind: 'extension', by: '赵六', to: '2022-06-30', reason: '设备未到位' }, 0, '申请延期至6月30日（赵六）'],
    [{ kind: 'extension', by: '赵六', to: '明年一季度', reason: '' }, 40, '申请延期至明年一季度（赵六）'],
    // Only a whole ISO date is a date: words that contain one stay words.
    [{ kind: 'extension', by: '赵六', to: '约2023-03-31', reason: '' }, 40, '申请延期至约2023-03-31（赵六）'],
    [{ kind: 'extension', by: '赵六', to: '2023-03-31前后', reason: '' }, 40, '申请延期至2023-03-31前后（赵六）'],
  ];
  it.each(cases)('%j (words up to %i) → %s', (r, wordsMax, says) => expect(reasonPhrase(r, w, wordsMax, d)).toBe(says));

  it('a lagging target in the words of the target line', () => {
    expect(reasonPhrase(lagging, w, 40, d)).toBe('指标落后：注册企业 10/100家 · 完成10%，时间28%，严重落后序时，序时应达28家');
    expect(reasonPhrase({ ...lagging, kind: 'lagging' } as AttentionReason, w, 40, d)).toBe('指标落后：注册企业 10/100家 · 完成10%，时间28%，严重落后序时，序时应达28家');
  });
});

describe('targetPhrase', () => {
  it('nothing reported: 未填报, with the owner’s note when there is one', () => {
    const [plain, noted] = stateOf({
      targets: [target(1, '注册企业', 100, '家', 'cumulative'), target(2, '技术合同成交额', 11, '亿元', 'money', [], { paceNote: '集中在下半年签订' })],
    }).targets;
    expect(targetPhrase(plain!, w, d)).toBe('注册企业 —/100家（未填报）');
    expect(targetPhrase(noted!, w, d)).toBe('技术合同成交额 —/11亿元（未填报）（说明：集中在下半年签订）');
  });

  it('a trend is told with its number of weeks', () => {
    const [g] = stateOf({ targets: [target(1, '注册企业', 100, '家', 'cumulative', [['2022-04-14 10:00', 30]])] }).targets;
    expect(targetPhrase(g!, w, d, '▁▃▅')).toBe('注册企业 30/100家 · 完成30%，时间28% · 近3周 ▁▃▅');
    expect(targetPhrase(g!, w, d, '')).toBe('注册企业 30/100家 · 完成30%，时间28%');
  });
});

describe('duePhrase', () => {
  const item = (deadline: string, workdaysLeft: number): DueItem => ({
    taskId: 7, code: '7', shownCode: '7', title: '指导科技统计', deadline, workdaysLeft, status: 'on_track', light: 'yellow',
  });
  it('today, or the day with the working days left', () => {
    expect(duePhrase(item('2022-04-15', 0), w, 40, d)).toBe('🟡 任务7 指导科技统计 — 今天到期 · 按计划');
    expect(duePhrase(item('2022-04-17', 0), w, 40, d)).toBe('🟡 任务7 指导科技统计 — 4月17日到期 · 按计划');
    expect(duePhrase(item('2022-04-29', 10), w, 40, d)).toBe('🟡 任务7 指导科技统计 — 4月29日到期（还剩10个工作日） · 按计划');
    expect(duePhrase(item('2022-04-29', 10), w, 4, d)).toBe('🟡 任务7 指导科… — 4月29日到期（还剩10个工作日） · 按计划');
  });
});

describe('noneMissingWords', () => {
  it('nobody asked, everyone asked reported, or those not reporting all on leave', () => {
    expect(noneMissingWords({ asked: 0, reported: 0, missing: 0, onLeave: 0 })).toBe('本期尚未催报');
    expect(noneMissingWords({ asked: 5, reported: 5, missing: 0, onLeave: 0 })).toBe('本期已全部报送');
    expect(noneMissingWords({ asked: 5, reported: 3, missing: 0, onLeave: 2 })).toBe('本期无未报送（2项的责任人均在休假）');
  });
});

describe('the plain writer', () => {
  it('drops control characters from every string it is given, and clips plan words', () => {
    expect(w.t`任务${'a\u001b[31mb'}：${3}`).toBe('任务a [31mb：3');
    expect(w.esc('  多个   空格\n换行  ', 40)).toBe('多个 空格 换行');
    expect(w.esc('一二三四五', 3)).toBe('一二…');
    expect(w.join(['甲', '乙'], '；')).toBe('甲；乙');
  });
});
