/**
 * Who issued a plan, when it was signed and which year it is for, as government web pages show
 * them (issue #16, plans 3 and 6): page metadata, signatures on one line, dates the page stripped of
 * 年月日, offices named in titles. Made-up text in the shape of real pages.
 */
import { describe, expect, it } from 'vitest';
import { issuerWithYear, meetingIssuer, noticeIssuer } from '../../../bot/domain/plan/issuer.js';
import { strippedDate } from '../../../bot/domain/plan/page-meta.js';
import { parseText } from './helpers.js';

const TASKS = ['一、着力培育创新主体', '1.培育高新技术企业。全年新增高新技术企业20家。', '2.落实科技创新政策。开展政策宣讲10场。'];

const headerOf = (lines: string[]) => {
  const { issuer, issuedOn, year } = parseText([...lines, ...TASKS].join('\n'), 'plan.txt').plan;
  return { issuer, issuedOn, year };
};

describe('the plan header as web pages give it', () => {
  it.each([
    [
      'metadata table flattened into pipe lines: 发文机关 and 发文时间',
      ['| 索引号：1234/2023-001 | |', '| 发文字号： | 发文时间：2023-01-06 |', '| 发文机关：某镇人民政府 | 主题词：工作计划 |', '| 标题：某镇人民政府2023年工作计划 | |', '| 发布日期：2023-01-09 | |'],
      { issuer: '某镇人民政府', issuedOn: '2023-01-06', year: 2023 },
    ],
    [
      'signature and date on one line after the notice',
      ['某县科学技术局关于印发《2024年全县科技工作要点》的通知', '各股室：现将《2024年全县科技工作要点》印发给你们，请认真贯彻落实。', '某县科学技术局 2024年2月5日', '2024年全县科技工作要点'],
      { issuer: '某县科学技术局', issuedOn: '2024-02-05', year: 2024 },
    ],
    [
      'a signed date the page stripped of 年月日, under the signature',
      ['某区人民政府办公室关于印发《2022年区政府实事项目》的通知', '发布日期：2022-01-12', '现将《2022年区政府实事项目》印发给你们，请抓紧组织实施。', '某区人民政府办公室', '2022111', '2022年区政府实事项目'],
      { issuer: '某区人民政府办公室', issuedOn: '2022-01-11', year: 2022 },
    ],
    [
      'a stripped date alone under the notice',
      ['关于印发《某市农业农村局2024年工作要点》的通知', '发布时间：2024-03-29 09:30 信息来源：某市农业农村局', '现将《某市农业农村局2024年工作要点》印发给你们，请结合实际认真贯彻落实。', '2024328', '某市农业农村局2024年工作要点'],
      { issuer: '某市农业农村局', issuedOn: '2024-03-28', year: 2024 },
    ],
    [
      'the issuing organ in 发布机构 over the office that posted the page, the page date not a signing date',
      ['当前位置：首页 > 政府信息公开', '发布机构：某区政府(办公室) 主题分类：综合政务', '名称：某区2025年政府工作报告重点工作任务分解表 文号：', '发布日期：2025-03-20', '某区2025年政府工作报告重点工作任务分解表', '发布时间：2025-03-20 16:00 信息来源：某区督查考核办'],
      { issuer: '某区政府（办公室）', issuedOn: null, year: 2025 },
    ],
    [
      'a notice that hands down tasks without 印发 names its issuer before 关于',
      ['某县人民政府关于分解落实政府工作报告目标任务的通知', '各乡镇人民政府，县政府各部门：', '现将2023年政府工作报告目标任务予以分解印发，请认真抓好落实。'],
      { issuer: '某县人民政府', issuedOn: null, year: 2023 },
    ],
    [
      'a news page: the street named with the year in the lead-in, the year nearest the list',
      ['某街道发布十大实事项目', '时间：2023-03-27', '会上，代表们听取了《2022年实事项目完成情况》。', '据了解，某某路街道2023年十大实事项目包括：'],
      { issuer: '某某路街道', issuedOn: null, year: 2023 },
    ],
    [
      'a tag in 【】 before the title',
      ['【政务公开】某市残疾人联合会2024年政务公开重点工作任务分工'],
      { issuer: '某市残疾人联合会', issuedOn: null, year: 2024 },
    ],
  ])('%s', (_name, lines, expected) => expect(headerOf(lines)).toEqual(expected));
});

describe('offices named in titles', () => {
  it.each([
    ['某市民政局2024年政务公开重点工作任务分工', '某市民政局'],
    ['2025年开发区重点工作及责任清单', '开发区'],
    ['2023年某镇政府主要工作安排和任务分解', '某镇政府'],
    ['发布单位： | 某镇2023年工作计划', '某镇'],
    ['2023年某区政府工作报告重点工作责任分解', null],
    ['2024年全市农业农村工作要点', null],
    ['2023年本部门年度重点工作任务的任务分解', null],
    ['会议表决通过了某街道2023年实事项目、某街道第三届社区代表会议社区委员会成员建议名单', null],
  ])('%s → %s', (line, issuer) => expect(issuerWithYear(line)).toBe(issuer));

  it.each([
    ['某县人民政府关于分解落实政府工作报告目标任务的通知', '某县人民政府'],
    ['中共某县委办公室 某县人民政府办公室关于印发2023年工作要点的通知', '中共某县委办公室 某县人民政府办公室'],
    ['关于印发2023年工作要点的通知', null],
    ['各单位要按照关于做好年度考核工作的通知', null],
  ])('%s → %s', (line, issuer) => expect(noticeIssuer(line)).toBe(issuer));
});

describe('the office whose congress voted the 民生实事', () => {
  it.each([
    ['某某街道第一届居民议事会第三次会议顺利召开', '某某街道'],
    ['3月18日，某某镇第二届议事代表大会第一次会议召开。来自辖区的46名代表参加', '某某镇'],
    ['在某某镇第五届人民代表大会第一次会议上，102名人大代表投票', '某某镇'],
    ['《政府工作报告》已经县第十八届人民代表大会第二次会议审议通过', null],
    ['会议听取了街道工作报告。某街道第一届议事会', null],
  ])('%s → %s', (line, issuer) => expect(meetingIssuer(line)).toBe(issuer));
});

describe('dates a page stripped of 年月日', () => {
  it.each([
    ['202218', null, '2022-01-08'],
    ['2024327', null, '2024-03-27'],
    ['2021910 ', null, '2021-09-10'],
    ['2022121日', '2022-01-21', '2022-01-21'],
    ['2022121日', '2022-12-05', '2022-12-01'],
    ['2022121', null, null],
    ['2022 年', null, null],
    ['20221', null, null],
    ['2022-01-21', null, null],
  ])('%s (published %s) → %s', (line, published, date) => expect(strippedDate(line, published)).toBe(date));
});
