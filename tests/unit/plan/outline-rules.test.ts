/**
 * The outline of a prose plan (bot/domain/plan/outline.ts) rule by rule: which lines are markers and what they
 * read, how blocks nest, when 「一是」 heads a section, when 「2.50个…」 is task 2, the limits, and the text a
 * block gives back. Every expectation follows from the rule the case names.
 */
import { describe, expect, it } from 'vitest';
import { buildOutline, markerOf, textOf, type Block } from '../../../bot/domain/plan/outline.js';
import { LIMITS } from '../../../bot/domain/plan/limits.js';

const block = (level: Block['level'], ordinal: string, value: number, head: string, lines: string[] = [], children: Block[] = []): Block => ({
  level, ordinal, value, head, lines, children,
});

describe('markerOf', () => {
  it.each([
    ['一、总体要求', { level: 1, ordinal: '一', value: 1, rest: '总体要求' }],
    ['## 一、总体要求', { level: 1, ordinal: '一', value: 1, rest: '总体要求' }],
    ['###### 一、总体要求', { level: 1, ordinal: '一', value: 1, rest: '总体要求' }],
    ['##  一、总体要求', { level: 1, ordinal: '一', value: 1, rest: '总体要求' }],
    ['**一、总体要求**', { level: 1, ordinal: '一', value: 1, rest: '总体要求' }],
    ['一、推进 # 工作', { level: 1, ordinal: '一', value: 1, rest: '推进 # 工作' }],
    ['（十二）强化保障', { level: 2, ordinal: '十二', value: 12, rest: '强化保障' }],
    ['1. 推进**重点**工作 **', { level: 3, ordinal: '1', value: 1, rest: '推进重点工作' }],
    ['１２．培育企业', { level: 3, ordinal: '12', value: 12, rest: '培育企业' }],
    ['2.大图jpg', { level: 3, ordinal: '2', value: 2, rest: '大图jpg' }],
    ['2.jpg图片', { level: 3, ordinal: '2', value: 2, rest: 'jpg图片' }],
    ['（2）完成验收', { level: 4, ordinal: '2', value: 2, rest: '完成验收' }],
    ['③ 完成验收', { level: 4, ordinal: '③', value: 3, rest: '完成验收' }],
    ['⑳完成验收', { level: 4, ordinal: '⑳', value: 20, rest: '完成验收' }],
  ])('%s', (line, marker) => expect(markerOf(line)).toEqual(marker));

  it.each([
    // No space after the heading's #: not markdown.
    ['#一、总体要求'],
    // Task 0 is no task.
    ['0. 总则'],
    // A picture's name a web page left: 「2.jpg」.
    ['2.jpg'],
    ['2.JPEG'],
    ['正文'],
  ])('%s is no marker', (line) => expect(markerOf(line)).toBe(null));
});

describe('buildOutline', () => {
  it('puts each block under the nearest block of a higher level, and what comes first before the outline', () => {
    expect(buildOutline([
      '某区2023年工作要点', '', '一、总体要求', '  坚持创新。  ', '（一）强化主体', '1. 培育企业', '内容', '   ', '（1）小项', '2. 引进人才', '二、保障措施',
    ])).toEqual({
      before: ['某区2023年工作要点'],
      roots: [
        block(1, '一', 1, '总体要求', ['坚持创新。'], [
          block(2, '一', 1, '强化主体', [], [
            block(3, '1', 1, '培育企业', ['内容'], [block(4, '1', 1, '小项')]),
            block(3, '2', 2, '引进人才'),
          ]),
        ]),
        block(1, '二', 2, '保障措施'),
      ],
    });
  });

  it('「一是」 heads a section in a plan that numbers none 「一、」, but not inside a task', () => {
    expect(buildOutline(['一是推进创新。', '（一）强化主体', '二是强化保障。']).roots).toEqual([
      block(1, '一', 1, '推进创新。', [], [block(2, '一', 1, '强化主体')]),
      block(1, '二', 2, '强化保障。'),
    ]);
    expect(buildOutline(['一是推进创新。', '1. 培育企业', '二是加强服务。']).roots).toEqual([
      block(1, '一', 1, '推进创新。', [], [block(3, '1', 1, '培育企业', ['二是加强服务。'])]),
    ]);
  });

  it('「一是」 is text in a plan that numbers its sections 「一、」', () => {
    expect(buildOutline(['一、总体要求', '一是推进创新。']).roots).toEqual([block(1, '一', 1, '总体要求', ['一是推进创新。'])]);
  });

  it('「2.50个小区…」 right after task 1 is task 2, whose text starts with 50; elsewhere it is text', () => {
    expect(buildOutline(['1. 培育企业', '2.50个小区新增充电桩']).roots).toEqual([
      block(3, '1', 1, '培育企业'),
      block(3, '2', 2, '50个小区新增充电桩'),
    ]);
    expect(buildOutline(['一、总体要求', '2.50个小区新增充电桩']).roots).toEqual([block(1, '一', 1, '总体要求', ['2.50个小区新增充电桩'])]);
    expect(buildOutline(['1. 培育企业', '3.50个小区新增充电桩']).roots).toEqual([block(3, '1', 1, '培育企业', ['3.50个小区新增充电桩'])]);
    // Only tasks count: a section's number is not the task before.
    expect(buildOutline(['1. 培育企业', '（二）强化保障', '2.50个小区新增充电桩']).roots).toEqual([
      block(3, '1', 1, '培育企业'),
      block(2, '二', 2, '强化保障', [], [block(3, '2', 2, '50个小区新增充电桩')]),
    ]);
  });

  it('refuses a task number past the limit, naming the line and the number (cut past 12 digits)', () => {
    expect(() => buildOutline(['正文', `${LIMITS.taskNumber + 1}. 任务`])).toThrow(
      `第2行的编号「${LIMITS.taskNumber + 1}」超出了任务编号的上限（99,999）：请检查编号，或把这一行改写为正文。`,
    );
    expect(() => buildOutline(['123456789012. 任务'])).toThrow('第1行的编号「123456789012」超出了任务编号的上限');
    expect(() => buildOutline(['1234567890123. 任务'])).toThrow('第1行的编号「123456789012…」超出了任务编号的上限');
    expect(buildOutline([`${LIMITS.taskNumber}. 任务`]).roots).toEqual([block(3, String(LIMITS.taskNumber), LIMITS.taskNumber, '任务')]);
  });

  it('takes as many numbered items as the limit, and refuses one more', () => {
    const items = Array.from({ length: LIMITS.outlineItems }, () => '（1）小项');
    expect(buildOutline(items).roots).toHaveLength(LIMITS.outlineItems);
    expect(() => buildOutline([...items, '（1）小项'])).toThrow('编号的条目过多（超过 100,000 条）：一份工作要点最多 10,000 项任务，请分成几份导入。');
  });
});

describe('textOf', () => {
  const tree = block(1, '一', 1, '总体要求', ['坚持创新。', '  '], [
    block(2, '二', 2, '强化主体', [], [
      block(3, '3', 3, '培育企业', ['内容'], [block(4, '4', 4, '小项'), block(4, '⑤', 5, '圈号小项')]),
    ]),
  ]);

  it('gives each block\'s marker, head and lines, then its children\'s, without blank lines', () => {
    expect(textOf(tree)).toEqual(['一、总体要求', '坚持创新。', '（二）强化主体', '3.培育企业', '内容', '（4）小项', '⑤圈号小项']);
  });

  it('leaves out the block\'s own marker and head when asked', () => {
    expect(textOf(tree, false)).toEqual(['坚持创新。', '（二）强化主体', '3.培育企业', '内容', '（4）小项', '⑤圈号小项']);
  });
});
