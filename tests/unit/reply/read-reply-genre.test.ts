/**
 * The reply reader on progress statements as bureaus write them (落实情况, 督查通报, check-in replies):
 * growth rates, 超额完成, 双过半, 尚未启动, totals beside the part done, unit synonyms, the date a
 * reply means, two values by label, and the doubts it cannot settle. Each row states the whole result.
 */
import { describe, expect, it } from 'vitest';
import { readReply } from '../../../bot/domain/reply/read-reply.js';
import type { ReplyTarget } from '../../../bot/domain/reply/read-reply.js';
import {
  ENERGY, FOREST, GROWTH, HIGH_TECH, INCUBATORS, JOB_FAIRS, JOBS, MARKET, NOW, REGISTRATION, ROADS, TECH_SMES, TRADE, TWO_GROWTH,
  wholeReading, type Want,
} from './fixtures.js';

type Row = [text: string, targets: ReplyTarget[], want: Want];

const rows: Row[] = [
  // 1. Growth rates against growth targets
  ['1-6月地区生产总值同比增长5.1%', GROWTH, { values: [[5.1, 0]] }],
  ['地区生产总值同比-3.4%', GROWTH, { values: [[-3.4, 0]] }],
  ['受疫情影响，地区生产总值同比下降3.4%', GROWTH, { values: [[-3.4, 0]] }],
  ['规上工业增加值、固定资产投资分别增长9.5%、7.2%', TWO_GROWTH, { values: [[9.5, 0], [7.2, 1]] }],
  ['固定资产投资、规上工业增加值分别同比增长7.2%、9.5%', TWO_GROWTH, { values: [[9.5, 0], [7.2, 1]] }],
  ['单位地区生产总值能耗同比下降2.6%', ENERGY, { values: [[2.6, 0]] }],
  ['单位地区生产总值能耗同比上升0.5%', ENERGY, { values: [[-0.5, 0]] }],
  ['预计全年地区生产总值增长8.5%', GROWTH, {}],
  ['同比增长20%', HIGH_TECH, {}],
  // 2. 超额完成 and 1xx% of the target: done, the percent is 100
  ['超额完成12%', HIGH_TECH, { status: 'done', percent: 100 }],
  ['高企已达157家，超额完成12%', HIGH_TECH, { status: 'done', percent: 100, values: [[157, 0]] }],
  ['完成年度目标的112%', REGISTRATION, { status: 'done', percent: 100 }],
  ['技术合同登记12.3亿元，完成年度目标的112%', REGISTRATION, { status: 'done', percent: 100, values: [[12.3, 1]] }],
  ['力争超额完成10%', HIGH_TECH, { status: 'on_track' }],
  // 3. 双过半 is on track; 尚未启动 is not started
  ['时间、任务双过半', REGISTRATION, { status: 'on_track', percent: 50 }],
  ['实现时间过半、任务过半', REGISTRATION, { status: 'on_track', percent: 50 }],
  ['尚未启动', HIGH_TECH, { status: 'not_started' }],
  ['项目尚未开工，预计9月底前开工', INCUBATORS, { status: 'not_started', expectedOn: '2022-09-30' }],
  ['目前还没有开始', INCUBATORS, { status: 'not_started' }],
  ['部分企业尚未启动申报，其余正常推进', HIGH_TECH, { status: 'on_track' }],
  ['尚未启动，资金未到位', REGISTRATION, { status: 'blocked', blocker: '资金未到位' }],
  ['已于3月启动', HIGH_TECH, {}],
  ['未开复工10项（续建8项，新建2项）', INCUBATORS, { status: 'not_started' }],
  // Against the target's pace, works near their end
  ['一般公共预算收入同比增长1.3%，低于目标5.7个百分点', GROWTH, { status: 'at_risk', values: [[1.3, 0]], blocker: '低于目标5.7个百分点' }],
  ['规上工业增加值同比增长10.1%，高于目标2.1个百分点', GROWTH, { status: 'on_track', values: [[10.1, 0]] }],
  // A rate met says the pace, not that the work is over
  ['地区生产总值同比增长8.5%', GROWTH, { values: [[8.5, 0]] }],
  ['气象路小学进入施工扫尾阶段', INCUBATORS, { status: 'on_track' }],
  ['二期安置房已具备交付条件', INCUBATORS, { status: 'on_track' }],
  ['南广场公园将于8月15日前完工', INCUBATORS, { status: 'on_track', expectedOn: '2022-08-15' }],
  // 5. A number named as the target or the whole is not a report
  ['70项中已完成23项', REGISTRATION, { values: [[23, 0]] }],
  ['目标70项，已完成23项', REGISTRATION, { values: [[23, 0]] }],
  ['全年应完成70项，已完成23项', REGISTRATION, { values: [[23, 0]] }],
  ['70项成果登记任务已完成23项', REGISTRATION, { values: [[23, 0]] }],
  // 4. Unit synonyms
  ['科技成果登记23件', REGISTRATION, { values: [[23, 0]] }],
  ['成果登记23个，技术合同成交5000万元', REGISTRATION, { values: [[23, 0], [0.5, 1]] }],
  ['服务企业1850人', TRADE, { values: [[1850, 1]] }],
  ['技术交易额0.45亿元', TRADE, { values: [[4500, 0]] }],
  ['城镇新增就业1200人次', JOBS, {}],
  ['新增市场主体1500家', MARKET, { values: [[1500, 0]] }],
  ['建成农村公路86千米', ROADS, { values: [[86, 0]] }],
  ['完成造林3.2万亩', FOREST, { values: [[3.2, 0]] }],
  ['完成造林8000亩', FOREST, { values: [[0.8, 0]] }],
  ['举办招聘会56场次', JOB_FAIRS, { values: [[56, 0]] }],
  // 6. The date a reply means
  ['本周完成第一批申报材料审核，预计9月底前完成新一轮申报', INCUBATORS, { expectedOn: '2022-09-30' }],
  ['本周完成复核', HIGH_TECH, { expectedOn: '2022-08-19' }],
  // 7. Two values, each to its own target by label
  ['市级众创空间已申报4个，国家级备案2个', INCUBATORS, { values: [[4, 0], [2, 1]] }],
  ['国家备案众创空间2个，市级4个', INCUBATORS, { values: [[4, 0], [2, 1]] }],
  // 8. Doubts
  ['118', TECH_SMES, { doubts: [{ kind: 'value', value: 118, unit: '家', chosen: null, others: [0, 1], words: '118' }] }],
  ['同比增长6%', TWO_GROWTH, { doubts: [{ kind: 'value', value: 6, unit: '%', chosen: null, others: [0, 1], words: '同比增长6%' }] }],
  ['去年登记65项', REGISTRATION, { doubts: [{ kind: 'value', value: 65, unit: '项', chosen: null, others: [0], words: '去年登记65项' }] }],
  ['去年登记65项，今年已登记40项', REGISTRATION, { values: [[40, 0]] }],
  [
    '下周五前报送材料，9月底前完成认定',
    HIGH_TECH,
    { expectedOn: '2022-09-30', doubts: [{ kind: 'date', chosen: '2022-09-30', others: ['2022-08-26'], words: '9月底前完成认定' }] },
  ],
];

describe('readReply on the genre', () => {
  it.each(rows)('%s', (text, targets, want) => {
    expect(readReply({ text, targets, now: NOW })).toEqual(wholeReading(targets, want));
  });

  it('keeps at most three doubts, the first in reply order, each in at most 40 characters of the reply', () => {
    const text = `118；95；66；77；88；${'说明'.repeat(30)}`;
    const got = readReply({ text, targets: TECH_SMES, now: NOW });
    expect(got.doubts.map((d) => (d.kind === 'value' ? d.value : null))).toEqual([118, 95, 66]);
    for (const d of got.doubts) expect([...d.words].length).toBeLessThanOrEqual(40);
  });
});

describe('doubts quote the reply', () => {
  it('cuts a long clause to 40 characters around the number', () => {
    const text = `本季度围绕培育和注册两项工作持续开展宣传动员和上门服务并逐户核实台账数据后确认目前累计118`;
    const [d] = readReply({ text, targets: TECH_SMES, now: NOW }).doubts;
    expect(d).toMatchObject({ kind: 'value', value: 118, others: [0, 1] });
    expect([...d!.words].length).toBe(40);
    expect(d!.words).toContain('118');
  });
});
