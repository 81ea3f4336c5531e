/**
 * Who issues a plan (bot/domain/plan/issuer.ts), rule by rule: what an office's name may be (its ending, its
 * length, no digits or sentence marks), the office before 关于 in a notice's title, the office beside the year in a
 * plan's title, a signature and its date on one line, a page's publisher, and the office whose congress voted the
 * 民生实事. Made-up lines in the genre; every expectation follows from the rule the case names.
 */
import { describe, expect, it } from 'vitest';
import {
  isOrgLine, issuerWithYear, meetingIssuer, noticeIssuer, publisherIssuer, signatureWithDate,
} from '../../../bot/domain/plan/issuer.js';

/** Four joint issuers, 40 characters with their spaces; one more 某 makes 41, one less 39. */
const JOINT_40 = '中共某某县委员会办公室 某某县人民政府办公室 某某县发展和改革委员会 某县财政局';
const JOINT_41 = '中共某某县委员会办公室 某某县人民政府办公室 某某县发展和改革委员会 某某县财政局';
const JOINT_39 = '中共某县委员会办公室 某某县人民政府办公室 某某县发展和改革委员会 某县财政局';

describe('isOrgLine', () => {
  it('the data is as long as it says', () => {
    expect([JOINT_39.length, JOINT_40.length, JOINT_41.length]).toEqual([39, 40, 41]);
  });

  it.each<[string, boolean]>([
    ['重庆市綦江区科学技术局', true],
    ['中共某县委办公室 某县人民政府办公室', true],
    // At most 40 characters.
    [JOINT_40, true],
    [JOINT_41, false],
    // It ends as an office's name does: the red header's 「……文件」 does not.
    ['某县科学技术局文件', false],
    // No digits (ASCII or full-width), colons or sentence marks.
    ['某县第2人民医院', false],
    ['某县第２人民医院', false],
    ['主送：各镇人民政府', false],
    ['主送:各镇人民政府', false],
    ['各镇人民政府，各街道办事处', false],
    ['各镇人民政府、街道办事处', false],
    ['各镇人民政府。', false],
    ['各镇人民政府；街道办事处', false],
    // Not a title: 「……行动计划推进办」 names a plan.
    ['某县行动计划推进办', false],
  ])('%s → %s', (line, is) => expect(isOrgLine(line)).toBe(is));
});

describe('noticeIssuer', () => {
  /** A notice title of exactly `n` characters, its issuers the two joint offices. */
  const titleOf = (n: number) => {
    const [head, tail] = ['中共某县委办公室 某县人民政府办公室关于印发《', '》的通知'];
    return head + '甲'.repeat(n - head.length - tail.length) + tail;
  };

  it.each<[string, string | null]>([
    ['某县人民政府关于分解落实政府工作报告目标任务的通知', '某县人民政府'],
    ['某县人民政府关于调整2023年重点工作的函', '某县人民政府'],
    ['某县人民政府关于表彰2022年度重点工作先进单位的决定', '某县人民政府'],
    // Two characters are enough for an office's name.
    ['县委关于印发2023年工作要点的通知', '县委'],
    // A space between the office and 关于 is not part of its name.
    ['某县人民政府 关于印发2023年工作要点的通知', '某县人民政府'],
    // Joint issuers keep one space between them, however the page spaced them.
    ['中共某县委办公室\u3000\u3000某县人民政府办公室关于印发2023年工作要点的通知', '中共某县委办公室 某县人民政府办公室'],
    // Every one of them must be an office: a page's column name before the title is not.
    ['通知公告 某县人民政府关于印发2023年工作要点的通知', null],
    // The title ends the line: a sentence citing the notice is not its title.
    ['根据某县人民政府关于做好2023年民生实事工作的通知精神，结合我镇实际，制定本计划。', null],
    // The issuers take at most 40 characters before 关于, from the line's start.
    [`${JOINT_40}关于印发2023年工作要点的通知`, JOINT_40],
    [`${JOINT_41}关于印发2023年工作要点的通知`, null],
  ])('%s → %s', (line, issuer) => expect(noticeIssuer(line)).toBe(issuer));

  it('a line of up to 120 characters is read; a longer one is not', () => {
    expect([titleOf(120).length, titleOf(121).length]).toEqual([120, 121]);
    expect(noticeIssuer(titleOf(120))).toBe('中共某县委办公室 某县人民政府办公室');
    expect(noticeIssuer(titleOf(121))).toBeNull();
  });

  it.each([
    ['某县人民政府办公室转发某县财政局关于2023年重点工作的通知', '某县人民政府办公室'],
    ['某市人民政府批转市发展改革委关于2023年重点项目计划的通知', '某市人民政府'],
  ])('a notice forwarding (转发, 批转) another office\'s is the forwarder\'s: %s', (line, issuer) => expect(noticeIssuer(line)).toBe(issuer));
});

describe('issuerWithYear', () => {
  const TITLE_40 = '某市民政局2024年度政务公开重点工作任务分工及责任清单（第一批）（征求意见稿）';
  const TITLE_41 = '某市民政局2024年度政务公开重点工作任务分工及责任清单（第十一批）（征求意见稿）';

  it('a line of up to 40 characters is read; a longer one is not', () => {
    expect([TITLE_40.length, TITLE_41.length]).toEqual([40, 41]);
    expect(issuerWithYear(TITLE_40)).toBe('某市民政局');
    expect(issuerWithYear(TITLE_41)).toBeNull();
  });

  it.each<[string, string | null]>([
    // A lead-in clause before the office is cut at its comma.
    ['据了解，某街道2023年十大实事项目包括：', '某街道'],
    // The office after the year, the spaces around it aside.
    ['2025年 开发区重点工作及责任清单', '开发区'],
    ['2025年开发区 重点工作及责任清单', '开发区'],
    ['2023年某区政府工作报告重点工作责任分解', null],
  ])('%s → %s', (line, issuer) => expect(issuerWithYear(line)).toBe(issuer));
});

describe('signatureWithDate', () => {
  it.each<[string, { org: string; date: string } | null]>([
    ['某市农业农村局 2024年1月17日', { org: '某市农业农村局', date: '2024年1月17日' }],
    // The year in Chinese digits, all four of them.
    ['某县人民政府 二〇二四年一月十七日', { org: '某县人民政府', date: '二〇二四年一月十七日' }],
    // Spaces a PDF leaves inside the date, and a wide gap before it.
    ['某县人民政府 2024 年 1 月 17 日', { org: '某县人民政府', date: '2024 年 1 月 17 日' }],
    [`某县农业农村局${' '.repeat(40)}2024年1月17日`, { org: '某县农业农村局', date: '2024年1月17日' }],
    // The date ends the line: the 版记's 「……印发」 is the printing, not the signature.
    ['某县人民政府办公室 2024年1月17日印发', null],
    // The name before the date is at most 39 characters, from the line's start.
    [`${JOINT_39} 2024年1月17日`, { org: JOINT_39, date: '2024年1月17日' }],
    [`${JOINT_40} 2024年1月17日`, null],
    // It must be an office's name.
    ['某县2024年工作要点 2024年1月17日', null],
  ])('%s → %j', (line, signature) => expect(signatureWithDate(line)).toEqual(signature));
});

describe('publisherIssuer', () => {
  const NAME_30 = `重庆市綦江区${'某'.repeat(21)}管委会`;
  const NAME_31 = `重庆市綦江区${'某'.repeat(22)}管委会`;

  it.each<[string[], string | null]>([
    [[], null],
    // The first that names an office: a web site does not.
    [['区政府门户网站', '谯城区政府(办公室)'], '谯城区政府(办公室)'],
    [['区政府门户网站'], null],
    // Only a bracket that ends the name is set aside: the one inside it stays.
    [['某某高新区（综保区）管委会（办公室）'], '某某高新区（综保区）管委会（办公室）'],
    // An office's name is at most 30 characters.
    [[NAME_30], NAME_30],
    [[NAME_31], null],
    // No digits or sentence marks in it; 了 is a sentence's (「据了解」).
    [['某县2局'], null],
    [['某县第一人民医院，县卫健委'], null],
    [['《某县人民政府》'], null],
    [['据了解某街道'], null],
  ])('%j → %s', (publishers, issuer) => expect(publisherIssuer(publishers)).toBe(issuer));

  it('the data is as long as it says', () => expect([NAME_30.length, NAME_31.length]).toEqual([30, 31]));
});

describe('meetingIssuer', () => {
  it.each<[string, string | null]>([
    ['某某街道第一届居民议事会第三次会议顺利召开', '某某街道'],
    // A session of two or three digits.
    ['某某镇第十八届人民代表大会第三次会议召开', '某某镇'],
    // The preposition before the place is set aside, only at its start.
    ['在某某镇第五届人民代表大会第一次会议上，102名人大代表投票', '某某镇'],
    ['某某经济开发区第一届职工代表大会第二次会议召开', '某某经济开发区'],
    // What is left must still be an office's name of two characters or more.
    ['经镇第十八届人民代表大会第三次会议审议通过', null],
  ])('%s → %s', (line, issuer) => expect(meetingIssuer(line)).toBe(issuer));

  it.each([
    // 于 before a congress's name is a place's first character (于集镇, 于家务回族乡), and so is 经 in 经济开发区.
    ['于家务回族乡第十届人民代表大会第三次会议召开', '于家务回族乡'],
    ['于集镇第十八届人民代表大会第二次会议召开', '于集镇'],
    ['经济技术开发区第一届职工代表大会第二次会议召开', '经济技术开发区'],
    // 经 and 从 as prepositions are set aside, only before the name: inside it they stay.
    ['经某某镇第十八届人民代表大会第三次会议审议通过', '某某镇'],
    ['从某某街道第二届居民议事会上获悉', '某某街道'],
    ['高经镇第五届人民代表大会第一次会议召开', '高经镇'],
  ])('a place\'s first character is kept, a preposition is not: %s → %s', (line, issuer) => expect(meetingIssuer(line)).toBe(issuer));
});
