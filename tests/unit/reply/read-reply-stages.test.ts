/**
 * The reply reader on statements that count a task's items by stage (督查通报, 落实情况): the finished
 * count is the report, counts of work under way and the whole restated are not; works that are
 * completed (竣工, 完工, 投入使用) or under way (施工中, 进展较好) as inspectors write it. Each row states
 * the whole result: a field it does not name is empty.
 */
import { describe, expect, it } from 'vitest';
import { readReply } from '../../../bot/domain/reply/read-reply.js';
import type { ReplyTarget } from '../../../bot/domain/reply/read-reply.js';
import { NOW, wholeReading, type Want } from './fixtures.js';

const MATTERS: ReplyTarget[] = [{ label: '县政府常务会议议定事项', value: 120, unit: '项', kind: 'cumulative' }];
const CLINICS: ReplyTarget[] = [{ label: '村卫生室标准化建设', value: 24, unit: '个', kind: 'cumulative' }];
const STARTED: ReplyTarget[] = [{ label: '开工建设保障性住房项目', value: 30, unit: '个', kind: 'cumulative' }];
const STATIONS: ReplyTarget[] = [
  { label: '充电站', value: 12, unit: '座', kind: 'cumulative' },
  { label: '充电桩', value: 300, unit: '个', kind: 'cumulative' },
];
const PROJECTS: ReplyTarget[] = [{ label: '计划年底前建成项目', value: 12, unit: '个', kind: 'cumulative' }];
const ROADS: ReplyTarget[] = [{ label: '乡村道路提升改造', value: 8, unit: '公里', kind: 'cumulative' }];
const SCREENING: ReplyTarget[] = [{ label: '适龄妇女两癌筛查', value: 500, unit: '人', kind: 'cumulative' }];
const NONE: ReplyTarget[] = [];

type Row = [text: string, targets: ReplyTarget[], want: Want];

const rows: Row[] = [
  // The finished count is the report; the whole restated first and the counts under way are not
  ['议定事项120项，已办结96项，正在办理24项，办结率80%', MATTERS, { status: 'on_track', percent: 80, values: [[96, 0]] }],
  ['120项议定事项中，98项按期办结，14项进展较快，8项进度滞后', MATTERS, { status: 'on_track', values: [[98, 0]] }],
  ['议定事项中有8项进度滞后', MATTERS, { status: 'at_risk', blocker: '议定事项中有8项进度滞后' }],
  ['议定事项整体推进较好，但仍有5项进展偏慢', MATTERS, { status: 'on_track' }],
  ['其中92项任务已按期完成，占比77%', MATTERS, { status: 'on_track', percent: 77, values: [[92, 0]] }],
  ['24个村卫生室已开工20个，已完工15个', CLINICS, { values: [[15, 0]] }],
  ['24个村卫生室已开工20个', CLINICS, {}],
  ['已开工项目26个', STARTED, { values: [[26, 0]] }],
  ['在建充电站5座，已建成充电站4座、充电桩96个', STATIONS, { status: 'on_track', values: [[4, 0], [96, 1]] }],
  // A share is progress after a count of finished work, nothing after any other count
  ['议定事项已办结54项，占比45%；正在办理66项，占比55%', MATTERS, { status: 'on_track', percent: 45, values: [[54, 0]] }],
  ['滞后的有9项，占总数的7.5%；已办结的有60项，占总数的50%', MATTERS, { status: 'at_risk', percent: 50, values: [[60, 0]], blocker: '滞后的有9项' }],
  ['1-6月完成投资8.6亿元，占年度计划的43%', NONE, { percent: 43 }],
  ['年度计划完成率为91.5%', NONE, { percent: 91.5 }],
  ['计划9月完成40%', NONE, { expectedOn: '2022-09-30' }],
  // A count of work not begun is no value; a count said alone in the target's unit is, however large
  ['乡村道路提升改造8公里尚未启动', ROADS, { status: 'not_started' }],
  ['完成1960人', SCREENING, { status: 'done', percent: 100, values: [[1960, 0]] }],
  // Nothing done is not started; a stated 100% of the target is done whatever a count says
  ['完成0个，完成率0%', CLINICS, { status: 'not_started', percent: 0, values: [[0, 0]] }],
  ['标准化村卫生室建成0个', CLINICS, { status: 'not_started', values: [[0, 0]] }],
  ['标准化建设村卫生室20个，已完成目标任务的100%', CLINICS, { status: 'done', percent: 100, values: [[20, 0]] }],
  ['已完成（验收合格）', NONE, { status: 'done', percent: 100 }],
  // Works finished or under way, in the words inspectors use
  ['县医院门诊楼已竣工', NONE, { status: 'done', percent: 100 }],
  ['乡镇污水处理站已全部完工并投入使用', NONE, { status: 'done', percent: 100 }],
  ['第二水厂已于5月投产', NONE, { status: 'done', percent: 100 }],
  ['城南幼儿园主体施工中', NONE, { status: 'on_track' }],
  ['已进场施工，完成工程量的40%', NONE, { status: 'on_track', percent: 40 }],
  ['各项目整体进展较好', NONE, { status: 'on_track' }],
  ['人才公寓建设取得阶段性进展', NONE, { status: 'on_track' }],
  ['已完成全年度工作任务目标', NONE, { status: 'done', percent: 100 }],
  ['项目尚未竣工', NONE, {}],
  ['3家机构已完成，2家正在施工，预计10月底前全部完工', NONE, { status: 'on_track', expectedOn: '2022-10-31' }],
  ['两个片区的管网改造均已施工完成。', NONE, { status: 'done', percent: 100 }],
  ['道路主体已完工，但暂不具备通车条件', NONE, { status: 'at_risk', blocker: '暂不具备通车条件' }],
  ['超进度的有6项，其余按序时推进', MATTERS, { status: 'on_track' }],
  ['城北污水提升泵站正在施工中（60%）', NONE, { status: 'on_track', percent: 60 }],
];

/** The date a statement expects: not a date it says will be missed, nor one that describes the items counted. */
const dates: Row[] = [
  ['预计上半年不能完成目标任务', NONE, { status: 'at_risk', blocker: '预计上半年不能完成目标任务' }],
  ['计划年底前建成项目12个，已建成5个', PROJECTS, { values: [[5, 0]] }],
  ['教学楼已封顶，2022年秋季开学投入使用', NONE, { expectedOn: '2022-09-01' }],
  ['1-7月完成投资3.2亿元', NONE, {}],
  ['预计7-9月完成主体施工', NONE, { expectedOn: '2022-09-30' }],
];

describe('readReply on counts by stage and works', () => {
  it.each([...rows, ...dates])('%s', (text, targets, want) => {
    expect(readReply({ text, targets, now: NOW })).toEqual(wholeReading(targets, want));
  });
});
