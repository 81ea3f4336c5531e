/**
 * Which blocks of a prose plan's outline are tasks and which are headings (bot/domain/plan/collect-tasks.ts), rule
 * by rule, on outlines built from made-up plans in the genre. Every expectation follows from the rule the case names.
 */
import { describe, expect, it } from 'vitest';
import { collectOutline, headTitle } from '../../../bot/domain/plan/collect-tasks.js';
import { buildOutline } from '../../../bot/domain/plan/outline.js';

/** The sections, and each task as its head, section, path (and `whole`, `least` when set). */
function collect(lines: string[]) {
  const { sections, found } = collectOutline(buildOutline(lines).roots);
  return { sections, tasks: found.map(({ block, ...f }) => ({ head: block.head, ...f })) };
}
const section = (ordinal: string, title: string, parent: string | null = null) => ({ ordinal, title, parent });

describe('collectOutline', () => {
  it('a plan numbered 1. 2. only: tasks outside any section, a framing item among them kept', () => {
    expect(collect(['1. 主要目标', '2. 培育企业'])).toEqual({
      sections: [],
      tasks: [{ head: '主要目标', section: null, path: [] }, { head: '培育企业', section: null, path: [] }],
    });
  });

  it('sections with nothing numbered under them are a plain list of tasks', () => {
    expect(collect(['一、培育企业。', '二、引进人才。'])).toEqual({
      sections: [],
      tasks: [{ head: '培育企业。', section: null, path: [], whole: true }, { head: '引进人才。', section: null, path: [], whole: true }],
    });
  });

  it('a section with prose only is a task of its own, numbered as the section', () => {
    expect(collect(['一、强化主体', '（一）培育企业。', '三、全面抓好重点工作', '抓好落实。'])).toEqual({
      sections: [section('一', '强化主体'), section('三', '全面抓好重点工作')],
      tasks: [
        { head: '培育企业。', section: '一', path: [1], least: 1 },
        { head: '全面抓好重点工作', section: '三', path: [3], whole: true },
      ],
    });
  });

  it('「（一）」 tasks numbered afresh in each section keep the section in their code; numbered on, they do not', () => {
    const afresh = collect(['一、甲', '（一）A。', '二、乙', '（一）C。']);
    expect(afresh.tasks).toEqual([{ head: 'A。', section: '一', path: [1], least: 1 }, { head: 'C。', section: '二', path: [2], least: 1 }]);
    const on = collect(['一、甲', '（一）A。', '（二）B。', '二、乙', '（三）C。']);
    expect(on.tasks.map((t) => t.least)).toEqual([0, 0, 0]);
    // Only the sections after the first decide: the first may open at any number.
    expect(collect(['一、甲', '（二）A。', '二、乙', '（一）C。']).tasks.map((t) => t.least)).toEqual([1, 1]);
  });

  it('a bare 「（一）」 heading is a task in a plan without 1. items', () => {
    expect(collect(['一、强化主体', '（一）培育企业', '（二）引进人才。']).tasks.map((t) => t.head)).toEqual(['培育企业', '引进人才。']);
  });

  it('in a plan of 1. items, 「（一）」 over items is a sub-section, a bare one too, and one with text is a task', () => {
    expect(collect(['一、甲', '（一）重点领域', '1. A', '2. B', '（二）空白标题', '（三）其他', '说明文字。', '（四）加强宣传。做好服务'])).toEqual({
      sections: [section('一', '甲'), section('一（一）', '重点领域', '一'), section('一（二）', '空白标题', '一'), section('一（四）', '加强宣传', '一')],
      tasks: [
        { head: 'A', section: '一（一）', path: [1, 1] },
        { head: 'B', section: '一（一）', path: [1, 1] },
        { head: '其他', section: '一', path: [1], least: 1 },
      ],
    });
  });

  it('「（一）」 over parts of one task (目标, 举措…) is the task; over other items, a sub-section', () => {
    expect(collect(['一、甲', '（一）实施某行动', '1. 主要目标：', '2. 重点举措：']).tasks).toEqual([{ head: '实施某行动', section: '一', path: [1], least: 1 }]);
    expect(collect(['一、甲', '（一）实施某行动', '1. 主要目标：', '2. 培育企业']).tasks.map((t) => t.head)).toEqual(['主要目标：', '培育企业']);
  });

  it('a sub-item beside tasks is not a task; beside headings only, neither; alone, it is', () => {
    expect(collect(['一、甲', '（1）x', '1. A']).tasks.map((t) => t.head)).toEqual(['A']);
    expect(collect(['一、甲', '（1）x', '（一）A。']).tasks.map((t) => t.head)).toEqual(['A。']);
    expect(collect(['一、甲', '（1）x', '（2）y']).tasks).toEqual([{ head: 'x', section: '一', path: [1] }, { head: 'y', section: '一', path: [1] }]);
  });

  it('framing: aims inside a section are no task, means hold tasks only when they number 1. items', () => {
    expect(collect(['一、重点任务', '（一）指导思想', '坚持创新。', '（二）培育企业', '内容。']).tasks.map((t) => t.head)).toEqual(['培育企业']);
    expect(collect(['一、重点任务', '（一）主要目标：，', '（二）培育企业。']).tasks.map((t) => t.head)).toEqual(['培育企业。']);
    expect(collect(['一、重点任务', '（一）工作，要求', '（二）培育企业。']).tasks.map((t) => t.head)).toEqual(['工作，要求', '培育企业。']);
    expect(collect(['一、重点任务', '1. A', '二、保障措施', '1. 加强组织领导', '2. 强化资金保障']).tasks.map((t) => [t.section, t.head])).toEqual([
      ['一', 'A'], ['二', '加强组织领导'], ['二', '强化资金保障'],
    ]);
  });
});

describe('headTitle', () => {
  it.each([
    ['聚力提质增效，加快多链融合。实体经济是根基', '聚力提质增效，加快多链融合'],
    ['深化改革；拟定方案', '深化改革'],
    [' 主要目标 ', '主要目标'],
    ['。开头', ''],
  ])('%s', (head, title) => expect(headTitle(head)).toBe(title));
});
