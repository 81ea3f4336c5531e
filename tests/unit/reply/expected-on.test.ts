/**
 * The date a reply expects the task done on (now: Monday 2022-08-15, 10:00 in Shanghai): a deadline or
 * a forecast, never a date something happened on, an as-of date, the first month of a reported period,
 * a date the work will miss or a date that describes the items counted. The latest expected date wins;
 * other expected dates are a doubt. A bare 「本周完成……」 counts only when nothing else is expected.
 */
import { describe, expect, it } from 'vitest';
import { clausesOf } from '../../../bot/domain/reply/clauses.js';
import { readExpectedOn } from '../../../bot/domain/reply/expected-on.js';
import { todayIn } from '../../../bot/domain/reply/local-day.js';
import { readReply } from '../../../bot/domain/reply/read-reply.js';
import { HIGH_TECH, NOW } from './fixtures.js';

const today = todayIn(NOW, 'Asia/Shanghai');
const read = (text: string) => readExpectedOn(clausesOf(text), today);
const date = (text: string) => read(text).date;

describe('readExpectedOn: which dates are expected', () => {
  it.each([
    // deadlines: a time phrase then a word that finishes
    ['9月底前完成', '2022-09-30'],
    ['9月底之前办结', '2022-09-30'],
    ['下月中旬可以完成', '2022-09-20'],
    ['9月上旬到位', '2022-09-10'],
    ['9月初交', '2022-09-10'],
    ['9月下旬验收', '2022-09-30'],
    ['年底没问题', '2022-12-31'],
    ['三季度末完成', '2022-09-30'],
    ['国庆前完成', '2022-09-30'],
    ['10个工作日内办结', '2022-08-29'],
    ['预计9.30前完成', '2022-09-30'],
    ['20号前报送', '2022-08-20'],
    ['10号前报送', '2022-09-10'],
    // forecasts: a forecast word before the phrase, with or without a finishing word after
    ['预计9月', '2022-09-30'],
    ['争取10月中旬', '2022-10-20'],
    ['力争明年3月底前完成验收', '2023-03-31'],
    ['预计2023年底前完成', '2023-12-31'],
    ['力争2023年年底前完成', '2023-12-31'],
    ['预计7-9月完成主体施工', '2022-09-30'],
    // the words that drop a date count only right next to it
    ['已经开始整改预计9月底前完成', '2022-09-30'],
    ['9月底前完成认定工作已启动', '2022-09-30'],
    ['预计9月底前完成，不能再拖', '2022-09-30'],
    ['预计9月底前全部完工，完工项目12个', '2022-09-30'],
  ])('%s → %s', (text, want) => {
    expect(read(text)).toEqual({ date: want, doubt: null });
  });

  it.each([
    // something that happened, or a date things are counted up to
    ['3月已完成第一批申报'],
    ['6月开始申报'],
    ['截至7月底，已登记45项'],
    ['截止到7月底累计45项'],
    ['已于6月底完成'],
    ['自3月以来共登记45项'],
    // a time phrase with neither a forecast nor a finishing word
    ['9月召开推进会'],
    ['3月召开动员会，目前基本完成'],
    // the first month of a reported period
    ['1-6月完成投资3.2亿元'],
    ['1至8月份完成45项'],
    // a date the work will miss
    ['预计9月底前不能完成'],
    ['9月底前无法完成'],
    ['预计上半年还难以完成'],
    // a date that describes the items counted
    ['计划年内完工项目39个'],
    ['年底前完成的任务有12项'],
  ])('%s → no date', (text) => {
    expect(read(text)).toEqual({ date: null, doubt: null });
  });

  it('reads nothing when the day cannot be known', () => {
    expect(readExpectedOn(clausesOf('9月底前完成'), null)).toEqual({ date: null, doubt: null });
  });
});

describe('readExpectedOn: the latest expected date wins', () => {
  it('takes the latest date whichever comes first, and leaves the others as a doubt', () => {
    expect(read('下周五前报送材料，9月底前完成认定')).toEqual({
      date: '2022-09-30',
      doubt: { kind: 'date', chosen: '2022-09-30', others: ['2022-08-26'], words: '9月底前完成认定' },
    });
    expect(read('9月底前完成认定，下周五前报送材料')).toEqual({
      date: '2022-09-30',
      doubt: { kind: 'date', chosen: '2022-09-30', others: ['2022-08-26'], words: '9月底前完成认定' },
    });
  });

  it('lists the other dates latest first', () => {
    expect(read('8月20日前报送，9月底前初审到位，10月底前完成')).toEqual({
      date: '2022-10-31',
      doubt: { kind: 'date', chosen: '2022-10-31', others: ['2022-09-30', '2022-08-20'], words: '10月底前完成' },
    });
  });

  it('keeps at most three other dates', () => {
    expect(read('8月20日前报送，8月25日前初审，8月30日前复审，9月5日前公示，9月底前完成')).toEqual({
      date: '2022-09-30',
      doubt: { kind: 'date', chosen: '2022-09-30', others: ['2022-09-05', '2022-08-30', '2022-08-25'], words: '9月底前完成' },
    });
  });

  it('leaves no doubt when every phrase names the same day, and quotes the first of them', () => {
    expect(read('9月30日前报送，9月底前完成')).toEqual({ date: '2022-09-30', doubt: null });
    expect(read('9月30日前报送，9月底前完成，下周五前交材料')).toEqual({
      date: '2022-09-30',
      doubt: { kind: 'date', chosen: '2022-09-30', others: ['2022-08-26'], words: '9月30日前报送' },
    });
  });
});

describe('readExpectedOn: the current period', () => {
  it('reads a bare 本周/本月/今天 as the day it ends when nothing else is expected', () => {
    expect(date('本周完成复核')).toBe('2022-08-19');
    expect(date('本月完成复核')).toBe('2022-08-31');
    expect(date('今天完成复核')).toBe('2022-08-15');
  });

  it('prefers any forecast or deadline over it, even an earlier one', () => {
    expect(read('本月完成初审，下周五前报送材料')).toEqual({ date: '2022-08-26', doubt: null });
    expect(read('本周完成初审，预计9月底前完成新一轮申报')).toEqual({ date: '2022-09-30', doubt: null });
  });

  it('reads a named day of this week as a deadline', () => {
    expect(read('本周五完成初审，本月完成复核')).toEqual({ date: '2022-08-19', doubt: null });
  });

  it('reads it as a deadline when it says 前/内/底 or is forecast', () => {
    expect(read('本周前完成初审，本月完成复核')).toEqual({ date: '2022-08-19', doubt: null });
    expect(read('预计本周完成，本月完成复核')).toEqual({ date: '2022-08-19', doubt: null });
    expect(read('本月底前完成初审，下周五前报送材料').date).toBe('2022-08-31');
    expect(read('预计本周完成，下周一前报送').date).toBe('2022-08-22');
  });
});

describe('readReply: the expected date in the reading', () => {
  it('has no expected date once the task is done', () => {
    expect(readReply({ text: '已全部完成，9月底前报送总结', targets: HIGH_TECH, now: NOW })).toEqual({
      status: 'done',
      percent: 100,
      values: [],
      expectedOn: null,
      blocker: null,
      doubts: [],
    });
  });

  it('keeps the date doubt among the reading’s doubts', () => {
    expect(readReply({ text: '下周五前报送材料，9月底前完成认定', targets: HIGH_TECH, now: NOW }).doubts).toEqual([
      { kind: 'date', chosen: '2022-09-30', others: ['2022-08-26'], words: '9月底前完成认定' },
    ]);
  });
});
