/**
 * The task's overall progress a reply states in words: tenths (「六成」), 「过半」 and 「完成一半」,
 * fractions (「三分之二」); which share wins when there are several (the overall one, else the first
 * in reply order); shares of a named target, of the past or of a forecast are not it.
 */
import { describe, expect, it } from 'vitest';
import { clausesOf } from '../../../bot/domain/reply/clauses.js';
import { readPercent } from '../../../bot/domain/reply/progress.js';
import { readReply } from '../../../bot/domain/reply/read-reply.js';
import type { ReplyTarget } from '../../../bot/domain/reply/read-reply.js';
import { HIGH_TECH, INCUBATORS, NOW, TRADE } from './fixtures.js';

const words = (text: string, targets: ReplyTarget[] = HIGH_TECH) => readPercent(clausesOf(text), [], targets);

type Row = [text: string, percent: number | null];

const tenths: Row[] = [
  ['完成六成', 60],
  ['进度达到七成', 70],
  ['进度达七成', 70],
  ['约7成', 70],
  ['已完成全年任务的六成', 60],
  ['完成了九成', 90],
  // 「多」「左右」「以上」 say a share even without a word before it
  ['九成多', 90],
  ['八成左右吧', 80],
  ['八成以上', 80],
  // a share with nothing before it that says progress is not one
  ['六成', null],
  ['企业六成', null],
  // the progress word must come right before the share: 「约谈企业六成」 counts companies
  ['约谈企业六成', null],
  // 成 in other words: confidence, people, results, never a share of the work
  ['有八成把握', null],
  ['八成左右的把握', null],
  ['完成八成的可能性不大', null],
  ['有三成员工返岗', null],
  ['已一成不变', null],
  ['有九成可能', null],
  ['达到八成会', null],
  ['已八成功', null],
];

const halves: Row[] = [
  ['任务过半', 50],
  ['进度过半，没有风险', 50],
  // 「时间过半」 is the calendar, not the work
  ['时间过半', null],
  ['时间已过半', null],
  ['时间已经过半', null],
  ['年度时间过半', null],
  ['时间进度过半', null],
  ['时序过半', null],
  ['时间过半，任务过半', 50],
  // 「完成一半」 and its kin
  ['完成一半', 50],
  ['完成了一半', 50],
  ['进度接近一半', 50],
  ['已近一半', 50],
  ['过了一半', 50],
  ['任务过一半', 50],
  ['将近一半', 50],
  ['大约一半', 50],
  ['达到一半', 50],
  ['一半', null],
  ['一半企业已申报', null],
];

const fractions: Row[] = [
  ['完成了三分之二', 67],
  ['已完成四分之一', 25],
  ['完成3分之1', 33],
  ['进度达到五分之四', 80],
  ['约十分之九', 90],
  ['已完成二分之一', 50],
  ['完成10分之3', 30],
  ['完成100分之25', 25],
  ['达三分之二', 67],
  // the whole done is 100, never more
  ['完成三分之三', 100],
  // a part larger than the whole, a whole of one or none, and 百分之 are not fractions
  ['完成三分之四', null],
  ['完成一分之一', null],
  ['完成0分之1', null],
  ['三分之二的企业', null],
];

describe('readPercent: shares in words', () => {
  it.each([...tenths, ...halves, ...fractions])('%s → %s', (text, percent) => {
    expect(words(text)).toBe(percent);
  });

  it('reads no percent from a reply without a share', () => {
    expect(words('高企申报进展顺利')).toBeNull();
    expect(words('')).toBeNull();
  });
});

describe('readPercent: which share is the task’s', () => {
  it('takes the first share in reply order when none says it is the whole', () => {
    expect(words('一期过半，二期完成八成')).toBe(50);
    expect(words('一期完成八成，二期过半')).toBe(80);
    expect(words('一期完成三分之一，二期完成一半')).toBe(33);
  });

  it('takes the share that says it is the whole (总体, 全年, 整体) over an earlier one', () => {
    expect(words('一期完成三成，全年完成六成')).toBe(60);
    expect(words('一期完成三成，总体过半')).toBe(50);
    expect(words('一期完成三成，整体完成三分之二')).toBe(67);
  });

  it('drops a share of last period or of a forecast', () => {
    expect(words('上月完成六成')).toBeNull();
    expect(words('去年同期完成一半')).toBeNull();
    expect(words('预计完成八成')).toBeNull();
    expect(words('上月完成六成，目前完成八成')).toBe(80);
    expect(words('目前完成六成，预计完成九成')).toBe(60);
  });

  it('drops a share that names one of several targets, not with a single target', () => {
    expect(words('市级众创空间完成六成', INCUBATORS)).toBeNull();
    expect(words('市级众创空间完成六成，总体过半', INCUBATORS)).toBe(50);
    expect(words('有效期高企完成六成', HIGH_TECH)).toBe(60);
    // 技术交易额 names the first target only: still not the task's share.
    expect(words('技术交易额完成六成', TRADE)).toBeNull();
    expect(words('技术交易额完成六成，总体过半', TRADE)).toBe(50);
  });
});

describe('readReply: the percent in the reading', () => {
  it('keeps a stated percent in 0..100 with two decimals', () => {
    expect(readReply({ text: '完成全年目标的33.333%', targets: HIGH_TECH, now: NOW }).percent).toBe(33.33);
    expect(readReply({ text: '完成全年目标的66.667%', targets: HIGH_TECH, now: NOW }).percent).toBe(66.67);
  });

  it('reads fractions and halves into the whole reading', () => {
    expect(readReply({ text: '完成了三分之二，按计划推进', targets: HIGH_TECH, now: NOW })).toEqual({
      status: 'on_track',
      percent: 67,
      values: [],
      expectedOn: null,
      blocker: null,
      doubts: [],
    });
    expect(readReply({ text: '已完成一半，受疫情影响进度偏慢', targets: HIGH_TECH, now: NOW })).toEqual({
      status: 'at_risk',
      percent: 50,
      values: [],
      expectedOn: null,
      blocker: '受疫情影响进度偏慢',
      doubts: [],
    });
  });
});
