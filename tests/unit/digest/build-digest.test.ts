/** buildDigest on the seed plan at 2022-04-15 16:00: statuses, lights, pace, lists, changes. */
import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../../bot/domain/digest/build-digest.js';
import type { DigestTask } from '../../../bot/domain/digest/model.js';
import { DEFAULT_DIGEST } from '../../../bot/domain/digest/types.js';
import { cal, CODES, INJECTION, seedInput, TIME_SHARE } from './fixtures.js';

const model = buildDigest(seedInput(), cal);
const tasks = new Map<string, DigestTask>(model.sections.flatMap((s) => s.tasks).map((t) => [t.code, t]));
const get = (code: string): DigestTask => {
  const t = tasks.get(code);
  if (!t) throw new Error(`no task ${code}`);
  return t;
};

describe('header and summary', () => {
  it('names the plan and the week with its working days', () => {
    expect(model.header).toMatchObject({ planTitle: '重庆市綦江区科学技术局2022年工作要点', weekId: '2022-W15', weekNumber: 15, weekLabel: '第15周 4月11日–4月15日', today: '2022-04-15' });
    expect(model.header.timeShare).toBeCloseTo(TIME_SHARE, 12);
  });

  it('counts tasks by status and by light', () => {
    expect(model.total).toBe(23);
    expect(model.counts).toEqual({ on_track: 9, at_risk: 5, blocked: 2, done: 2, overdue: 1, missing: 2, unknown: 2 });
    expect(model.lights).toEqual({ red: 4, yellow: 7, grey: 2, green: 10 });
    expect(model.worst).toBe('red');
  });
});

describe('status and light per task', () => {
  const table: [string, DigestTask['status'], DigestTask['light'], string][] = [
    ['1', 'on_track', 'green', 'level on pace from its baseline'],
    ['2', 'at_risk', 'red', 'a running total far behind pace outweighs at_risk'],
    ['3', 'missing', 'yellow', 'asked, never reported'],
    ['4', 'blocked', 'red', 'blocked this week'],
    ['5', 'on_track', 'green', 'not asked: last week’s status carries'],
    ['6', 'on_track', 'yellow', 'one target lagging'],
    ['7', 'overdue', 'red', 'deadline 3月31日 passed'],
    ['8', 'on_track', 'green', 'due soon, on track'],
    ['9', 'at_risk', 'yellow', 'asked but the only owner is on leave: earlier status carries'],
    ['10', 'done', 'green', 'state done'],
    ['11', 'on_track', 'green', 'money behind pace but with a pace note'],
    ['12', 'done', 'green', 'latest report says done'],
    ['13', 'at_risk', 'yellow', 'at risk, extension requested'],
    ['14', 'unknown', 'grey', 'never reported, not asked'],
    ['16', 'missing', 'yellow', 'asked; one owner on leave, others not'],
    ['18', 'unknown', 'grey', 'never reported'],
    ['19', 'blocked', 'red', 'blocked'],
    ['20', 'at_risk', 'yellow', 'a report without a status word keeps the last stated status'],
    ['21', 'on_track', 'green', 'a report dated after now is ignored'],
    ['七', 'on_track', 'green', 'the section task'],
  ];
  it.each(table)('task %s is %s / %s (%s)', (code, status, light) => {
    expect([get(code).status, get(code).light]).toEqual([status, light]);
  });
});

describe('pace per target (序时进度, working days)', () => {
  const pace = (code: string, id: number) => get(code).targets.find((t) => t.targetId === id);
  const table: [string, number, Record<string, unknown>, number | null][] = [
    ['1', 101, { basis: 'from_baseline', latest: 118, baseline: 100, verdict: 'on_pace' }, (18 / 40) / TIME_SHARE],
    ['2', 201, { basis: 'single_value', latest: 1500, reached: 0.75, verdict: null, ratio: null }, null],
    ['2', 202, { basis: 'total', latest: 20, verdict: 'far_behind' }, (20 / 120) / TIME_SHARE],
    ['6', 601, { basis: 'total', latest: 1, reached: 0.2, verdict: 'lagging' }, 0.2 / TIME_SHARE],
    ['6', 602, { basis: 'total', latest: 1, reached: 0.5, verdict: 'on_pace' }, 0.5 / TIME_SHARE],
    ['11', 1101, { basis: 'total', latest: 30, verdict: 'on_pace' }, (30 / 70) / TIME_SHARE],
    ['11', 1102, { basis: 'total', latest: 2, verdict: 'on_pace', paceNote: '技术合同集中在下半年签订' }, (2 / 11) / TIME_SHARE],
  ];
  it.each(table)('task %s target %i', (code, id, fields, ratio) => {
    const t = pace(code, id);
    expect(t).toMatchObject(fields);
    if (ratio === null) expect(t?.ratio).toBeNull();
    else expect(t?.ratio).toBeCloseTo(ratio, 10);
  });

  it('gives the exact figures: 28.1% of time, 高企 45%, 注册 16.7% (ratio 0.593 < 0.6)', () => {
    expect(pace('1', 101)?.reached).toBeCloseTo(0.45, 12);
    expect(pace('2', 202)?.ratio).toBeCloseTo(0.592857, 5);
    expect(pace('2', 202)?.expected).toBeCloseTo(120 * TIME_SHARE, 10); // 序时应达 33.7家
    expect(pace('6', 601)?.ratio).toBeCloseTo(0.711429, 5);
  });

  it('draws one chart bar per reported target: % reached vs % of time', () => {
    expect(model.chart.map((b) => [b.taskCode, b.label, b.reachedPct, b.timePct])).toEqual([
      ['1', '有效期高企', 45, 28.1],
      ['2', '重庆市科技型企业', 75, 28.1],
      ['2', '注册登记企业', 16.7, 28.1],
      ['6', '市级众创空间', 20, 28.1],
      ['6', '国家备案众创空间', 50, 28.1],
      ['11', '科技成果登记', 42.9, 28.1],
      ['11', '技术合同成交额', 18.2, 28.1],
    ]);
  });
});

describe('sections and order', () => {
  it('keeps the plan’s sections and task order', () => {
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

  it('keeps the latest words raw, folded and trimmed to 60 characters', () => {
    expect(get('11').latest).toEqual({ text: INJECTION, date: '2022-04-14', period: '2022-W15' });
    expect(get('21').latest?.text).toBe('渝黔合作对接中');
    expect(get('14').latest).toBeNull();
    const input = seedInput();
    const t22 = input.tasks[21];
    if (t22?.reports[0]) t22.reports[0].rawText = `第一行\n\n第二行${'很长的进展'.repeat(20)}`;
    const text = buildDigest(input, cal).sections[5]?.tasks[3]?.latest?.text ?? '';
    expect([...text]).toHaveLength(60);
    expect(text.startsWith('第一行 第二行很长的进展')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
  });

  it('counts working days to the deadline (负 = overdue)', () => {
    expect([get('7').workdaysLeft, get('8').workdaysLeft, get('14').workdaysLeft]).toEqual([-10, 11, 5]);
  });
});

describe('lists', () => {
  it('needs leaders: red tasks and extension requests, with their reasons', () => {
    expect(model.needsLeaders.map((a) => [a.code, a.reasons.map((r) => r.kind)])).toEqual([
      ['2', ['behind']],
      ['4', ['blocked']],
      ['7', ['overdue']],
      ['13', ['extension']],
      ['19', ['blocked']],
    ]);
    expect(model.needsLeaders[1]?.reasons[0]).toEqual({ kind: 'blocked', blocker: '缺少国家高新区评估专家，需区政府协调' });
    expect(model.needsLeaders[2]?.reasons[0]).toEqual({ kind: 'overdue', deadline: '2022-03-31', workdaysLate: 10 });
    expect(model.needsLeaders[3]?.reasons[0]).toEqual({ kind: 'extension', by: '赵六', to: '2022-06-30', reason: '设备未到位，需延期两个月' });
  });

  it('due in the next two weeks: not done, soonest first', () => {
    expect(model.dueSoon.map((d) => [d.code, d.deadline, d.daysLeft, d.workdaysLeft, d.status])).toEqual([
      ['14', '2022-04-22', 7, 5, 'unknown'],
      ['8', '2022-04-29', 14, 11, 'on_track'],
    ]);
    const shorter = buildDigest(seedInput(), cal, { ...DEFAULT_DIGEST, dueWithinDays: 7 });
    expect(shorter.dueSoon.map((d) => d.code)).toEqual(['14']);
  });

  it('who has not reported: owners not on leave, grouped by person', () => {
    expect(model.missing).toEqual([
      { personId: 5, name: '王五', tasks: [{ code: '3', title: '培育高成长企业' }, { code: '16', title: '加强政府基金管理' }] },
      { personId: 8, name: '周八', tasks: [{ code: '16', title: '加强政府基金管理' }] },
    ]);
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
    expect(get('4').changes).toEqual([
      { kind: 'status', from: 'at_risk', to: 'blocked' },
      { kind: 'light', from: 'yellow', to: 'red' },
    ]);
    expect(get('5').changes).toEqual([]); // not in the previous digest
  });

  it('has no changes for the first digest', () => {
    const first = buildDigest(seedInput({ previous: null }), cal);
    expect(first.sections.flatMap((s) => s.tasks).every((t) => t.changes.length === 0)).toBe(true);
  });

  it('stores a snapshot the next digest compares with', () => {
    expect(model.snapshot.week).toBe('2022-W15');
    expect(Object.keys(model.snapshot.tasks)).toHaveLength(23);
    expect(model.snapshot.tasks['2']).toEqual({ status: 'at_risk', light: 'red', values: { '201': 1500, '202': 20 } });
    const next = buildDigest(seedInput({ previous: model.snapshot }), cal);
    expect(next.sections.flatMap((s) => s.tasks).every((t) => t.changes.length === 0)).toBe(true);
  });
});

describe('settings', () => {
  it('takes the pace thresholds from the settings', () => {
    const lenient = buildDigest(seedInput(), cal, { ...DEFAULT_DIGEST, greenAt: 0.5, redBelow: 0.3 });
    const t2 = lenient.sections[0]?.tasks[1];
    expect([t2?.targets[1]?.verdict, t2?.light]).toEqual(['on_pace', 'yellow']); // still at_risk → yellow
    const t6 = lenient.sections[1]?.tasks[2];
    expect(t6?.light).toBe('green');
    expect(lenient.showMissingInGroup).toBe(false);
  });
});
