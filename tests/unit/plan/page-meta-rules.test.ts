/**
 * What a web page's metadata says about the document it shows (bot/domain/plan/page-meta.ts), rule by rule: the
 * publishers in order (issuing organ first), the signed and published dates, a metadata cell cleaned of its table
 * pipes, label and 【tag】, and a signed date whose 年月日 the page dropped. Made-up lines in the genre; every
 * expectation follows from the rule the case names.
 */
import { describe, expect, it } from 'vitest';
import { cleanPageLine, pagePublishedOn, pagePublishers, pageSignedOn, strippedDate } from '../../../bot/domain/plan/page-meta.js';

describe('pagePublishers', () => {
  it('the issuing organ first, then the page\'s publisher, then its source; the value after any pipes', () => {
    const lines = ['发布机构：区科技局', '| 发文机关： | 重庆市綦江区科学技术局 |', '信息来源：区科技局', '标题：某区科技局2022年工作要点'];
    expect(pagePublishers(lines)).toEqual(['重庆市綦江区科学技术局', '区科技局', '区科技局']);
  });

  it('a page without such a field names none', () => {
    expect(pagePublishers(['标题：某镇2023年工作计划', '发布日期：2023-07-15'])).toEqual([]);
  });
});

describe('pageSignedOn and pagePublishedOn', () => {
  const meta = ['| 发布日期： | 2023-07-15 09:30 |', '成文日期：2023年7月12日'];

  it('the signed date is the 成文日期, never the publication date', () => {
    expect(pageSignedOn(meta)).toBe('2023-07-12');
    expect(pagePublishedOn(meta)).toBe('2023-07-15');
  });

  it('a field whose value is no date is passed over for the next', () => {
    expect(pageSignedOn(['发文日期：见附件', '印发日期：2023年7月12日'])).toBe('2023-07-12');
    expect(pagePublishedOn(['公开时间：不详'])).toBeNull();
  });
});

describe('cleanPageLine', () => {
  it.each([
    // Table pipes (ASCII or full-width) and spaces are trimmed from both ends, inner spaces kept.
    ['| 标题：某镇2023年工作计划 | |', '某镇2023年工作计划'],
    ['｜某镇2023年工作计划｜', '某镇2023年工作计划'],
    ['某镇2023年工作计划 |', '某镇2023年工作计划'],
    ['| 某镇2023年工作计划', '某镇2023年工作计划'],
    ['| 中共某县委办公室  某县人民政府办公室 |', '中共某县委办公室  某县人民政府办公室'],
    ['某镇2023年工作计划', '某镇2023年工作计划'],
    ['| | |', ''],
    // The label goes with its colon and the spaces around it.
    ['标题：某区科技局2022年工作要点', '某区科技局2022年工作要点'],
    ['名称:某区科技局2022年工作要点', '某区科技局2022年工作要点'],
    ['文件名称 ：  某区科技局2022年工作要点', '某区科技局2022年工作要点'],
    // A label only at the start: one later in the line stays.
    ['发布机构：区科技局 标题：某区科技局2022年工作要点', '发布机构：区科技局 标题：某区科技局2022年工作要点'],
    // A 【tag】 of 1 to 12 characters, only at the start, after the label.
    ['文件标题：【通知公告】某区科技局2022年工作要点', '某区科技局2022年工作要点'],
    ['【綦江区科学技术局通知公告】某区科技局2022年工作要点', '某区科技局2022年工作要点'],
    ['【重庆市綦江区科学技术局发布】某区科技局2022年工作要点', '【重庆市綦江区科学技术局发布】某区科技局2022年工作要点'],
    ['某市残疾人联合会【政务公开】2024年重点工作', '某市残疾人联合会【政务公开】2024年重点工作'],
  ])('%s → 「%s」', (line, cleaned) => expect(cleanPageLine(line)).toBe(cleaned));
});

describe('strippedDate', () => {
  it.each<[string, string | null]>([
    // The last day of a month is a day; one past it is not (2023 has no 29 February, 2024 has).
    ['2023228', '2023-02-28'],
    ['2023229', null],
    ['2024229', '2024-02-29'],
    ['2022230', null],
    ['20221231', '2022-12-31'],
    // No month 13: 「2022131」 reads only as 1月31日.
    ['2022131', '2022-01-31'],
    // A day never opens with 0: 「2022101」 is 10月1日, not 1月01日.
    ['2022101', '2022-10-01'],
    // Nor does a month (a 成文日期 writes 3月, not 03月), so a zero-padded date is not one of these.
    ['20220315', null],
    // The date is the whole line: a phone number ending in 2019…, a count with its unit, are not dates.
    ['联系电话：023-48201931', null],
    ['201586人', null],
  ])('%s → %s', (line, date) => expect(strippedDate(line, null)).toBe(date));
});
