/**
 * Targets (指标) the reply-reader tests read against: tasks 1, 2, 6 and 11 of the
 * seed plan (plans/qijiang-2022-work-plan.txt) as the plan parser finds them, plus
 * a few other bureaus' targets (万元 money, % rates, 人次 and 万人次 counts).
 */
import type { ReadReply, ReplyTarget } from '../../../bot/domain/reply/read-reply.js';

/** Task 1 培育高新技术企业: 「确保有效期高企达140家」. */
export const HIGH_TECH: ReplyTarget[] = [
  { label: '有效期高企', value: 140, unit: '家', kind: 'level', text: '确保有效期高企达140家' },
];

/** Task 2 培育科技型企业: two targets in 家. */
export const TECH_SMES: ReplyTarget[] = [
  { label: '重庆市科技型企业', value: 2000, unit: '家', kind: 'level', text: '确保重庆市科技型企业达2000家以上' },
  {
    label: '企业',
    value: 120,
    unit: '家',
    kind: 'cumulative',
    text: '并组织120家企业在“全国科技型中小企业评价工作系统”注册登记并自主评价',
  },
];

/** Task 6 全面建设孵化平台: two targets in 个. */
export const INCUBATORS: ReplyTarget[] = [
  { label: '市级众创空间', value: 5, unit: '个', kind: 'cumulative', text: '力争完成5个市级众创空间' },
  { label: '国家备案众创空间', value: 2, unit: '个', kind: 'cumulative', text: '2个国家备案众创空间申报工作' },
];

/** Task 11 做好成果登记: a count and a sum of money in 亿元. */
export const REGISTRATION: ReplyTarget[] = [
  { label: '科技成果登记', value: 70, unit: '项', kind: 'cumulative', text: '全年科技成果登记累计70项' },
  {
    label: '技术合同登记',
    value: 11,
    unit: '亿元',
    kind: 'money',
    text: '采购服务机构辅导企业开展技术合同登记，全年目标11亿元',
  },
];

/** A commerce bureau: money in 万元 and service counts in 人次. */
export const TRADE: ReplyTarget[] = [
  { label: '技术交易额', value: 5000, unit: '万元', kind: 'money', text: '实现技术交易额5000万元' },
  { label: '服务企业', value: 3000, unit: '人次', kind: 'cumulative', text: '全年服务企业3000人次' },
];

/** An education bureau: a rate in % and a count in 所. */
export const SCHOOLS: ReplyTarget[] = [
  { label: '义务教育巩固率', value: 95, unit: '%', kind: 'percent', text: '义务教育巩固率达95%' },
  { label: '新建学校', value: 3, unit: '所', kind: 'cumulative', text: '新建学校3所' },
];

/** A science bureau's R&D intensity, a single % target. */
export const RND: ReplyTarget[] = [
  { label: 'R&D投入强度', value: 2.5, unit: '%', kind: 'percent', text: 'R&D投入强度达2.5%' },
];

/** A human-resources bureau counting training in 万人次. */
export const TRAINING: ReplyTarget[] = [
  { label: '职业技能培训', value: 1.2, unit: '万人次', kind: 'cumulative', text: '开展职业技能培训1.2万人次' },
];

/** Monday 15 August 2022, 10:00 in Shanghai. */
export const NOW = new Date('2022-08-15T02:00:00Z');

/** A development-and-reform bureau's growth targets (增长型): rates, not levels. */
export const GROWTH: ReplyTarget[] = [
  { label: '地区生产总值增长', value: 8, unit: '%', kind: 'percent', text: '地区生产总值增长8%以上' },
];
export const TWO_GROWTH: ReplyTarget[] = [
  { label: '规上工业增加值增长', value: 9, unit: '%', kind: 'percent', text: '规上工业增加值增长9%' },
  { label: '固定资产投资增长', value: 10, unit: '%', kind: 'percent', text: '固定资产投资增长10%' },
];
/** A target that is itself a fall: a reported 下降 is progress towards it. */
export const ENERGY: ReplyTarget[] = [
  { label: '单位地区生产总值能耗下降', value: 3, unit: '%', kind: 'percent', text: '单位地区生产总值能耗下降3%' },
];

/** Targets in units replies write in a synonym: 户 (家), 公里 (千米), 万亩 (亩), 场 (场次), 人 (人次 is not 人). */
export const MARKET: ReplyTarget[] = [{ label: '市场主体', value: 2000, unit: '户', kind: 'cumulative', text: '新增市场主体2000户' }];
export const ROADS: ReplyTarget[] = [{ label: '农村公路', value: 120, unit: '公里', kind: 'cumulative', text: '建成农村公路120公里' }];
export const FOREST: ReplyTarget[] = [{ label: '造林', value: 5, unit: '万亩', kind: 'cumulative', text: '完成造林5万亩' }];
export const JOB_FAIRS: ReplyTarget[] = [{ label: '招聘会', value: 90, unit: '场', kind: 'cumulative', text: '举办招聘会90场' }];
export const JOBS: ReplyTarget[] = [{ label: '城镇新增就业', value: 2000, unit: '人', kind: 'cumulative', text: '城镇新增就业2000人' }];

/** A reader table row's expectation: the fields it names; values as [value, target index], the unit the target's. */
export interface Want extends Partial<Omit<ReadReply, 'values'>> {
  values?: [number, number][];
}

/** A row's whole expected reading: what the row does not name is nothing (no status, percent, values, date, blocker or doubt). */
export function wholeReading(targets: ReplyTarget[], want: Want): ReadReply {
  const { values = [], ...rest } = want;
  return {
    status: null,
    percent: null,
    expectedOn: null,
    blocker: null,
    doubts: [],
    ...rest,
    values: values.map(([value, target]) => ({ value, unit: targets[target]!.unit, target })),
  };
}
