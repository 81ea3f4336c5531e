/**
 * The seed plan (綦江区科技局《2022年工作要点》) as the digest sees it: 22 numbered tasks plus 「七」
 * across 7 sections, each with the task-state engine's state at 2022-04-15 16:00 Beijing time
 * (Friday of ISO week 15; 70 of 2022's 249 working days gone).
 *
 * Expected (engine rules, bot/domain/task-state/):
 *   on_track 1 5 6 8 11 15 21 七 · at_risk 2 9 13 17 20 · blocked 4 19 · overdue 7 · missing 3 16 ·
 *   unknown 14 18 · done_pending 12 · closed 10 · paused 22
 *   red 2 4 7 19 · yellow 3 6 9 13 14 16 17 20 · none 18 22 · green 1 5 8 10 11 12 15 21 七
 */
import { chineseWorkCalendar, type WorkCalendar } from '../../../bot/domain/calendar/work-calendar.js';
import { readSnapshot } from '../../../bot/domain/digest/changes.js';
import type { DigestInput, DigestSnapshot, DigestTaskInput } from '../../../bot/domain/digest/types.js';
import { stateContext } from '../../../bot/domain/task-state/context.js';
import { taskState } from '../../../bot/domain/task-state/task-state.js';
import type { ReportStatus, StateContext, StateReport, StateTarget, TaskStateInput } from '../../../bot/domain/task-state/types.js';

export const cal: WorkCalendar = chineseWorkCalendar();
/** '2022-04-14 10:00' (Beijing time) → the instant. */
export const bj = (local: string): Date => new Date(`${local.replace(' ', 'T')}:00+08:00`);
export const NOW = bj('2022-04-15 16:00');
export const YEAR = { start: '2022-01-01', end: '2022-12-31' };
export const TIME_SHARE = 70 / 249;
export const INJECTION = '<at id=all></at>[点我](https://evil.example)**粗**{"tag":"at"}';
export const contextAt = (now: Date, plan = YEAR): StateContext => stateContext({ now, plan, calendar: cal });

let nextReport = 1;
export function report(period: string, when: string, status: ReportStatus | null, rawText: string, extra: Partial<StateReport> = {}): StateReport {
  return { id: nextReport++, personId: 1, status, percent: null, period, createdAt: bj(when), rawText, returned: false, ...extra };
}

export function target(id: number, label: string, value: number, unit: string, kind: StateTarget['kind'], history: [string, number][] = [], extra: Partial<StateTarget> = {}): StateTarget {
  return { id, label, value, unit, comparator: 'at_least', kind, baseline: null, paceNote: null, history: history.map(([when, v]) => ({ value: v, at: bj(when) })), ...extra };
}

const SECTIONS: Record<string, string> = { 一: '着力培育创新主体', 二: '加速拓展创新平台', 三: '加大科技研发投入', 四: '赋能农业农村科技', 五: '强化科技金融支撑', 六: '营造科技创新生态', 七: '全面抓好重点工作' };
const TITLES = [
  '培育高新技术企业', '培育科技型企业', '培育高成长企业', '强力推进国高创建', '加强研发平台建设', '全面建设孵化平台',
  '指导科技统计', '组织项目申报', '申报科技奖励', '推进成果转化', '做好成果登记', '提质农业创新平台', '提效科技推广服务',
  '提高绿色产品比例', '提速智慧农业发展', '加强政府基金管理', '设立创业投资基金', '推动企业上市融资', '深化科技体制改革',
  '引育科技创新人才', '开展对外交流合作', '营造科技创新氛围',
];
const sectionOf = (n: number) => (n <= 3 ? '一' : n <= 6 ? '二' : n <= 11 ? '三' : n <= 15 ? '四' : n <= 18 ? '五' : '六');

type Owner = TaskStateInput['owners'][number];
export type TaskSpec = Partial<Omit<TaskStateInput, 'owners'>> & Partial<Pick<DigestTaskInput, 'title' | 'section' | 'leadUnits'>> & { owners?: (Omit<Owner, 'leave'> & { leave?: Owner['leave'] })[] };

/** One task of the seed plan with what differs in `spec`, and its engine state at `ctx`. */
export function digestTask(code: string, spec: TaskSpec = {}, ctx = contextAt(NOW)): DigestTaskInput {
  const n = Number(code);
  const id = Number.isInteger(n) ? n : 23;
  const ordinal = Number.isInteger(n) ? sectionOf(n) : code;
  const { title, section, leadUnits, owners, ...rest } = spec;
  const input: TaskStateInput = {
    id, lifecycle: 'active', deadline: '2022-12-31', plannedDeadline: null, startDate: null, cadence: 'weekly', lifecycleSince: null,
    targets: [], reports: [], askedPeriods: [], extensionRequests: [], milestones: [], snoozes: [],
    owners: (owners ?? [{ personId: 100 + id, name: `责任人${code}` }]).map((o) => ({ leave: [], ...o })),
    ...rest,
  };
  return {
    id,
    code,
    title: title ?? (Number.isInteger(n) ? TITLES[n - 1] ?? `任务${n}` : '全面抓好重点工作'),
    section: section === undefined ? { ordinal, title: SECTIONS[ordinal] ?? '' } : section,
    leadUnits: leadUnits ?? ['区科技局'],
    owners: input.owners.map((o) => ({ personId: o.personId, name: o.name })),
    state: taskState(input, ctx),
  };
}

const W15 = '2022-W15';
const W14 = '2022-W14';
const ASKED = [W15];
const AWAY = [{ from: '2022-04-11', to: '2022-04-22' }];

/** Per task, what differs from a fresh active task. */
export const SEED: Record<string, TaskSpec> = {
  '1': {
    owners: [{ personId: 1, name: '张三' }],
    targets: [target(101, '有效期高企', 140, '家', 'level', [['2022-03-04 10:00', 100], ['2022-04-08 10:00', 112], ['2022-04-14 10:00', 118]])],
    reports: [report(W15, '2022-04-14 10:00', 'on_track', '已有118家，按计划推进'), report(W14, '2022-04-08 10:00', 'on_track', '112家')],
    askedPeriods: ASKED,
  },
  '2': {
    targets: [
      target(201, '重庆市科技型企业', 2000, '家', 'level', [['2022-04-13 10:00', 1500]]),
      target(202, '注册登记企业', 120, '家', 'cumulative', [['2022-04-01 10:00', 12], ['2022-04-13 10:00', 20]]),
    ],
    reports: [report(W15, '2022-04-13 10:00', 'at_risk', '注册进度偏慢')],
    askedPeriods: ASKED,
  },
  '3': { owners: [{ personId: 5, name: '王五' }], askedPeriods: ASKED },
  '4': { reports: [report(W15, '2022-04-12 09:00', 'blocked', '缺少国家高新区评估专家，需区政府协调')], askedPeriods: ASKED },
  '5': {
    targets: [target(501, '新型研发机构', 10, '个', 'level', [['2022-04-07 09:00', 8]], { baseline: 6 })],
    reports: [report(W14, '2022-04-07 09:00', 'on_track', '新型研发机构认定推进中')],
  },
  '6': {
    targets: [
      target(601, '市级众创空间', 5, '个', 'cumulative', [['2022-04-12 10:00', 1]]),
      target(602, '国家备案众创空间', 2, '个', 'cumulative', [['2022-04-12 10:00', 1]]),
    ],
    reports: [report(W15, '2022-04-12 10:00', 'on_track', '按计划')],
  },
  '7': { deadline: '2022-03-31', reports: [report('2022-W12', '2022-03-22 09:00', 'on_track', '统计培训已完成')] },
  '8': { deadline: '2022-04-28', reports: [report(W15, '2022-04-11 09:00', 'on_track', '项目申报培训已安排')] },
  '9': { owners: [{ personId: 9, name: '李九', leave: AWAY }], askedPeriods: ASKED, reports: [report('2022-W13', '2022-03-30 09:00', 'at_risk', '奖励申报人数不足')] },
  '10': { lifecycle: 'closed', reports: [report('2022-W13', '2022-03-31 09:00', 'done', '已全部完成')] },
  '11': {
    targets: [
      target(1101, '科技成果登记', 70, '项', 'cumulative', [['2022-04-14 15:00', 30]]),
      target(1102, '技术合同成交额', 11, '亿元', 'money', [['2022-04-14 15:00', 2]], { paceNote: '技术合同集中在下半年签订' }),
    ],
    reports: [report(W15, '2022-04-14 15:00', 'on_track', INJECTION)],
  },
  '12': { lifecycle: 'done_pending', reports: [report(W15, '2022-04-13 09:00', 'done', '示范基地已挂牌'), report(W14, '2022-04-06 09:00', 'on_track', '推进中')] },
  '13': {
    reports: [report(W15, '2022-04-14 09:00', 'at_risk', '设备未到位')],
    extensionRequests: [{ requestId: 900, by: '赵六', to: '2023-03-31', reason: '设备未到位，需延期到明年一季度' }],
  },
  '14': { deadline: '2022-04-22' },
  '15': { reports: [report(W15, '2022-04-15 09:00', 'on_track', '农机项目按计划推进')] },
  '16': {
    owners: [{ personId: 5, name: '王五' }, { personId: 7, name: '孙七', leave: AWAY }, { personId: 8, name: '周八' }],
    askedPeriods: ASKED,
    reports: [report(W14, '2022-04-08 09:00', 'on_track', '风险防范方案起草中')],
  },
  '17': { reports: [report(W15, '2022-04-13 09:00', 'at_risk', '基金募资意向不足')] },
  '18': {},
  '19': { deadline: '2023-03-31', plannedDeadline: '2022-12-31', reports: [report(W15, '2022-04-14 09:00', 'blocked', '改革方案待区委审议')] },
  '20': { reports: [report(W15, '2022-04-14 09:00', null, '已走访3位重庆英才'), report(W14, '2022-04-07 09:00', 'at_risk', '人才调研推迟')] },
  '21': { reports: [report(W15, '2022-04-16 09:00', 'blocked', '明天才写的报告'), report(W15, '2022-04-12 09:00', 'on_track', '渝黔合作对接中')] },
  '22': { lifecycle: 'paused', reports: [report(W15, '2022-04-12 09:00', 'on_track', '科技活动周筹备中')] },
  七: { reports: [report(W14, '2022-04-08 09:00', 'on_track', '各项重点工作正常推进')] },
};

export const CODES = [...Array.from({ length: 22 }, (_, i) => String(i + 1)), '七'];

/** Last week's digest as an older version stored it ('grey' for today's 'none'); read as the store reads it. */
export const PREVIOUS_JSON = JSON.stringify({
  week: '2022-W14',
  tasks: {
    '1': { status: 'on_track', light: 'green', values: { '101': 112 } },
    '2': { status: 'on_track', light: 'green', values: { '201': 1500, '202': 12 } },
    '4': { status: 'at_risk', light: 'yellow', values: {} },
    '18': { status: 'unknown', light: 'grey', values: {} },
  },
});
export const PREVIOUS: DigestSnapshot = readSnapshot(PREVIOUS_JSON)!;

export function inputOf(tasks: DigestTaskInput[], extra: Partial<DigestInput> = {}): DigestInput {
  return {
    plan: { id: 1, title: '重庆市綦江区科学技术局2022年工作要点', year: 2022, periodStart: '2022-01-01', periodEnd: '2022-12-31' },
    now: NOW,
    today: '2022-04-15',
    timeShare: TIME_SHARE,
    week: { id: '2022-W15', number: 15, firstWorkday: '2022-04-11', lastWorkday: '2022-04-15' },
    tasks,
    previous: null,
    ...extra,
  };
}

/** A fresh copy each call: tests may change it, and files share this module (vitest isolate: false). */
export function seedInput(extra: Partial<DigestInput> = {}, specs: Record<string, TaskSpec> = SEED): DigestInput {
  const ctx = contextAt(NOW);
  return inputOf(CODES.map((code) => digestTask(code, structuredClone(specs[code] ?? {}), ctx)), { previous: structuredClone(PREVIOUS), ...extra });
}

/** A plan of `n` tasks in sections of 50, each with a target and a long-ish report. */
export function bigInput(n: number): DigestInput {
  const ctx = contextAt(NOW);
  const statuses: ReportStatus[] = ['on_track', 'at_risk', 'blocked', 'on_track', 'done'];
  const tasks = Array.from({ length: n }, (_, i) => {
    const code = String(i + 1);
    const s = Math.floor(i / 50);
    return digestTask(code, {
      id: i + 1,
      title: `第${code}项重点任务：推进科技创新平台建设与成果转化示范`,
      section: { ordinal: `第${s + 1}部分`, title: `重点领域${s + 1}` },
      owners: [{ personId: 1000 + (i % 37), name: `责任人${i % 37}` }],
      deadline: i % 9 === 0 ? '2022-04-25' : '2022-12-31',
      targets: [target(10_000 + i, '完成数量', 100, '项', 'cumulative', [['2022-04-14 10:00', (i * 7) % 60]])],
      reports: i % 11 === 0 ? [] : [report(W15, '2022-04-14 10:00', statuses[i % statuses.length] ?? 'on_track', `第${code}项进展：已召开推进会，完成阶段性任务，下一步继续推进相关工作并及时报告。`)],
      askedPeriods: i % 11 === 0 ? ASKED : [],
      extensionRequests: i % 97 === 0 ? [{ requestId: 901, by: '某人', to: '2022-12-31', reason: '需要更多时间' }] : [],
    }, ctx);
  });
  return inputOf(tasks);
}
