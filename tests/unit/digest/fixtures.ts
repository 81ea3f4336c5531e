/**
 * A hand-built digest input for the seed plan (綦江区科技局《2022年工作要点》): 22 numbered
 * tasks plus 「七」 across 7 sections, its seven targets, and assorted reports, at
 * 2022-04-15 16:00 Beijing time (Friday of ISO week 15).
 *
 * Expected at that instant (Chinese calendar: 249 working days in 2022, 70 of them by 4月15日):
 *   on_track 1 5 6 8 11 15 21 22 七 · at_risk 2 9 13 17 20 · blocked 4 19 · done 10 12
 *   overdue 7 · missing 3 16 · unknown 14 18
 *   red 2 4 7 19 · yellow 3 6 9 13 16 17 20 · grey 14 18 · green the rest
 */
import { chineseWorkCalendar } from '../../../bot/domain/calendar/work-calendar.js';
import type { WorkCalendar } from '../../../bot/domain/calendar/work-calendar.js';
import type { DigestInput, DigestReport, DigestSnapshot, DigestTarget, DigestTaskInput, ReportStatus } from '../../../bot/domain/digest/types.js';

export const cal: WorkCalendar = chineseWorkCalendar();

/** '2022-04-14 10:00' (Beijing time) → the instant. */
export function bj(local: string): Date {
  return new Date(`${local.replace(' ', 'T')}:00+08:00`);
}

export const NOW = bj('2022-04-15 16:00');
export const TIME_SHARE = 70 / 249;
export const INJECTION = '<at id=all></at>[点我](https://evil.example)**粗**{"tag":"at"}';

let nextReport = 1;
export function report(period: string, when: string, status: ReportStatus | null, rawText: string, extra: Partial<DigestReport> = {}): DigestReport {
  return { id: nextReport++, personId: 1, status, percent: null, period, createdAt: bj(when), rawText, expectedOn: null, ...extra };
}

export function target(id: number, label: string, value: number, unit: string, kind: DigestTarget['kind'], history: [string, number][] = [], extra: Partial<DigestTarget> = {}): DigestTarget {
  return { id, label, value, unit, comparator: 'at_least', kind, paceNote: null, history: history.map(([when, v]) => ({ value: v, at: bj(when) })), ...extra };
}

const SECTIONS: Record<string, string> = {
  一: '着力培育创新主体',
  二: '加速拓展创新平台',
  三: '加大科技研发投入',
  四: '赋能农业农村科技',
  五: '强化科技金融支撑',
  六: '营造科技创新生态',
  七: '全面抓好重点工作',
};

const TITLES = [
  '培育高新技术企业', '培育科技型企业', '培育高成长企业', '强力推进国高创建', '加强研发平台建设', '全面建设孵化平台',
  '指导科技统计', '组织项目申报', '申报科技奖励', '推进成果转化', '做好成果登记', '提质农业创新平台', '提效科技推广服务',
  '提高绿色产品比例', '提速智慧农业发展', '加强政府基金管理', '设立创业投资基金', '推动企业上市融资', '深化科技体制改革',
  '引育科技创新人才', '开展对外交流合作', '营造科技创新氛围',
];

function sectionOf(n: number): string {
  if (n <= 3) return '一';
  if (n <= 6) return '二';
  if (n <= 11) return '三';
  if (n <= 15) return '四';
  if (n <= 18) return '五';
  return '六';
}

export function baseTask(code: string, extra: Partial<DigestTaskInput> = {}): DigestTaskInput {
  const n = Number(code);
  const ordinal = Number.isInteger(n) ? sectionOf(n) : code;
  return {
    id: Number.isInteger(n) ? n : 23,
    code,
    title: Number.isInteger(n) ? (TITLES[n - 1] ?? `任务${n}`) : '全面抓好重点工作',
    section: { ordinal, title: SECTIONS[ordinal] ?? '' },
    state: 'active',
    deadline: '2022-12-31',
    currentPeriod: '2022-W15',
    owners: [{ personId: 100 + (Number.isInteger(n) ? n : 23), name: `责任人${code}`, onLeave: false }],
    leadUnits: ['区科技局'],
    targets: [],
    reports: [],
    askedThisPeriod: false,
    extensionRequests: [],
    ...extra,
  };
}

const W15 = '2022-W15';
const W14 = '2022-W14';

/** Per task, what differs from baseTask. */
const OVERRIDES: Record<string, Partial<DigestTaskInput>> = {
  '1': {
    owners: [{ personId: 1, name: '张三', onLeave: false }],
    targets: [target(101, '有效期高企', 140, '家', 'level', [['2022-03-04 10:00', 100], ['2022-04-08 10:00', 112], ['2022-04-14 10:00', 118]])],
    reports: [report(W15, '2022-04-14 10:00', 'on_track', '已有118家，按计划推进'), report(W14, '2022-04-08 10:00', 'on_track', '112家')],
    askedThisPeriod: true,
  },
  '2': {
    targets: [
      target(201, '重庆市科技型企业', 2000, '家', 'level', [['2022-04-13 10:00', 1500]]),
      target(202, '注册登记企业', 120, '家', 'cumulative', [['2022-04-01 10:00', 12], ['2022-04-13 10:00', 20]]),
    ],
    reports: [report(W15, '2022-04-13 10:00', 'at_risk', '注册进度偏慢')],
    askedThisPeriod: true,
  },
  '3': { owners: [{ personId: 5, name: '王五', onLeave: false }], askedThisPeriod: true },
  '4': { reports: [report(W15, '2022-04-12 09:00', 'blocked', '缺少国家高新区评估专家，需区政府协调')], askedThisPeriod: true },
  '5': { reports: [report(W14, '2022-04-07 09:00', 'on_track', '新型研发机构认定推进中')] },
  '6': {
    targets: [
      target(601, '市级众创空间', 5, '个', 'cumulative', [['2022-04-12 10:00', 1]]),
      target(602, '国家备案众创空间', 2, '个', 'cumulative', [['2022-04-12 10:00', 1]]),
    ],
    reports: [report(W15, '2022-04-12 10:00', 'on_track', '按计划')],
  },
  '7': { deadline: '2022-03-31', reports: [report('2022-W12', '2022-03-22 09:00', 'on_track', '统计培训已完成')] },
  '8': { deadline: '2022-04-29', reports: [report(W15, '2022-04-11 09:00', 'on_track', '项目申报培训已安排')] },
  '9': {
    owners: [{ personId: 9, name: '李九', onLeave: true }],
    askedThisPeriod: true,
    reports: [report('2022-W13', '2022-03-30 09:00', 'at_risk', '奖励申报人数不足')],
  },
  '10': { state: 'done' },
  '11': {
    targets: [
      target(1101, '科技成果登记', 70, '项', 'cumulative', [['2022-04-14 15:00', 30]]),
      target(1102, '技术合同成交额', 11, '亿元', 'money', [['2022-04-14 15:00', 2]], { paceNote: '技术合同集中在下半年签订' }),
    ],
    reports: [report(W15, '2022-04-14 15:00', 'on_track', INJECTION)],
  },
  '12': { reports: [report(W15, '2022-04-13 09:00', 'done', '示范基地已挂牌'), report(W14, '2022-04-06 09:00', 'on_track', '推进中')] },
  '13': {
    reports: [report(W15, '2022-04-14 09:00', 'at_risk', '设备未到位')],
    extensionRequests: [{ by: '赵六', to: '2022-06-30', reason: '设备未到位，需延期两个月' }],
  },
  '14': { deadline: '2022-04-22' },
  '15': { reports: [report(W15, '2022-04-15 09:00', 'on_track', '农机项目按计划推进')] },
  '16': {
    owners: [
      { personId: 5, name: '王五', onLeave: false },
      { personId: 7, name: '孙七', onLeave: true },
      { personId: 8, name: '周八', onLeave: false },
    ],
    askedThisPeriod: true,
    reports: [report(W14, '2022-04-08 09:00', 'on_track', '风险防范方案起草中')],
  },
  '17': { reports: [report(W15, '2022-04-13 09:00', 'at_risk', '基金募资意向不足')] },
  '18': {},
  '19': { reports: [report(W15, '2022-04-14 09:00', 'blocked', '改革方案待区委审议')] },
  '20': {
    reports: [report(W15, '2022-04-14 09:00', null, '已走访3位重庆英才'), report(W14, '2022-04-07 09:00', 'at_risk', '人才调研推迟')],
  },
  '21': {
    reports: [report(W15, '2022-04-16 09:00', 'blocked', '明天才写的报告'), report(W15, '2022-04-12 09:00', 'on_track', '渝黔合作对接中')],
  },
  '22': { reports: [report(W15, '2022-04-12 09:00', 'on_track', '科技活动周筹备中')] },
  七: { reports: [report(W14, '2022-04-08 09:00', 'on_track', '各项重点工作正常推进')] },
};

export const CODES = [...Array.from({ length: 22 }, (_, i) => String(i + 1)), '七'];

export const PREVIOUS: DigestSnapshot = {
  week: '2022-W14',
  tasks: {
    '1': { status: 'on_track', light: 'green', values: { '101': 112 } },
    '2': { status: 'on_track', light: 'green', values: { '201': 1500, '202': 12 } },
    '4': { status: 'at_risk', light: 'yellow', values: {} },
  },
};

/** A fresh copy each call: tests may change it, and files share this module (vitest isolate: false). */
export function seedInput(extra: Partial<DigestInput> = {}): DigestInput {
  return structuredClone({
    plan: { id: 1, title: '重庆市綦江区科学技术局2022年工作要点', year: 2022, periodStart: '2022-01-01', periodEnd: '2022-12-31' },
    now: NOW,
    week: { id: '2022-W15', number: 15, firstWorkday: '2022-04-11', lastWorkday: '2022-04-15' },
    tasks: CODES.map((code) => baseTask(code, OVERRIDES[code] ?? {})),
    previous: PREVIOUS,
    ...extra,
  });
}

/** A plan of `n` tasks in sections of 50, each with a target and a long-ish report. */
export function bigInput(n: number): DigestInput {
  const statuses: ReportStatus[] = ['on_track', 'at_risk', 'blocked', 'on_track', 'done'];
  const tasks = Array.from({ length: n }, (_, i): DigestTaskInput => {
    const code = String(i + 1);
    const s = Math.floor(i / 50);
    return baseTask(code, {
      id: i + 1,
      title: `第${code}项重点任务：推进科技创新平台建设与成果转化示范`,
      section: { ordinal: `第${s + 1}部分`, title: `重点领域${s + 1}` },
      owners: [{ personId: 1000 + (i % 37), name: `责任人${i % 37}`, onLeave: false }],
      deadline: i % 9 === 0 ? '2022-04-25' : '2022-12-31',
      targets: [target(10_000 + i, '完成数量', 100, '项', 'cumulative', [['2022-04-14 10:00', (i * 7) % 60]])],
      reports: [report(W15, '2022-04-14 10:00', statuses[i % statuses.length] ?? 'on_track', `第${code}项进展：已召开推进会，完成阶段性任务，下一步继续推进相关工作并及时报告。`)],
      askedThisPeriod: i % 11 === 0,
      extensionRequests: i % 97 === 0 ? [{ by: '某人', to: '2022-12-31', reason: '需要更多时间' }] : [],
    });
  });
  for (const [i, t] of tasks.entries()) if (i % 11 === 0) t.reports = [];
  return { ...seedInput(), tasks, previous: null };
}
