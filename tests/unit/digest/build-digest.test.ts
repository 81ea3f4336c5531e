/** buildDigest over the engine's states of the seed plan at 2022-04-15 16:00: counts, lights, lists, changes, chart. */
import { beforeEach, describe, expect, it } from 'vitest';
import { buildDigest } from '../../../bot/domain/digest/build-digest.js';
import type { DigestModel, DigestTask } from '../../../bot/domain/digest/model.js';
import { DEFAULT_DIGEST } from '../../../bot/domain/digest/types.js';
import { CODES, digestTask, INJECTION, inputOf, report, seedInput, TIME_SHARE } from './fixtures.js';

// Built before each test, not at import: a mutant under test (Stryker switches it on before the tests run) must
// reach the model these tests read.
let model: DigestModel;
let tasks: Map<string, DigestTask>;
beforeEach(() => {
  model = buildDigest(seedInput());
  tasks = new Map(model.sections.flatMap((s) => s.tasks).map((t) => [t.code, t]));
});
const get = (code: string): DigestTask => {
  const t = tasks.get(code);
  if (!t) throw new Error(`no task ${code}`);
  return t;
};

describe('header and counts', () => {
  it('names the plan and the week with its working days', () => {
    expect(model.header).toMatchObject({ weekId: '2022-W15', weekNumber: 15, weekLabel: '第15周 4月11日–4月15日', today: '2022-04-15' });
    expect(model.header.plan.title).toBe('重庆市綦江区科学技术局2022年工作要点');
    expect(model.header.timeShare).toBeCloseTo(TIME_SHARE, 12);
  });

  it('counts tasks by what their line says (lifecycle, else progress) and by the engine’s light', () => {
    expect(model.total).toBe(23);
    expect(model.counts).toEqual({ on_track: 8, not_started: 0, at_risk: 5, blocked: 2, overdue: 1, missing: 2, unknown: 2, done: 0, done_pending: 1, closed: 1, paused: 1 });
    expect(model.lights).toEqual({ red: 4, yellow: 8, none: 2, green: 9 });
    expect(model.worst).toBe('red');
  });

  it('sums the period’s reporting from each task’s reporting', () => {
    expect(model.reporting).toEqual({ asked: 6, reported: 3, missing: 2, onLeave: 1 });
  });
});

describe('each task renders its engine state', () => {
  const table: [string, DigestTask['status'], DigestTask['state']['light'], string][] = [
    ['1', 'on_track', 'green', 'a level on pace from its first report'],
    ['2', 'at_risk', 'red', 'a running total far behind pace outweighs at_risk'],
    ['3', 'missing', 'yellow', 'asked, never reported'],
    ['4', 'blocked', 'red', 'blocked this week'],
    ['5', 'on_track', 'green', 'not asked: last week’s status carries; a plan baseline'],
    ['6', 'on_track', 'yellow', 'one target lagging'],
    ['7', 'overdue', 'red', 'deadline 3月31日 passed'],
    ['8', 'on_track', 'green', 'due in 10 working days, on track'],
    ['9', 'at_risk', 'yellow', 'asked but the only owner is on leave: the earlier status carries'],
    ['10', 'closed', 'green', '办结'],
    ['11', 'on_track', 'green', 'money behind pace, explained by a pace note'],
    ['12', 'done_pending', 'green', 'said done, awaiting confirmation'],
    ['13', 'at_risk', 'yellow', 'at risk, extension requested'],
    ['14', 'unknown', 'yellow', 'never reported, due within five working days'],
    ['16', 'missing', 'yellow', 'asked; one owner on leave, the others not'],
    ['18', 'unknown', 'none', 'never reported: no light'],
    ['19', 'blocked', 'red', 'blocked, deadline extended into 2023'],
    ['20', 'at_risk', 'yellow', 'a report without a status word keeps the last stated status'],
    ['21', 'on_track', 'green', 'a report dated after now is not seen'],
    ['22', 'paused', 'none', 'paused: no light'],
    ['七', 'on_track', 'green', 'the section task'],
  ];
  it.each(table)('task %s reads %s / %s (%s)', (code, status, light) => {
    expect([get(code).status, get(code).state.light]).toEqual([status, light]);
  });

  it('keeps the latest words raw, folded and clipped to 60 characters', () => {
    expect(get('11').latest).toEqual({ text: INJECTION, date: '2022-04-14', period: '2022-W15' });
    expect(get('21').latest?.text).toBe('渝黔合作对接中');
    expect(get('14').latest).toBeNull();
    const long = digestTask('22', { reports: [report('2022-W15', '2022-04-12 09:00', 'on_track', `第一行\n\n第二行${'很长的进展'.repeat(20)}`)] });
    const text = buildDigest(inputOf([long])).sections[0]?.tasks[0]?.latest?.text ?? '';
    expect([...text]).toHaveLength(60);
    expect(text.startsWith('第一行 第二行很长的进展')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
  });

  it('marks owners on leave today from the engine', () => {
    expect(get('16').owners.map((o) => [o.name, o.onLeave])).toEqual([['王五', false], ['孙七', true], ['周八', false]]);
  });
});

describe('sections', () => {
  it('keeps the plan’s sections and task order, each with its worst light', () => {
    expect(model.sections.map((s) => [s.ordinal, s.title, s.light, s.tasks.map((t) => t.code)])).toEqual([
      ['一', '着力培育创新主体', 'red', ['1', '2', '3']],
      ['二', '加速拓展创新平台', 'red', ['4', '5', '6']],
      ['三', '加大科技研发投入', 'red', ['7', '8', '9', '10', '11']],
      ['四', '赋能农业农村科技', 'yellow', ['12', '13', '14', '15']],
      ['五', '强化科技金融支撑', 'yellow', ['16', '17', '18']],
      ['六', '营造科技创新生态', 'red', ['19', '20', '21', '22']],
      ['七', '全面抓好重点工作', 'green', ['七']],
    ]);
    expect([...tasks.keys()]).toEqual(CODES);
  });
});

describe('lists drawn from the states', () => {
  it('needs leaders: red tasks and pending extensions, with the light’s reasons, most serious first', () => {
    expect(model.needsLeaders.map((a) => [a.code, a.reasons.map((r) => r.kind)])).toEqual([
      ['2', ['far_behind', 'at_risk']],
      ['4', ['blocked']],
      ['7', ['overdue']],
      ['13', ['at_risk', 'extension']],
      ['19', ['blocked']],
    ]);
    expect(model.needsLeaders[1]?.reasons[0]).toEqual({ kind: 'blocked', words: '缺少国家高新区评估专家，需区政府协调' });
    expect(model.needsLeaders[2]?.reasons[0]).toEqual({ kind: 'overdue', deadline: '2022-03-31', workdays: 10 });
    expect(model.needsLeaders[3]?.reasons[1]).toEqual({ kind: 'extension', by: '赵六', to: '2023-03-31', reason: '设备未到位，需延期到明年一季度' });
  });

  it('due soon: open tasks within ten working days, soonest first (not the closed, paused or overdue)', () => {
    expect(model.dueSoon.map((d) => [d.code, d.deadline, d.workdaysLeft, d.status])).toEqual([
      ['14', '2022-04-22', 5, 'unknown'],
      ['8', '2022-04-28', 10, 'on_track'],
    ]);
    expect(buildDigest(seedInput(), { ...DEFAULT_DIGEST, dueWithinWorkdays: 5 }).dueSoon.map((d) => d.code)).toEqual(['14']);
  });

  it('who has not reported: owners not on leave of tasks the engine says are missing, by person', () => {
    expect(model.missing).toEqual([
      { personId: 5, name: '王五', tasks: [{ code: '3', shownCode: '3', title: '培育高成长企业', later: null }, { code: '16', shownCode: '16', title: '加强政府基金管理', later: null }] },
      { personId: 8, name: '周八', tasks: [{ code: '16', shownCode: '16', title: '加强政府基金管理', later: null }] },
    ]);
  });

  it('charts done vs time only where the engine gives both', () => {
    expect(model.chart.map((b) => [b.taskCode, b.label, b.donePct, b.timePct, b.verdict])).toEqual([
      ['1', '有效期高企', 45, 14.4, 'on_pace'], // a level's time runs from its first report (4 March), not 1 January
      ['2', '注册登记企业', 16.7, 28.1, 'far_behind'],
      ['5', '新型研发机构', 50, 28.1, 'on_pace'],
      ['6', '市级众创空间', 20, 28.1, 'lagging'],
      ['6', '国家备案众创空间', 50, 28.1, 'on_pace'],
      ['11', '科技成果登记', 42.9, 28.1, 'on_pace'],
      ['11', '技术合同成交额', 18.2, 28.1, 'on_pace'],
    ]);
    expect(model.chart.some((b) => b.label === '重庆市科技型企业')).toBe(false); // only its first value: no pace yet
  });
});

describe('changes since the previous digest', () => {
  it('computes moved statuses, lights and values from the snapshot', () => {
    expect(get('1').changes).toEqual([{ kind: 'value', targetId: 101, label: '有效期高企', unit: '家', from: 112, to: 118 }]);
    expect(get('2').changes).toEqual([
      { kind: 'status', from: 'on_track', to: 'at_risk' },
      { kind: 'light', from: 'green', to: 'red' },
      { kind: 'value', targetId: 202, label: '注册登记企业', unit: '家', from: 12, to: 20 },
    ]);
    expect(get('4').changes).toEqual([{ kind: 'status', from: 'at_risk', to: 'blocked' }, { kind: 'light', from: 'yellow', to: 'red' }]);
    expect(get('5').changes).toEqual([]); // not in the previous digest
  });

  it('reads an older snapshot’s 「grey」 as 「none」: no false change', () => {
    expect(get('18').changes).toEqual([]);
  });

  it('has no changes for the first digest, and none against its own snapshot', () => {
    expect(buildDigest(seedInput({ previous: null })).sections.flatMap((s) => s.tasks).every((t) => t.changes.length === 0)).toBe(true);
    expect(model.snapshot.week).toBe('2022-W15');
    expect(Object.keys(model.snapshot.tasks)).toHaveLength(23);
    expect(model.snapshot.tasks['2']).toEqual({ status: 'at_risk', light: 'red', values: { '201': 1500, '202': 20 } });
    const next = buildDigest(seedInput({ previous: model.snapshot }));
    expect(next.sections.flatMap((s) => s.tasks).every((t) => t.changes.length === 0)).toBe(true);
  });
});
