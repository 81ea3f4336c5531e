/**
 * The reply reader against replies as staff write them in chat: terse, with
 * full-width digits, mixed units, several targets, hedges, blockers, leave
 * notes and noise. Each row states the whole reading: a field it does not name is empty.
 */
import { describe, expect, it } from 'vitest';
import { readReply } from '../../../bot/domain/reply/read-reply.js';
import type { ReplyTarget } from '../../../bot/domain/reply/read-reply.js';
import {
  HIGH_TECH, INCUBATORS, NOW, REGISTRATION, RND, SCHOOLS, TECH_SMES, TRADE, TRAINING,
  wholeReading, type Want,
} from './fixtures.js';

type Row = [text: string, targets: ReplyTarget[], expected: Want];

const rows: Row[] = [
  // Values, one target
  ['已完成118家', HIGH_TECH, { status: null, values: [[118, 0]], percent: null }],
  ['118', HIGH_TECH, { values: [[118, 0]] }],
  ['１１８家，按序时推进', HIGH_TECH, { status: 'on_track', values: [[118, 0]] }],
  ['一百二十家', HIGH_TECH, { values: [[120, 0]] }],
  ['高企118家,科技型企业1650家', HIGH_TECH, { values: [[118, 0]] }],
  ['目前有效期高企118家，还差22家，预计9月底前完成认定', HIGH_TECH, { values: [[118, 0]], expectedOn: '2022-09-30' }],
  ['还差22家', HIGH_TECH, { values: [[118, 0]] }],
  ['去年110家，今年118家', HIGH_TECH, { values: [[118, 0]] }],
  ['高企新增15家，目前共118家', HIGH_TECH, { values: [[118, 0]] }],
  ['全年目标140家，已完成118家，完成率84%，按序时推进', HIGH_TECH, { status: 'on_track', values: [[118, 0]], percent: 84 }],
  ['第3批认定名单还没出来，目前118家', HIGH_TECH, { values: [[118, 0]] }],
  ['召开3场培训会，高企申报进展顺利', HIGH_TECH, { status: 'on_track', values: [] }],
  ['高企工作：1、申报118家；2、已组织培训3场；3、目前无风险', HIGH_TECH, { status: 'on_track', values: [[118, 0]] }],
  ['<at user_id="all">所有人</at> 已完成118家', HIGH_TECH, { values: [[118, 0]] }],
  [
    '{"elements":[{"tag":"div","text":{"tag":"lark_md","content":"高企已认定118家"}}]}',
    HIGH_TECH,
    { values: [[118, 0]] },
  ],
  // Several targets sharing a unit: the words near each number decide
  ['科技型企业入库1650家，评价系统注册企业95家', TECH_SMES, { values: [[1650, 0], [95, 1]] }],
  ['科技型企业：1,650家；注册评价：95家', TECH_SMES, { values: [[1650, 0], [95, 1]] }],
  [
    '高企、科技型企业分别为118家、1650家',
    TECH_SMES,
    // 高企 is neither target: its 118 could only be the second target's, and the reader leaves that to the owner.
    {
      values: [[1650, 0]],
      doubts: [{ kind: 'value', value: 118, unit: '家', chosen: null, others: [1], words: '高企、科技型企业分别为118家、1650家' }],
    },
  ],
  // A bare number only one target can plausibly be (1650 is far beyond 120).
  ['1650', TECH_SMES, { values: [[1650, 0]] }],
  ['118', TECH_SMES, { values: [], doubts: [{ kind: 'value', value: 118, unit: '家', chosen: null, others: [0, 1], words: '118' }] }],
  ['科技型企业两千家，评价注册123家，已完成', TECH_SMES, { status: 'done', values: [[2000, 0], [123, 1]], percent: 100 }],
  ['市级众创空间3个，国家备案1个', INCUBATORS, { values: [[3, 0], [1, 1]] }],
  ['市级、国家备案众创空间分别为3个、1个', INCUBATORS, { values: [[3, 0], [1, 1]] }],
  // Money converted into the target's unit
  ['技术合同登记3.2亿，成果登记45项', REGISTRATION, { values: [[45, 0], [3.2, 1]] }],
  ['技术合同成交8500万元', REGISTRATION, { values: [[0.85, 1]] }],
  ['合同登记额2600万，已登记科技成果三十余项', REGISTRATION, { values: [[30, 0], [0.26, 1]] }],
  ['累计登记45项，其中本月新增8项', REGISTRATION, { values: [[45, 0]] }],
  ['技术交易额已完成3200万元，服务企业1850人次', TRADE, { values: [[3200, 0], [1850, 1]] }],
  ['交易额0.32亿', TRADE, { values: [[3200, 0]] }],
  ['已培训8600人次', TRAINING, { values: [[0.86, 0]] }],
  ['培训1.2万人次，全部完成', TRAINING, { status: 'done', values: [[1.2, 0]], percent: 100 }],
  // Percent targets versus overall progress
  ['巩固率96%，新建学校2所，第3所预计10月底完工', SCHOOLS, { status: 'on_track', values: [[96, 0], [2, 1]], expectedOn: '2022-10-31' }],
  ['完成60%', SCHOOLS, { percent: 60, values: [] }],
  ['目前2.3%', RND, { values: [[2.3, 0]], percent: null }],
  ['R&D投入强度同比提高0.3个百分点', RND, { values: [], percent: null }],
  ['同比增长20%', HIGH_TECH, { status: null, percent: null, values: [] }],
  ['完成全年目标的60%,预计9月底前全部完成', HIGH_TECH, { status: 'on_track', percent: 60, expectedOn: '2022-09-30' }],
  ['进度过半，没有风险', HIGH_TECH, { status: 'on_track', percent: 50 }],
  ['八成左右吧', HIGH_TECH, { percent: 80 }],
  ['已完成全年任务的六成', HIGH_TECH, { status: null, percent: 60 }],
  ['时间过半，任务过半', HIGH_TECH, { status: 'on_track', percent: 50 }],
  ['有八成把握', HIGH_TECH, { percent: null }],
  ['基本完成', HIGH_TECH, { status: 'on_track', percent: null }],
  // Status words, negation and hedges
  ['已全部完成', HIGH_TECH, { status: 'done', percent: 100, blocker: null }],
  ['高企已达142家，超额完成', HIGH_TECH, { status: 'done', percent: 100, values: [[142, 0]] }],
  ['任务已完成', INCUBATORS, { status: 'done', percent: 100 }],
  ['完成了😄', HIGH_TECH, { status: 'done', percent: 100 }],
  ['还没完成', HIGH_TECH, { status: null }],
  ['不存在滞后', HIGH_TECH, { status: 'on_track' }],
  ['暂无困难。', HIGH_TECH, { status: 'on_track' }],
  ['不会有风险，按期完成没问题', HIGH_TECH, { status: 'on_track' }],
  ['没有按计划推进，滞后了', HIGH_TECH, { status: 'at_risk', blocker: '没有按计划推进' }],
  ['部分企业配合不够，存在延误风险，下周专门督促', HIGH_TECH, { status: 'at_risk', blocker: '存在延误风险' }],
  ['有逾期的可能，正在想办法', HIGH_TECH, { status: 'at_risk', blocker: '有逾期的可能' }],
  ['没有延期风险，按计划推进', HIGH_TECH, { status: 'on_track' }],
  ['如有困难及时汇报', HIGH_TECH, { status: null }],
  ['可能需要区里协调', INCUBATORS, { status: 'at_risk', blocker: '可能需要区里协调' }],
  ['高企申报118家，能不能全部认定不好说', HIGH_TECH, { status: 'at_risk', values: [[118, 0]], blocker: '能不能全部认定不好说' }],
  ['进度偏慢，主要是企业积极性不高', TECH_SMES, { status: 'at_risk', blocker: '进度偏慢，主要是企业积极性不高' }],
  ['由于疫情影响，企业走访推迟，进度有所滞后', HIGH_TECH, { status: 'at_risk', blocker: '由于疫情影响，企业走访推迟' }],
  [
    '全年目标11亿元，目前完成3.2亿元，完成率29%，有一定压力',
    REGISTRATION,
    { status: 'at_risk', values: [[3.2, 1]], percent: 29, blocker: '有一定压力' },
  ],
  ['118/140，进度偏慢', HIGH_TECH, { status: 'at_risk', values: [[118, 0]], blocker: '进度偏慢' }],
  // Blockers
  ['还没完成，等财政局拨款后才能采购服务机构', REGISTRATION, { status: 'blocked', blocker: '等财政局拨款后才能采购服务机构' }],
  ['系统一直登不上，报不了', TECH_SMES, { status: 'blocked', blocker: '系统一直登不上' }],
  ['高企申报已完成，等待科技部审批', HIGH_TECH, { status: 'blocked', blocker: '等待科技部审批' }],
  ['需要领导协调解决场地问题', INCUBATORS, { status: 'blocked', blocker: '需要领导协调解决场地问题' }],
  ['市级众创空间已申报4个，等市科技局批复', INCUBATORS, { status: 'blocked', values: [[4, 0]], blocker: '等市科技局批复' }],
  ['资金未到位，采购无法启动，等财政局拨款200万', REGISTRATION, { status: 'blocked', values: [], blocker: '资金未到位' }],
  [
    '科技成果登记已完成72项，技术合同登记11.3亿元，全面完成全年目标',
    REGISTRATION,
    { status: 'done', values: [[72, 0], [11.3, 1]], percent: 100, blocker: null },
  ],
  // Expected dates (now: Monday 2022-08-15 in Shanghai)
  ['尚未完成，下月中旬可以完成', HIGH_TECH, { status: 'on_track', expectedOn: '2022-09-20' }],
  ['下周五前报送', HIGH_TECH, { expectedOn: '2022-08-26' }],
  ['本月底前完成复核', HIGH_TECH, { expectedOn: '2022-08-31' }],
  ['年底没问题', HIGH_TECH, { status: 'on_track', expectedOn: '2022-12-31' }],
  ['周三前报', HIGH_TECH, { expectedOn: '2022-08-17' }],
  ['10个工作日内办结', HIGH_TECH, { expectedOn: '2022-08-29' }],
  ['明年3月底前完成验收', INCUBATORS, { expectedOn: '2023-03-31' }],
  ['3月已完成第一批申报', HIGH_TECH, { expectedOn: null }],
  ['截至7月底，已登记科技成果45项', REGISTRATION, { expectedOn: null, values: [[45, 0]] }],
  // Templates, reports to leaders, shortfalls and pending items
  ['【进展】高企118家【问题】无【下步】9月底前完成复审', HIGH_TECH, { status: 'on_track', values: [[118, 0]], expectedOn: '2022-09-30' }],
  ['存在问题：系统不稳定', HIGH_TECH, { status: 'at_risk', blocker: '存在问题：系统不稳定' }],
  [
    '报告领导：科技型企业入库1650家，完成率82.5%；国家科技型中小企业评价入库98家，已超额完成',
    TECH_SMES,
    // 「已超额完成」 is about the second target; the first is short of 2000, so not done.
    { status: 'on_track', percent: 82.5, values: [[1650, 0], [98, 1]] },
  ],
  [
    '技术合同登记截至8月10日累计成交4.35亿元，同比增长12.6%，完成全年目标的39.5%',
    REGISTRATION,
    { percent: 39.5, values: [[4.35, 1]], expectedOn: null },
  ],
  ['登记成果三十项，合同额伍亿元', REGISTRATION, { values: [[30, 0], [5, 1]] }],
  ['还剩3家没认定，其余都完成了', HIGH_TECH, { status: 'on_track', values: [[137, 0]] }],
  ['申报企业185家，预计通过130家左右', HIGH_TECH, { status: null, values: [] }],
  [
    '市级众创空间5个已全部获批，国家备案2个还在等科技部批复',
    INCUBATORS,
    { status: 'blocked', values: [[5, 0]], blocker: '国家备案2个还在等科技部批复' },
  ],
  ['（1）高企118家（2）科技型1650家', TECH_SMES, { values: [[1650, 0]] }],
  ['84.3', HIGH_TECH, { values: [] }],
  ['进度滞后。原因：企业申报积极性不高，部分企业研发费用归集不规范。', HIGH_TECH, { status: 'at_risk', blocker: '进度滞后。原因：企业申报积极性不高' }],
  ['目前暂无进展，等区政府常务会研究', INCUBATORS, { status: 'blocked', blocker: '等区政府常务会研究' }],
  ['全年任务完成', HIGH_TECH, { status: 'done', percent: 100 }],
  ['完成率100%', HIGH_TECH, { status: 'done', percent: 100 }],
  ['快完成了', HIGH_TECH, { status: 'on_track', percent: null }],
  ['完成全年目标有难度', HIGH_TECH, { status: 'at_risk', blocker: '完成全年目标有难度' }],
  // Words that clearly say the whole task is done outrank a problem elsewhere.
  ['高企任务已完成，但年报填报系统登不上', HIGH_TECH, { status: 'done', percent: 100, blocker: null }],
  // Nothing to read
  ['同上', HIGH_TECH, { status: null, percent: null, values: [], expectedOn: null, blocker: null }],
  ['收到', HIGH_TECH, { status: null, percent: null, values: [], expectedOn: null, blocker: null }],
  [
    '本人8月10日—8月20日休假，期间工作由李四负责，联系电话13812345678',
    HIGH_TECH,
    { status: null, percent: null, values: [], expectedOn: null, blocker: null },
  ],
];

describe('readReply', () => {
  it.each(rows)('%s', (text, targets, expected) => {
    expect(readReply({ text, targets, now: NOW })).toEqual(wholeReading(targets, expected));
  });

  it('reads relative dates in Shanghai unless told another zone', () => {
    // 01:30 on 1 September in Shanghai, still 31 August in UTC.
    const now = new Date('2022-08-31T17:30:00Z');
    expect(readReply({ text: '本月底前完成', targets: HIGH_TECH, now }).expectedOn).toBe('2022-09-30');
    expect(readReply({ text: '本月底前完成', targets: HIGH_TECH, now, timeZone: 'UTC' }).expectedOn).toBe('2022-08-31');
  });

  it('keeps a past month in the current year unless the reply says 明年', () => {
    const now = new Date('2022-10-20T02:00:00Z');
    expect(readReply({ text: '预计9月底前完成', targets: HIGH_TECH, now }).expectedOn).toBe('2022-09-30');
    expect(readReply({ text: '预计明年9月底前完成', targets: HIGH_TECH, now }).expectedOn).toBe('2023-09-30');
  });

  it('reads without targets: status, percent and dates still come through', () => {
    expect(readReply({ text: '完成60%，按计划推进，预计年底前完成', targets: [], now: NOW })).toEqual({
      status: 'on_track',
      percent: 60,
      values: [],
      expectedOn: '2022-12-31',
      blocker: null,
      doubts: [],
    });
  });
});
