/**
 * Text copied from web pages and PDFs made to read as the original (bot/domain/plan/reflow.ts), rule by rule:
 * full-width marks, items run onto one line split again, and lines a PDF wrapped joined. Every expectation
 * follows from the rule the case names.
 */
import { describe, expect, it } from 'vitest';
import { fullWidthMarks, joinWrappedLines, splitRunOnItems } from '../../../bot/domain/plan/reflow.js';

describe('fullWidthMarks', () => {
  it.each([
    ['推进项目建设,全年完成投资5亿元(牵头单位:区发改委);', '推进项目建设，全年完成投资5亿元（牵头单位：区发改委）；'],
    // Between two digits a comma or a colon is a number's or a time's.
    ['投资1,000万元,10:00开会', '投资1,000万元，10:00开会'],
    ['建设,2个', '建设，2个'],
    ['共1,个', '共1，个'],
    ['1;2', '1；2'],
    ['1(2)', '1（2）'],
    // A link's colon stays; a comma before a slash does not.
    ['见https://example.com', '见https://example.com'],
    ['甲,/乙', '甲，/乙'],
    [',开头:', '，开头：'],
  ])('%s', (text, full) => expect(fullWidthMarks(text)).toBe(full));
});

describe('splitRunOnItems', () => {
  it('splits a line longer than 200 characters where a space stands before an item\'s number', () => {
    const head = '甲'.repeat(100);
    expect(splitRunOnItems([`${head} （一）${'乙'.repeat(96)}`])).toEqual([`${head} （一）${'乙'.repeat(96)}`]);
    expect(splitRunOnItems([`${head} （一）${'乙'.repeat(97)}`])).toEqual([head, `（一）${'乙'.repeat(97)}`]);
    expect(splitRunOnItems([`${head}。 1.${'乙'.repeat(97)} 二、丙`])).toEqual([`${head}。`, `1.${'乙'.repeat(97)}`, '二、丙']);
  });
});

describe('joinWrappedLines', () => {
  it('joins a line to one that ends mid-sentence, trimmed', () => {
    expect(joinWrappedLines(['  推进项目建设，  ', '  全年完成投资5亿元。 '])).toEqual(['推进项目建设，全年完成投资5亿元。']);
    expect(joinWrappedLines(['推进项目建设、', '招商引资。'])).toEqual(['推进项目建设、招商引资。']);
  });

  it('never joins after a line that ends a sentence, nor a line that starts an item or a label, nor a blank one', () => {
    expect(joinWrappedLines(['推进项目建设。', '全年完成投资。'])).toEqual(['推进项目建设。', '全年完成投资。']);
    expect(joinWrappedLines(['推进项目建设，', '2. 新任务'])).toEqual(['推进项目建设，', '2. 新任务']);
    expect(joinWrappedLines(['推进项目建设，', '牵头单位：区发改委'])).toEqual(['推进项目建设，', '牵头单位：区发改委']);
    expect(joinWrappedLines(['推进项目建设，', '（牵头单位：区发改委）'])).toEqual(['推进项目建设，', '（牵头单位：区发改委）']);
    expect(joinWrappedLines(['推进项目建设，', '', '全年完成。'])).toEqual(['推进项目建设，', '', '全年完成。']);
  });

  it('joins lines as wide as the page when four or more lines share the width', () => {
    const w = (n: number) => '科'.repeat(n - 1) + '技';
    expect(joinWrappedLines([w(22), w(22), w(21), w(22), w(23), '完。'])).toEqual([w(22) + w(22) + w(21) + w(22) + w(23) + '完。']);
    // Three are no page width.
    expect(joinWrappedLines([w(22), w(22), w(22), '完。'])).toEqual([w(22), w(22), w(22), '完。']);
  });

  it('the width is two short of the common length, and the lines sharing it must be half of all', () => {
    const w = (n: number) => '科'.repeat(n - 1) + '技';
    // Four of eight share 22 (the line of 20 is one of the eight): the width is 20, and the line of 20 runs on.
    expect(joinWrappedLines([w(22), w(22), w(22), w(22), w(30), w(35), w(40), w(20), '完。'])).toEqual([
      w(22) + w(22) + w(22) + w(22) + w(30) + w(35) + w(40) + w(20) + '完。',
    ]);
    // Four of nine: no width.
    const lines = [w(22), w(22), w(22), w(22), w(30), w(35), w(40), w(45), w(50), '完。'];
    expect(joinWrappedLines(lines)).toEqual(lines);
  });
});
