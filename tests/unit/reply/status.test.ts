/**
 * How a reply's words and counts add up to a status, as whole readings (now: Monday 2022-08-15):
 * a denied or partial completion is never done; a count short of its target outweighs 「已全部完成」
 * unless a share of 100% is stated; every target must be met (a rate alone never finishes a task);
 * blocked outranks at risk; a conditional or negated problem is none; a hedged blocker is a risk; a
 * problem of a counted part is the task's only when nothing else is said of the rest.
 */
import { describe, expect, it } from 'vitest';
import { readReply } from '../../../bot/domain/reply/read-reply.js';
import type { ReplyTarget } from '../../../bot/domain/reply/read-reply.js';
import { GROWTH, HIGH_TECH, INCUBATORS, NOW, SCHOOLS, wholeReading, type Want } from './fixtures.js';

type Row = [text: string, targets: ReplyTarget[], want: Want];

const rows: Row[] = [
  // A denied completion is never done, whatever the counts say
  ['高企已达142家', HIGH_TECH, { status: 'done', percent: 100, values: [[142, 0]] }],
  ['高企已达142家，尚未全部完成', HIGH_TECH, { values: [[142, 0]] }],
  ['尚未全部完成', HIGH_TECH, {}],
  ['没有全面完成', HIGH_TECH, {}],
  ['未超额完成10%', HIGH_TECH, {}],
  // A completion still to come, or only partly there, is on track, not done
  ['力争全部完成', HIGH_TECH, { status: 'on_track' }],
  ['确保年底前全部完成', HIGH_TECH, { status: 'on_track', expectedOn: '2022-12-31' }],
  ['基本全部完成', HIGH_TECH, { status: 'on_track' }],
  ['预计完成', HIGH_TECH, {}],
  ['将完成', HIGH_TECH, {}],
  ['超额完成', HIGH_TECH, { status: 'done', percent: 100 }],
  ['已完成', HIGH_TECH, { status: 'done', percent: 100 }],
  // Every target met is done; one short is not; a rate met alone finishes nothing
  ['市级众创空间5个，国家备案2个', INCUBATORS, { status: 'done', percent: 100, values: [[5, 0], [2, 1]] }],
  ['市级众创空间5个，国家备案1个', INCUBATORS, { values: [[5, 0], [1, 1]] }],
  ['市级众创空间5个', INCUBATORS, { values: [[5, 0]] }],
  ['市级众创空间5个，国家备案2个，尚未全部完成', INCUBATORS, { values: [[5, 0], [2, 1]] }],
  ['巩固率96%，新建学校3所', SCHOOLS, { status: 'done', percent: 100, values: [[96, 0], [3, 1]] }],
  ['巩固率96%', SCHOOLS, { values: [[96, 0]] }],
  ['高企140家', HIGH_TECH, { status: 'done', percent: 100, values: [[140, 0]] }],
  // A rate short of its target is no shortfall: 已全部完成 stands
  ['巩固率94%，新建学校3所，已全部完成', SCHOOLS, { status: 'done', percent: 100, values: [[94, 0], [3, 1]] }],
  // Nothing done only when every count is 0
  ['市级众创空间0个，国家备案1个', INCUBATORS, { values: [[0, 0], [1, 1]] }],
  ['地区生产总值增长8.5%', GROWTH, { values: [[8.5, 0]] }],
  // A count short of the target outweighs the words, a stated 100% outweighs the count
  ['高企130家，已全部完成', HIGH_TECH, { status: 'on_track', values: [[130, 0]] }],
  ['高企130家，完成率100%', HIGH_TECH, { status: 'done', percent: 100, values: [[130, 0]] }],
  ['高企130家，已完成目标任务的100%', HIGH_TECH, { status: 'done', percent: 100, values: [[130, 0]] }],
  // Nothing done is not started (a rate of 0 is a rate, not work)
  ['完成0家', HIGH_TECH, { status: 'not_started', values: [[0, 0]] }],
  ['新建学校0所', SCHOOLS, { status: 'not_started', values: [[0, 1]] }],
  ['巩固率0%', SCHOOLS, { values: [[0, 0]] }],
  // 尚未启动 outranks on-track words, not a problem; a part not started says nothing of the whole
  ['尚未启动，按计划推进', HIGH_TECH, { status: 'not_started' }],
  ['尚未启动，进度滞后', HIGH_TECH, { status: 'at_risk', blocker: '尚未启动，进度滞后' }],
  ['部分项目未启动', HIGH_TECH, {}],
  ['如未启动', HIGH_TECH, {}],
  // Blocked outranks at risk, wherever each is said
  ['受阻，进度滞后', HIGH_TECH, { status: 'blocked', blocker: '受阻' }],
  ['进度滞后，受阻', HIGH_TECH, { status: 'blocked', blocker: '进度滞后，受阻' }],
  // Clear words of the whole task done outrank a problem; a weak 已完成 does not
  ['已全部完成，但有一定压力', HIGH_TECH, { status: 'done', percent: 100 }],
  ['已完成，但有困难', HIGH_TECH, { status: 'at_risk', blocker: '有困难' }],
  ['完成全年目标有压力', HIGH_TECH, { status: 'at_risk', blocker: '完成全年目标有压力' }],
  // Negated, conditional and hedged problems
  ['没有卡住', HIGH_TECH, { status: 'on_track' }],
  ['不按计划推进', HIGH_TECH, { status: 'at_risk', blocker: '不按计划推进' }],
  ['可能会卡住', HIGH_TECH, { status: 'at_risk', blocker: '可能会卡住' }],
  ['如有受阻及时报告', HIGH_TECH, {}],
  ['如遇资金未到位及时报告', HIGH_TECH, {}],
  ['一旦出现停工立即上报', HIGH_TECH, {}],
  ['问题：无', HIGH_TECH, { status: 'on_track' }],
  ['存在问题：无', HIGH_TECH, { status: 'on_track' }],
  ['滞后：无', HIGH_TECH, { status: 'on_track' }],
  // A counted part: its problem is the task's only when nothing else is said; its completion is on track
  ['3项进度偏慢', HIGH_TECH, { status: 'at_risk', blocker: '3项进度偏慢' }],
  ['3项进度偏慢，其余按计划推进', HIGH_TECH, { status: 'on_track' }],
  // A counted part at a standstill is not softened to a risk: the task waits on it
  ['3项受阻', HIGH_TECH, { status: 'blocked', blocker: '3项受阻' }],
  ['11家已完成', HIGH_TECH, { status: 'on_track', values: [[11, 0]] }],
  // The blocker's words: a bare status word takes up to two clauses before it that give no count; a cause after
  // it joins in the same sentence (across it for a bare status word); at most 80 characters around the word
  ['厂房改造，天气多雨，设备检修，进度滞后', HIGH_TECH, { status: 'at_risk', blocker: '天气多雨，设备检修，进度滞后' }],
  ['高企118家，设备检修，进度滞后', HIGH_TECH, { status: 'at_risk', values: [[118, 0]], blocker: '设备检修，进度滞后' }],
  ['采购推迟，主要是人员调整', HIGH_TECH, { status: 'at_risk', blocker: '采购推迟，主要是人员调整' }],
  ['采购推迟。主要是人员调整', HIGH_TECH, { status: 'at_risk', blocker: '采购推迟' }],
  ['进度滞后。主要是人员调整', HIGH_TECH, { status: 'at_risk', blocker: '进度滞后。主要是人员调整' }],
  [`因${'甲'.repeat(100)}进度滞后${'乙'.repeat(100)}`, HIGH_TECH, { status: 'at_risk', blocker: `${'甲'.repeat(38)}进度滞后${'乙'.repeat(38)}` }],
  ['已完成118家', HIGH_TECH, { values: [[118, 0]] }],
];

describe('readReply: status', () => {
  it.each(rows)('%s', (text, targets, want) => {
    expect(readReply({ text, targets, now: NOW })).toEqual(wholeReading(targets, want));
  });
});
