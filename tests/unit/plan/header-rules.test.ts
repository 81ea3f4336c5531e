/**
 * The plan's header (bot/domain/plan/header.ts) rule by rule, each read whole: where the title comes from, which
 * date is the issue date, which year the plan is for, and which period its title gives. Made-up headers in the
 * genre; every expectation follows from the rule the case names.
 */
import { describe, expect, it } from 'vitest';
import { periodOf, readHeader } from '../../../bot/domain/plan/header.js';
import type { PlanHeader } from '../../../bot/domain/plan/types.js';

const BUREAU = '重庆市某区科学技术局';
const read = (head: string[], o: { tail?: string[]; name?: string; body?: string[] } = {}) =>
  readHeader({ head, tail: o.tail ?? [], name: o.name ?? 'plan.txt', body: o.body ?? [], fallbackYear: 2022 });
const header = (title: string, year: number, extra: Partial<PlanHeader> = {}): PlanHeader => ({
  title, issuer: null, year, issuedOn: null, periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`, ...extra,
});
const NO_YEAR = ['文件中未找到年份，按2022年处理。'];

describe('the year', () => {
  it.each([
    [1990, 1990],
    [2100, 2100],
  ])('%i in the title is the plan\'s year', (y, year) => {
    expect(read([`${BUREAU}${y}年工作要点`])).toEqual({ header: header(`${BUREAU}${y}年工作要点`, year, { issuer: BUREAU }), warnings: [] });
  });

  it.each([1989, 2101])('%i is no plan\'s year: the fallback, said', (y) => {
    expect(read([`${BUREAU}${y}年工作要点`])).toEqual({ header: header(`${BUREAU}${y}年工作要点`, 2022, { issuer: BUREAU }), warnings: NO_YEAR });
  });

  it('else the year named last before the plan, however early', () => {
    expect(read(['（2023年）', `${BUREAU}工作要点`])).toEqual({ header: header(`${BUREAU}工作要点`, 2023), warnings: [] });
  });

  it('else the year its body names most, the earliest on a tie, within 1990–2100', () => {
    const title = `${BUREAU}工作要点`;
    expect(read([title], { body: ['2024年6月底前完成', '2023年3月', '2024年12月', '1989年', '1989年', '1989年', '2101年', '2101年', '2101年'] }))
      .toEqual({ header: header(title, 2024), warnings: [] });
    expect(read([title], { body: ['2024年6月底前完成', '2023年3月'] })).toEqual({ header: header(title, 2023), warnings: [] });
    expect(read([title], { body: ['2100年', '1990年', '1990年'] })).toEqual({ header: header(title, 1990), warnings: [] });
    expect(read([title], { body: ['2100年'] })).toEqual({ header: header(title, 2100), warnings: [] });
  });

  it('else the year of the issue date', () => {
    expect(read([`${BUREAU}工作要点`], { tail: [BUREAU, '2023年2月1日'] })).toEqual({
      header: header(`${BUREAU}工作要点`, 2023, { issuedOn: '2023-02-01' }), warnings: [],
    });
  });
});

describe('the title', () => {
  it('is joined when broken after the office\'s name, however the year is written', () => {
    for (const y of ['2023', '２０２３', '二〇二三', '2023 ']) {
      expect(read([BUREAU, `${y}年工作要点`]).header.title).toBe(`${BUREAU}${y}年工作要点`);
    }
    // Lines are trimmed and blank ones dropped first.
    expect(read([` ${BUREAU} `, '', ' 2023年工作要点']).header.title).toBe(`${BUREAU}2023年工作要点`);
  });

  it('is not joined when its line does not start with the year', () => {
    expect(read([BUREAU, '某区2023年工作要点']).header.title).toBe('某区2023年工作要点');
  });

  it('else is what a notice prints (《》 and all, the marks around it dropped)', () => {
    expect(read(['某市人民政府关于印发《某市科技创新工作要点》的通知'])).toEqual({
      header: header('某市科技创新工作要点', 2022, { issuer: '某市人民政府' }), warnings: NO_YEAR,
    });
    expect(read(['某市人民政府关于印发《某市贯彻〈科技进步法〉工作要点》的函']).header.title).toBe('某市贯彻〈科技进步法〉工作要点');
    expect(read(['某市人民政府关于印发《某市贯彻《科技进步法》工作要点》的通知']).header.title).toBe('某市贯彻《科技进步法》工作要点');
    // What follows the notice's own words is not a notice line; nor is a line that long.
    expect(read(['某市人民政府关于印发《某市科技创新工作要点》的通知。'], { name: '要点.txt' }).header.title).toBe('要点');
    const long = `某市人民政府关于印发《${'科'.repeat(105)}》的通知`;
    expect(long).toHaveLength(120);
    expect(read([long]).header.title).toBe('科'.repeat(105));
    expect(read([`${long.slice(0, 11)}技${long.slice(11)}`], { name: '要点.txt' }).header.title).toBe('要点');
  });

  it('a title line wins over a notice, and the notice\'s address is no title', () => {
    expect(read(['某市人民政府关于印发《某市科技创新工作要点》的通知', '某市科技创新2023年工作要点']).header.title).toBe('某市科技创新2023年工作要点');
    expect(read(['某市人民政府关于印发《某市科技创新工作要点》的通知', '各区县人民政府：']).header.title).toBe('某市科技创新工作要点');
  });

  it('else is the file\'s name without its extension', () => {
    expect(read([], { name: 'qijiang.2022.work-plan.txt' })).toEqual({ header: header('qijiang.2022.work-plan', 2022), warnings: NO_YEAR });
  });

  it('keeps a quoted name at its start and drops marks around the whole', () => {
    expect(read(['《重庆市某区科学技术局2023年工作要点》']).header.title).toBe(`${BUREAU}2023年工作要点`);
    expect(read(['“十四五”科技创新2023年工作要点']).header.title).toBe('“十四五”科技创新2023年工作要点');
  });
});

describe('the issue date', () => {
  it('is the date under an office\'s name: the last office above a date, not the first office named', () => {
    expect(read([`${BUREAU}工作要点`, '重庆市某区人民政府办公室', BUREAU, '2023年2月1日'])).toEqual({
      header: header(`${BUREAU}工作要点`, 2023, { issuer: BUREAU, issuedOn: '2023-02-01' }), warnings: [],
    });
  });

  it('a date written 2023-02-01 counts only when no date in words does', () => {
    expect(read([`${BUREAU}工作要点`, BUREAU, '2023-02-01', '（2023年3月5日）'])).toEqual({
      header: header(`${BUREAU}工作要点`, 2023, { issuer: BUREAU, issuedOn: '2023-03-05' }), warnings: [],
    });
    for (const d of ['2023-02-01', '2023/2/1', '2023.02.01']) {
      expect(read([`${BUREAU}工作要点`, d]).header.issuedOn).toBe('2023-02-01');
    }
    expect(read([`${BUREAU}工作要点`, '23-02-01']).header.issuedOn).toBe(null);
  });

  it('else the last date line of the document, in brackets or in numerals', () => {
    expect(read([`${BUREAU}工作要点`], { tail: ['2023年1月5日', '（2023年2月1日）'] }).header.issuedOn).toBe('2023-02-01');
    expect(read([`${BUREAU}工作要点`], { tail: ['二〇二三年二月一日', '附件'] }).header.issuedOn).toBe('2023-02-01');
  });

  it('the document\'s end does not override a signed date', () => {
    expect(read([`${BUREAU}2023年工作要点`, BUREAU, '2023年2月1日'], { tail: ['2023年5月1日'] }).header.issuedOn).toBe('2023-02-01');
  });
});

describe('periodOf', () => {
  it.each([
    ['2024年第二季度重点工作计划', '2024-04-01', '2024-06-30'],
    ['2024年二季度重点工作计划', '2024-04-01', '2024-06-30'],
    ['2024年 第 3 季度工作要点', '2024-07-01', '2024-09-30'],
    ['2024年上半年工作要点', '2024-01-01', '2024-06-30'],
    ['2024年下半年工作要点', '2024-07-01', '2024-12-31'],
    ['2024年1月工作要点', '2024-01-01', '2024-01-31'],
    ['2024年12月重点工作安排', '2024-12-01', '2024-12-31'],
    ['2024年十二月工作要点', '2024-12-01', '2024-12-31'],
    ['2024年十月份工作要点', '2024-10-01', '2024-10-31'],
    ['2024年 3 月工作要点', '2024-03-01', '2024-03-31'],
    ['2024年2月工作要点', '2024-02-01', '2024-02-29'],
    // No month 0 or 13: the year.
    ['2024年0月工作要点', '2024-01-01', '2024-12-31'],
    ['2024年13月工作要点', '2024-01-01', '2024-12-31'],
    // A progress report's quarter, half or month is what it covers, not the plan's period.
    ['2024年度重点工作计划二季度执行情况', '2024-01-01', '2024-12-31'],
    ['2024年度重点工作计划3 季度执行情况', '2024-01-01', '2024-12-31'],
    ['2024年度重点工作上半年完成情况', '2024-01-01', '2024-12-31'],
    ['2024年3月份工作进展情况', '2024-01-01', '2024-12-31'],
    ['2024年3 月份工作进展情况', '2024-01-01', '2024-12-31'],
    ['2024年3月工作进展情况', '2024-01-01', '2024-12-31'],
  ])('%s', (title, start, end) => expect(periodOf(title, 2024)).toEqual({ start, end }));
});
