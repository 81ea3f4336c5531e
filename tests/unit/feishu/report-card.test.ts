/**
 * The confirmation card (进展已记录 / 回复已保存): what was read, and for each doubt one click per
 * option with 「（当前）」 on the one the report holds; without doubts it is the card it always was.
 */
import { describe, expect, it } from 'vitest';
import { bodyBytes, CARD_BUDGET } from '../../../bot/feishu/cards/card-size.js';
import { choiceWords, dayWord, type DoubtView } from '../../../bot/feishu/cards/doubt-rows.js';
import { confirmationCard, type RecordedSummary } from '../../../bot/feishu/cards/report-cards.js';
import { validateCardObject } from '../../../bot/sandbox/card-validator.js';

type El = Record<string, any>;
const WORST = '"\\<at id=all></at>**[x](http://e.test)'.repeat(60);

const summary = (over: Partial<RecordedSummary> = {}): RecordedSummary => ({
  reportId: 9, taskId: 3, code: '3', title: '培育专精特新企业', period: '2022-W15', status: 'on_track', percent: null, expectedOn: '2022-09-30',
  values: [{ label: '市级专精特新', value: 4, target: 10, unit: '个' }], year: 2022, ...over,
});
const valueDoubt: DoubtView = { kind: 'value', value: 4, unit: '个', words: '市级、国家级共申报4个', options: ['市级专精特新', '国家级专精特新', null], current: 0 };
const dateDoubt: DoubtView = { kind: 'date', words: '预计9月底或年底前完成', options: ['2022-09-30', '2022-12-31', null], current: 0 };

/** The card as lines: markdown as written; a row of buttons as 「text[type]→choice」 joined by 「 | 」. */
function lines(c: El): string[] {
  return c.body.elements.map((e: El) => {
    if (e.tag === 'markdown') return e.content;
    const buttons = e.columns.map((col: El) => col.elements[0]);
    return buttons.map((b: El) => {
      const v = b.behaviors[0].value;
      const to = v.action === 'report-doubt' ? `→${v.reportId}/${v.doubt}/${v.choice}` : `→${v.action}`;
      return `${b.text.content}[${b.type}]${to}`;
    }).join(' | ');
  });
}

function expectSendable(c: El) {
  expect(validateCardObject(JSON.parse(JSON.stringify(c))).ok).toBe(true);
  expect(bodyBytes(c)).toBeLessThanOrEqual(CARD_BUDGET);
}

describe('confirmationCard with doubts', () => {
  it('says what it read, then one row of corrections per doubt, the current option marked', () => {
    const c = confirmationCard(summary({ doubts: [valueDoubt, dateDoubt] })) as El;
    expectSendable(c);
    expect(c.header.title.content).toBe('进展已记录');
    expect(lines(c)).toEqual([
      '已记录：任务3 培育专精特新企业 — 市级专精特新 4&#47;10个，状态：按计划推进，预计完成：2022&#45;09&#45;30',
      '以下几处没能确定，请点选（原话已保留）：',
      '**4个** 记在：（原话「市级、国家级共申报4个」）',
      '市级专精特新（当前）[primary]→9/0/0 | 国家级专精特新[default]→9/0/1 | 不是进展数字[default]→9/0/2',
      '**预计完成：**（原话「预计9月底或年底前完成」）',
      '9月30日（当前）[primary]→9/1/0 | 12月31日[default]→9/1/1 | 不填[default]→9/1/2',
      '如有出入，直接再回复一次更正，以最新一条为准；也可以撤销。',
      '撤销这条记录[default]→report-undo',
    ]);
  });

  it('after a correction the mark moves and the order stays; a number left out is current on 不是进展数字', () => {
    const c = confirmationCard(summary({ values: [], status: null, expectedOn: null, doubts: [{ ...valueDoubt, value: 1.5, unit: '亿元', options: ['技术合同成交额', null], current: 1 }, { ...dateDoubt, current: 2 }] })) as El;
    expectSendable(c);
    expect(c.header.title.content).toBe('回复已保存');
    expect(lines(c)).toEqual([
      '已保存您对任务3 培育专精特新企业的回复，但没能从中读出状态或数字。',
      '请点选当前状态（原话已保留）：',
      '按计划推进[default]→report-status | 尚未启动[default]→report-status | 有风险[default]→report-status | 受阻[default]→report-status | 已完成[default]→report-status',
      '以下几处没能确定，请点选（原话已保留）：',
      '**1.5亿元** 记在：（原话「市级、国家级共申报4个」）',
      '技术合同成交额[default]→9/0/0 | 不是进展数字（当前）[primary]→9/0/1',
      '**预计完成：**（原话「预计9月底或年底前完成」）',
      '9月30日[default]→9/1/0 | 12月31日[default]→9/1/1 | 不填（当前）[primary]→9/1/2',
      '撤销这条记录[default]→report-undo',
    ]);
  });

  it('without doubts the card is the one it always was', () => {
    const plain = lines(confirmationCard(summary()) as El);
    expect(plain).toEqual([
      '已记录：任务3 培育专精特新企业 — 市级专精特新 4&#47;10个，状态：按计划推进，预计完成：2022&#45;09&#45;30',
      '如有出入，直接再回复一次更正，以最新一条为准；也可以撤销。',
      '撤销这条记录[default]→report-undo',
    ]);
    expect(confirmationCard(summary({ doubts: [] }))).toEqual(confirmationCard(summary()));
  });

  it('escapes the reply’s words, labels and units, and stays within Feishu’s limit with the most doubts and options', () => {
    const hostile: DoubtView = { kind: 'value', value: 12345.6789, unit: WORST, words: WORST, options: [WORST, WORST, WORST, WORST, null], current: 0 };
    const c = confirmationCard(summary({ title: WORST, values: [{ label: WORST, value: 1, target: 2, unit: WORST }], doubts: [hostile, hostile, hostile, { ...dateDoubt, words: WORST }] })) as El;
    expectSendable(c);
    const text = lines(c).join('\n');
    expect(text).not.toContain('<at');
    expect(text).not.toContain('](http');
    expect(lines(c)[2]).toBe(
      '**12345.6789&#34;&#92;&#60;at id&#61;…** 记在：（原话「&#34;&#92;&#60;at id&#61;all&#62;&#60;&#47;at&#62;&#42;&#42;&#91;x&#93;&#40;http&#58;&#47;&#47;e&#46;test&#41;&#34;…」）',
    );
    expect(c.body.elements[3].columns[0].elements[0].text.content).toBe('"＼＜at id=all＞＜/at＞＊…（当前）');
  });
});

describe('the words of a choice', () => {
  it.each([
    [valueDoubt, 1, '4个 记在：国家级专精特新'],
    [valueDoubt, 2, '4个 记在：不是进展数字'],
    [dateDoubt, 1, '预计完成：12月31日'],
    [dateDoubt, 2, '预计完成：不填'],
    [{ ...dateDoubt, options: ['2023-03-31', null] }, 0, '预计完成：2023年3月31日'],
  ] as [DoubtView, number, string][])('%j option %i → %s', (d, i, words) => {
    expect(choiceWords(d, i, 2022)).toBe(words);
  });

  it('a day in the report’s year has no year', () => {
    expect([dayWord('2022-01-05', 2022), dayWord('2021-12-31', 2022)]).toEqual(['1月5日', '2021年12月31日']);
  });
});

describe('confirmationCard with milestones the report marked done', () => {
  it('says each under what it read, the plan’s words escaped', () => {
    const c = confirmationCard(summary({ steps: [{ due: '2022-06-30', text: '6月底前完成评估' }, { due: '2022-09-30', text: '三季度<at id=all></at>完成验收' }] })) as El;
    const l = lines(c);
    expect(l[1]).toBe('已记录：时间节点「6月底前完成评估」已完成');
    expect(l[2]).toContain('已记录：时间节点「三季度');
    expect(l[2]).not.toContain('<at id=all>');
    expectSendable(c);
  });

  it('and on the card that asks for the status', () => {
    const l = lines(confirmationCard(summary({ status: null, values: [], expectedOn: null, steps: [{ due: '2022-06-30', text: '6月底前完成评估' }] })) as El);
    expect(l).toContain('已记录：时间节点「6月底前完成评估」已完成');
  });
});
