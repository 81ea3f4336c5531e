/**
 * The cover notice in front of a plan (bot/domain/plan/notice.ts) rule by rule: which line is a plan's title,
 * which is a date and nothing else, which line is the notice's (「关于印发……的通知」「现将……印发给你们」), and
 * where the plan starts after it (its title, or the line after the date signed under the notice; all of it when
 * the notice only instructs its addressees). Made-up text in the genre; every expectation follows from the rule
 * the case names.
 */
import { describe, expect, it } from 'vitest';
import { isDateOnly, isTitleLine, planStart } from '../../../bot/domain/plan/notice.js';

/** A plan with its own title, two sections and a task in each. */
const PLAN = [
  '某区科学技术局2023年工作要点',
  '一、着力培育创新主体',
  '1.培育高新技术企业。全年新增高新技术企业20家。',
  '二、优化创新生态',
  '2.落实科技创新政策。开展政策宣讲10场。',
];
/** The plan without its title. */
const BODY = PLAN.slice(1);
/** A title of n characters. */
const titleOf = (n: number) => `某区${'创'.repeat(n - 6)}工作要点`;

describe('isTitleLine: short, no mark at the end, not a notice\'s title, with a plan word', () => {
  it.each([
    '某区科学技术局2023年工作要点',
    '2023年工作计划',
    '2023年工作安排',
    '2023年重点工作任务清单',
    '2023年重点工作任务分解',
    '2023年目标任务分解表',
    '2023年重点任务',
    '科技创新三年行动实施方案',
    '科技特派员工作方案',
    // 关于 only counts at the start.
    '区科技局关于科技创新的工作计划',
    // 通知 only counts at the end.
    '贯彻落实《通知》精神的工作方案',
    // A mark only counts at the end.
    '深化改革，推动科技创新工作方案',
  ])('%s is a title', (line) => expect(isTitleLine(line)).toBe(true));

  it.each([
    ['no plan word', '某区科学技术局'],
    ['starts with 关于', '关于2023年工作要点的说明'],
    ['a notice\'s title', '某区科学技术局关于印发2023年工作要点的通知'],
    ['a letter\'s title', '某区科学技术局关于商请配合落实2023年工作计划的函'],
    ['ends in 。', '请认真落实2023年工作要点。'],
    ['ends in ，', '为全面完成2023年工作要点，'],
    ['ends in ；', '全面完成2023年工作要点；'],
    ['ends in ：', '现将2023年工作要点通报如下：'],
    ['ends in :', '现将2023年工作要点通报如下:'],
  ])('not a title: %s', (_why, line) => expect(isTitleLine(line)).toBe(false));

  it('is at most 60 characters long', () => {
    expect(titleOf(60).length).toBe(60);
    expect(isTitleLine(titleOf(60))).toBe(true);
    expect(isTitleLine(titleOf(61))).toBe(false);
  });
});

describe('isDateOnly: a date and nothing else, spaces and brackets aside', () => {
  it.each([
    '2023年2月1日',
    '2023年12月31日',
    '23年2月1日',
    '２０２３年２月１日',
    '二〇二三年二月一日',
    '二○二三年十二月三十一日',
    '（二〇二三年二月一日）',
    '(2023年2月1日)',
    '2023年 2月 1日',
    ' 2023年2月1日 ',
  ])('%s is a date', (line) => expect(isDateOnly(line)).toBe(true));

  it.each([
    ['text before it', '发布时间：2023年2月1日'],
    ['text after it', '2023年2月1日印发'],
    ['no day', '2023年2月'],
    ['a five-digit year', '20231年2月1日'],
    ['digits and dashes', '2023-02-01'],
  ])('not a date: %s', (_why, line) => expect(isDateOnly(line)).toBe(false));
});

describe('planStart: which line is the notice\'s', () => {
  it.each([
    ['the notice\'s title', '关于印发2023年工作要点的通知'],
    ['a letter\'s title', '某区科学技术局关于印发2023年工作要点的函'],
    ['印发给你们', '现将《2023年工作要点》印发给你们，请认真贯彻落实。'],
    ['印发给各', '《2023年工作要点》已经局务会审议通过，印发给各科室，请遵照执行。'],
    ['现予印发', '《2023年工作要点》已经局党组会议审议通过，现予印发，请认真组织实施。'],
    ['予以印发', '经局党组会议研究，决定将《2023年工作要点》予以印发。'],
    ['现印发', '现印发《2023年工作要点》，请认真贯彻执行。'],
    ['现将 and 印发 80 characters apart', `现将《${'某'.repeat(78)}》印发，请认真贯彻落实。`],
    ['关于印发 and 通知 120 characters apart', `关于印发${'某'.repeat(119)}的通知`],
    // Trimmed: the title still ends in 通知.
    ['the notice\'s title with spaces after it', '某区科学技术局关于印发2023年工作要点的通知   '],
  ])('%s: the plan starts at its title after it', (_what, line) => expect(planStart([line, ...PLAN])).toBe(1));

  it.each([
    ['a notice that hands down no plan', '某区科学技术局关于下达2023年工作要点的通知'],
    ['a notice cited, not ending the line', '根据《关于印发2023年工作要点的通知》要求，结合我局实际，制定本要点。'],
    ['现将 and 印发 81 characters apart', `现将《${'某'.repeat(79)}》印发，请认真贯彻落实。`],
    ['关于印发 and 通知 121 characters apart', `关于印发${'某'.repeat(120)}的通知`],
  ])('not a notice: %s (the plan starts at the top)', (_what, line) => expect(planStart([line, ...PLAN])).toBe(0));

  it('no notice, however the head looks, is start 0', () => {
    expect(planStart(PLAN)).toBe(0);
    expect(planStart(['某区科学技术局2023年工作要点', '某区科学技术局', '2023年2月1日', ...BODY])).toBe(0);
    expect(planStart(['发布时间：2023-01-05 信息来源：某区科学技术局', ...PLAN])).toBe(0);
  });

  it('a notice after the first numbered line is the plan\'s own text', () => {
    expect(planStart(['某区科学技术局2023年工作要点', '一、深化改革', '1.印发科技体制改革方案。现将方案印发给各科室。', '某区科技创新工作方案', '2.落实科技创新政策。'])).toBe(0);
  });

  // The last notice line before the first numbered one anchors the cut: the first one would take a date signed
  // under it, before the notice's own numbered paragraphs, as the notice's end, and those paragraphs as plan.
  it('a date in brackets under the notice\'s title, then its numbered paragraphs: the plan starts at its title', () => {
    const lines = [
      '某区科学技术局关于印发某区2023年工作要点的通知',
      '（2023年2月1日）',
      '各科室、局属各单位：',
      '现将《某区科学技术局2023年工作要点》印发给你们，并提出以下要求：',
      '一、各责任单位要高度重视，细化工作措施。',
      '二、区科技局要加强督促检查，按季度通报进展。',
      ...PLAN,
    ];
    expect(planStart(lines)).toBe(6);
  });

  it('a notice forwarding another (转发), dated under it, the forwarded one with numbered paragraphs: the plan starts at its title', () => {
    const lines = [
      '关于转发《某市科学技术局关于印发2023年全市科技工作要点的通知》的通知',
      '各科室：',
      '现将该通知转发给你们，请结合实际认真抓好落实。',
      '某区科学技术局',
      '2023年3月1日',
      '某市科学技术局关于印发2023年全市科技工作要点的通知',
      '各区县科技局：',
      '现将《2023年全市科技工作要点》印发给你们，并提出以下要求：',
      '一、各区县科技局要结合实际，制定具体措施。',
      '二、各区县科技局要按季度报送工作进展。',
      '某市科学技术局',
      '2023年2月20日',
      ...PLAN,
    ];
    expect(planStart(lines)).toBe(12);
  });
});

describe('planStart: where the plan starts after the notice', () => {
  const NOTICE = ['某区科学技术局关于印发2023年工作要点的通知', '各科室、局属各单位：', '现将《某区科学技术局2023年工作要点》印发给你们，请认真贯彻落实。'];

  it('at the plan\'s title (addressees and cover text end in a mark)', () => {
    expect(planStart([...NOTICE, ...PLAN])).toBe(3);
    expect(planStart([...NOTICE, '', '  ', ...PLAN])).toBe(5);
  });

  it('at the title, not at cover text with spaces after its full stop', () => {
    expect(planStart([NOTICE[0]!, NOTICE[1]!, `  ${NOTICE[2]!}  `, ...PLAN])).toBe(3);
    // A sentence after the notice's that names the plan: its full stop, before the spaces, ends it.
    expect(planStart([...NOTICE, '请各科室对照《2023年工作要点》抓好落实。  ', ...PLAN])).toBe(4);
  });

  it.each([
    ['2023年2月1日'],
    ['（二〇二三年二月一日）'],
  ])('after the date %s signed under the notice', (date) => {
    expect(planStart([...NOTICE, '某区科学技术局', date, ...BODY])).toBe(5);
    expect(planStart([...NOTICE, '某区科学技术局', date, ...PLAN])).toBe(5);
  });

  it('after the notice\'s own numbered paragraphs, signature and date', () => {
    const lines = [
      '某区人民政府办公室关于印发某区2023年科技创新工作要点的通知',
      '各镇人民政府、街道办事处，区政府各部门：',
      '《某区2023年科技创新工作要点》已经区政府同意，现印发给你们，并提出以下要求：',
      '一、各责任单位要高度重视，明确专人负责，确保各项任务落到实处。',
      '二、区科技局要加强统筹协调，每季度通报工作进展。',
      '某区人民政府办公室',
      '2023年2月1日',
      ...PLAN,
    ];
    expect(planStart(lines)).toBe(7);
  });

  it('a numbered heading is never the plan\'s title', () => {
    // No title and no date follow the notice, and 「一、重点任务」 holds items: start 0 (the notice is before the first heading).
    const lines = [NOTICE[0]!, NOTICE[2]!, '一、重点任务', '1.培育高新技术企业。全年新增高新技术企业20家。', '二、保障措施', '（一）加强组织领导。'];
    expect(planStart(lines)).toBe(0);
  });

  it('the plan numbers from 1 where it starts, else it is not its start', () => {
    // An excerpt (节选) starts at section 三: not a plan's start, so start 0.
    expect(planStart([NOTICE[0]!, '（节选）', '某区科学技术局2023年工作要点', '三、优化创新生态', '5.落实科技创新政策。'])).toBe(0);
    expect(planStart([NOTICE[0]!, '（节选）', '某区科学技术局2023年工作要点', '1.培育高新技术企业。', '2.落实科技创新政策。'])).toBe(2);
  });
});

describe('planStart: a notice without its plan', () => {
  const NOTICE = [
    '某县人民政府关于分解落实2024年政府工作报告目标任务的通知',
    '各乡镇人民政府，县政府各部门：',
    '经研究，现将《政府工作报告》确定的2024年目标任务予以分解印发。',
  ];
  const FIRST = '一、细化任务抓落实。各乡镇、各部门要围绕目标任务，细化分解到月。';

  it('whose numbered paragraphs all instruct (要, 请) is all notice: start is past the end', () => {
    const lines = [...NOTICE, FIRST, '二、强化督查抓落实。请县政府督查室定期跟踪督办。'];
    expect(planStart(lines)).toBe(5);
  });

  it('signed and dated after its paragraphs, still all notice', () => {
    // The date is after the last numbered line: it cuts nothing.
    const lines = [...NOTICE, FIRST, '二、强化督查抓落实。请县政府督查室定期跟踪督办。', '某县人民政府', '2024年2月1日', '（此件公开发布）'];
    expect(planStart(lines)).toBe(8);
  });

  it.each([
    ['a sub-paragraph, though it instructs', '（一）各部门要明确专人负责。'],
    ['a paragraph that holds an item', '二、全年新增市场主体3000户。'],
    ['a paragraph with 要求 only', '二、工作要求。各乡镇高度重视，确保任务按期完成。'],
    ['a paragraph with 要点 only', '二、2024年工作要点'],
  ])('with %s is not all notice: start 0', (_what, line) => {
    expect(planStart([...NOTICE, FIRST, line])).toBe(0);
  });
});
