/**
 * stepsDone: which milestones (时间节点) a report says are done. Conservative both ways: it must assert
 * completion and share the milestone's key action words.
 */
import { describe, expect, it } from 'vitest';
import { keyWords, stepsDone } from '../../../bot/domain/reply/steps-done.js';

const STEPS = [
  { id: 1, text: '6月底前完成评估', done: false },
  { id: 2, text: '三季度完成验收', done: false },
  { id: 3, text: '年底前实现全覆盖', done: false },
  { id: 4, text: '5月底前完成科技型企业评价入库工作', done: false },
  { id: 5, text: '上半年完成方案编制', done: false },
];

describe('stepsDone', () => {
  it.each([
    ['评估已完成', [1]],
    ['已完成项目评估', [1]],
    ['6月底前的评估已完成，其余按计划推进', [1]],
    ['评估工作已全部完成', [1]],
    ['项目评估完成了', [1]],
    ['评估完成', [1]],
    ['项目已通过验收', [2]],
    ['验收工作顺利完成', [2]],
    ['已实现全覆盖', [3]],
    ['科技型企业入库已完成', [4]],
    ['方案已完成编制', [5]],
    ['尚未完成验收，评估已完成', [1]],
    ['评估和验收均已完成', [1, 2]],
  ])('「%s」 marks %j', (reply, ids) => expect(stepsDone(reply, STEPS).ids).toEqual(ids));

  it.each([
    ['尚未完成评估', 'not yet'],
    ['评估还没完成', 'not yet'],
    ['正在评估', 'in progress, no completion'],
    ['已开展评估', 'started, not done'],
    ['评估即将完成', 'about to'],
    ['下一步完成评估', 'a plan'],
    ['计划6月底前完成评估', 'a plan'],
    ['评估完成80%', 'a share'],
    ['已完成5家企业评估', 'a count: part of the work'],
    ['评估基本完成', 'mostly'],
    ['评估前期准备已完成', 'preparation only'],
    ['是否已完成评估？', 'a question'],
    ['已完成', 'no key words: the task, not a step'],
    ['企业评价已完成', 'too few of a long key’s words'],
    ['已完成项目立项', 'other words'],
  ])('「%s」 marks none (%s)', (reply) => expect(stepsDone(reply, STEPS).ids).toEqual([]));

  it('never lists a milestone already done, but still counts its clause as a step’s', () => {
    const done = STEPS.map((s) => (s.id === 1 ? { ...s, done: true } : s));
    expect(stepsDone('评估已完成', done)).toEqual({ ids: [], stepOnly: true });
  });

  it('says whether the report’s 「已完成」 is only a step’s (stepOnly)', () => {
    expect(stepsDone('评估已完成', STEPS).stepOnly).toBe(true);
    expect(stepsDone('评估已完成，项目全部完成', STEPS)).toEqual({ ids: [1], stepOnly: false });
    expect(stepsDone('已完成', STEPS).stepOnly).toBe(false);
    expect(stepsDone('按计划推进', STEPS).stepOnly).toBe(false);
    expect(stepsDone('评估已完成', []).stepOnly).toBe(false);
  });

  it('reads a milestone’s key words without its date phrase and framing words', () => {
    expect(keyWords('6月底前完成评估').trim()).toBe('评估');
    expect(keyWords('三季度完成验收').trim()).toBe('验收');
    expect(keyWords('年底前实现全覆盖').trim()).toBe('全覆盖');
    expect(keyWords('上半年完成方案编制').trim()).toBe('方案编制');
  });
});
