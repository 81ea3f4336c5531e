/**
 * The rules of the target reader (bot/domain/plan/targets.ts) one at a time, each case read whole: where a target's
 * clause and phrase begin, what its label is made of, which kind and which side (at least / at most) it is, what
 * is not a target at all, and when an earlier number is its baseline. Every expectation follows from the rule the
 * case names, worked out before running it.
 */
import { describe, expect, it } from 'vitest';
import { findTargets } from '../../../bot/domain/plan/targets.js';
import { unquote } from '../../../bot/domain/plan/quotes.js';
import type { ParsedTarget } from '../../../bot/domain/plan/types.js';

const t = (value: number, unit: string, label: string, text: string, kind: ParsedTarget['kind'], extra: Partial<ParsedTarget> = {}): ParsedTarget => ({
  value, unit, comparator: 'at_least', label, text, kind, ...extra,
});

describe('a target never reaches back past its clause', () => {
  // Each clause break ends what came before: the label and the phrase start after it.
  it.each(['。', '；', ';', '！', '!', '？', '?', '\n'])('after 「%s」', (stop) => {
    expect(findTargets(`上年工作已部署完毕${stop}新增企业20家`)).toEqual([t(20, '家', '企业', '新增企业20家', 'cumulative')]);
  });

  // A soft break (，,：:) starts the label and the phrase, inside a clause that began earlier in the text.
  it.each(['，', ',', '：', ':'])('after 「%s」', (soft) => {
    expect(findTargets(`上年工作已部署完毕。围绕主导产业${soft}新增企业20家`)).toEqual([t(20, '家', '企业', '新增企业20家', 'cumulative')]);
  });

  it('a soft break first in its clause is not part of the phrase', () => {
    expect(findTargets('：新增企业20家')).toEqual([t(20, '家', '企业', '新增企业20家', 'cumulative')]);
  });

  it('the phrase leaves out the spaces after a soft break', () => {
    expect(findTargets('围绕主导产业， 新增企业20家')).toEqual([t(20, '家', '企业', '新增企业20家', 'cumulative')]);
  });

  it('a target at the very start of the text is read, its noun after the number', () => {
    expect(findTargets('20家企业完成认定')).toEqual([t(20, '家', '企业', '20家企业完成认定', 'cumulative')]);
  });
});

describe('labels', () => {
  it('a list names what is counted by its last item', () => {
    expect(findTargets('认定科技型企业、高新技术企业20家')).toEqual([
      t(20, '家', '高新技术企业', '认定科技型企业、高新技术企业20家', 'cumulative'),
    ]);
  });

  it('the words before 「由」 name a rising stock, whatever came before the clause', () => {
    expect(findTargets('围绕主导产业，有效期高企由118家增至140家')).toEqual([
      t(140, '家', '有效期高企', '有效期高企由118家增至140家', 'level', { baseline: 118 }),
    ]);
  });

  it('the last 「由」 starts the rise: an earlier one belongs to the name', () => {
    expect(findTargets('由区财政支持的孵化器由3个增至5个')).toEqual([
      t(5, '个', '由区财政支持的孵化器', '由区财政支持的孵化器由3个增至5个', 'level', { baseline: 3 }),
    ]);
  });

  it('a 「由」 without a rise after its number is part of the label', () => {
    expect(findTargets('由企业自主申报项目20个')).toEqual([t(20, '个', '由企业自主申报项目', '由企业自主申报项目20个', 'cumulative')]);
  });

  it('a label of one character gives way to the noun after the number', () => {
    expect(findTargets('共新增8家市级企业技术中心')).toEqual([t(8, '家', '市级企业技术中心', '共新增8家市级企业技术中心', 'cumulative')]);
  });

  it('examples before 「等」 give way to the noun after the number, even with a space between', () => {
    expect(findTargets('改造幸福村、团结社区等 3个老旧小区')).toEqual([
      t(3, '个', '老旧小区', '改造幸福村、团结社区等 3个老旧小区', 'level'),
    ]);
  });

  it('「等」 inside a word is not a list of examples', () => {
    expect(findTargets('推动等保测评企业20家完成整改')).toEqual([
      t(20, '家', '等保测评企业', '推动等保测评企业20家完成整改', 'cumulative'),
    ]);
  });

  it('with no words of its own, the target is named by the words before the soft break', () => {
    expect(findTargets('规上工业企业：新增20家')).toEqual([t(20, '家', '规上工业企业', '新增20家', 'cumulative')]);
  });

  it('a number right after a soft break does not take the clause before it (another target\'s) as its name', () => {
    expect(findTargets('新增规上工业企业，20家')).toEqual([
      t(20, '家', '家', '20家', 'cumulative'),
    ]);
  });

  it('「以上」「以内」 after the unit qualify the number: they are not its noun', () => {
    expect(findTargets('新增5家以上企业')).toEqual([t(5, '家', '企业', '新增5家以上企业', 'cumulative')]);
    expect(findTargets('控制在5家以内')).toEqual([t(5, '家', '家', '控制在5家以内', 'level', { comparator: 'at_most' })]);
  });

  it('drops the verbs in front of a long label\'s object, and leaves a short label whole', () => {
    expect(findTargets('辅导企业开展技术合同登记300项')).toEqual([
      t(300, '项', '技术合同登记', '辅导企业开展技术合同登记300项', 'cumulative'),
    ]);
    expect(findTargets('做好服务企业20家')).toEqual([t(20, '家', '做好服务企业', '做好服务企业20家', 'cumulative')]);
    // Eight characters are still short.
    expect(findTargets('辅导小微企业入规20家')).toEqual([t(20, '家', '辅导小微企业入规', '辅导小微企业入规20家', 'level')]);
  });

  it('takes off a tail of target words, but not such a word inside the name', () => {
    expect(findTargets('科技型企业不少于50家')).toEqual([t(50, '家', '科技型企业', '科技型企业不少于50家', 'level')]);
    expect(findTargets('建成科技特派员达标村5个')).toEqual([t(5, '个', '科技特派员达标村', '建成科技特派员达标村5个', 'cumulative')]);
  });

  it('takes off target words in at most three rounds (bounded work), each after the separators it exposed', () => {
    expect(findTargets('新增 确保 全年 达到企业20家')).toEqual([t(20, '家', '达到企业', '新增 确保 全年 达到企业20家', 'cumulative')]);
    expect(findTargets('新增 确保 全年企业20家')).toEqual([t(20, '家', '企业', '新增 确保 全年企业20家', 'cumulative')]);
  });

  it('keeps a quoted name\'s marks, and drops a pair around the whole label', () => {
    expect(findTargets('培育“专精特新”企业20家')).toEqual([t(20, '家', '“专精特新”企业', '培育“专精特新”企业20家', 'cumulative')]);
    expect(findTargets('认定“瞪羚企业”15家')).toEqual([t(15, '家', '认定“瞪羚企业”', '认定“瞪羚企业”15家', 'cumulative')]);
    expect(findTargets('全年新增 “高新技术企业”20家')).toEqual([t(20, '家', '高新技术企业', '全年新增 “高新技术企业”20家', 'cumulative')]);
  });
});

describe('unquote', () => {
  it.each([
    ['“专精特新”企业', '“专精特新”企业'],
    ['认定“瞪羚企业', '认定瞪羚企业'],
    ['瞪羚企业”', '瞪羚企业'],
    ['“高新技术企业”', '高新技术企业'],
    ['「小巨人」企业', '「小巨人」企业'],
    ['「小巨人企业」', '小巨人企业'],
    ['『小巨人企业』', '小巨人企业'],
    ['‘小巨人’企业', '‘小巨人’企业'],
    // Two pairs around two names are not one pair around the whole.
    ['“专精特新”和“小巨人”', '“专精特新”和“小巨人”'],
    ['““双创”基地”', '“双创”基地'],
    ['"双创"基地', '"双创"基地'],
    ['"双创基地"', '双创基地'],
    ['双创基地"', '双创基地'],
    ['"双创基地', '双创基地'],
    ['"', ''],
    ['""', ''],
    ['《2023年工作要点》', '2023年工作要点'],
    ['贯彻《科技进步法》工作要点', '贯彻《科技进步法》工作要点'],
    ['“ 企业', ' 企业'],
    ['', ''],
  ])('%s → %s', (label, expected) => expect(unquote(label)).toBe(expected));
});

describe('kinds', () => {
  it('「新增」 in the phrase counts new ones, even of a stock', () => {
    expect(findTargets('新增有效期高新技术企业20家')).toEqual([t(20, '家', '有效期高新技术企业', '新增有效期高新技术企业20家', 'cumulative')]);
  });

  it('「达到」 right before the number is a level, whatever verb came first', () => {
    expect(findTargets('培育科技型企业达到300家')).toEqual([t(300, '家', '科技型企业', '培育科技型企业达到300家', 'level')]);
  });

  it('a stock\'s word is a level without 「达」', () => {
    expect(findTargets('培育在库科技型企业500家')).toEqual([t(500, '家', '在库科技型企业', '培育在库科技型企业500家', 'level')]);
  });

  it('a verb of doing after the number makes a count', () => {
    expect(findTargets('推动高新技术企业20家完成认定。')).toEqual([t(20, '家', '高新技术企业', '推动高新技术企业20家完成认定', 'cumulative')]);
  });

  it('what the next phrase says does not change a level', () => {
    expect(findTargets('有效期高企达140家，新增科技型企业200家')).toEqual([
      t(140, '家', '有效期高企', '有效期高企达140家', 'level'),
      t(200, '家', '科技型企业', '新增科技型企业200家', 'cumulative'),
    ]);
  });

  it('a full-width 「％」 is a percent', () => {
    expect(findTargets('研发投入强度达到2.5％')).toEqual([t(2.5, '%', '研发投入强度', '研发投入强度达到2.5％', 'percent')]);
  });
});

describe('at most', () => {
  it('a ceiling word must come right after the unit', () => {
    expect(findTargets('引进人才50名，年龄在35岁以下')).toEqual([t(50, '名', '引进人才', '引进人才50名', 'cumulative')]);
  });

  it('a ceiling verb must come right before the number', () => {
    expect(findTargets('在不超过预算的前提下完成项目验收5个')).toEqual([
      t(5, '个', '项目验收', '在不超过预算的前提下完成项目验收5个', 'cumulative'),
    ]);
  });
});

describe('not targets', () => {
  it.each([
    // An ordinal.
    ['第3批科技型企业入库'],
    // A section's number: digits and dots before the number.
    ['按照指南3.5.2节要求'],
    // A length of time.
    ['3个月内完成验收'],
    // A digit-by-digit Chinese numeral past ten thousand is a code.
    ['新增一二三四五家'],
    // 「某村4栋、9栋」: addresses, the second by the list it is in.
    ['改造幸福村4栋、9栋'],
  ])('%s', (text) => expect(findTargets(text)).toEqual([]));

  it('a time word starts the text: the targets after it are read', () => {
    expect(findTargets('年内新增企业20家')).toEqual([t(20, '家', '企业', '年内新增企业20家', 'cumulative')]);
  });

  it('buildings in a list not after a place are counted', () => {
    expect(findTargets('改造老旧小区住宅12栋、8栋')).toEqual([
      t(12, '栋', '改造老旧小区住宅', '改造老旧小区住宅12栋', 'level'),
      t(8, '栋', '栋', '改造老旧小区住宅12栋、8栋', 'level'),
    ]);
  });

  it('a verb of rising after the number makes it a baseline only after 「由」', () => {
    expect(findTargets('争取上级资金3亿元到位')).toEqual([t(3, '亿元', '上级资金', '争取上级资金3亿元到位', 'money')]);
  });
});

describe('baselines', () => {
  it('a rise into another unit has no baseline, and its words still leave the label', () => {
    expect(findTargets('国家级孵化器由3个增至5家')).toEqual([t(5, '家', '国家级孵化器', '国家级孵化器由3个增至5家', 'level')]);
  });

  it('a rise left unfinished before a clause break gives the next clause no baseline', () => {
    expect(findTargets('高企数量由118家增加到\n新增科技型企业200家')).toEqual([
      t(200, '家', '科技型企业', '新增科技型企业200家', 'cumulative'),
    ]);
  });
});
