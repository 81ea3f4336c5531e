/** Which task a message names at its start (owners' reports, leaders' replies to a digest), and the words after it. */
import { describe, expect, it } from 'vitest';
import { prefixedTaskAtStart, taskNamedAtStart } from '../../../bot/domain/named-task.js';
import { INSTRUCTION_MAX, readInstructionText } from '../../../bot/domain/instruction-text.js';

describe('taskNamedAtStart', () => {
  it.each([
    ['#7 请抓紧', { code: '7', rest: '请抓紧', marked: true }],
    ['任务7 请抓紧', { code: '7', rest: '请抓紧', marked: true }],
    ['任务7请抓紧', { code: '7', rest: '请抓紧', marked: true }],
    ['任务7。请抓紧', { code: '7', rest: '请抓紧', marked: true }],
    ['7号任务请抓紧', { code: '7', rest: '请抓紧', marked: true }],
    ['第12号任务：本月完成', { code: '12', rest: '本月完成', marked: true }],
    ['7. 已完成', { code: '7', rest: '已完成', marked: false }],
    ['任务2.3 按计划', { code: '2.3', rest: '按计划', marked: true }],
    ['任务七 请抓紧', { code: '七', rest: '请抓紧', marked: true }],
  ])('%s', (text, want) => {
    expect(taskNamedAtStart(text)).toEqual(want);
  });

  it.each(['3家企业已完成', '3号楼已完工', '请各位抓紧', '70%已完成'])('names nothing: %s', (text) => {
    expect(taskNamedAtStart(text)).toBeNull();
  });
});

describe('readInstructionText', () => {
  it('trims, refuses empty words and words past the bound, counting Chinese characters as one', () => {
    expect(readInstructionText('  请抓紧  ')).toEqual({ ok: true, text: '请抓紧' });
    expect(readInstructionText(' \n ')).toEqual({ ok: false, why: '请填写批示内容' });
    expect(readInstructionText(undefined)).toEqual({ ok: false, why: '请填写批示内容' });
    expect(readInstructionText('批'.repeat(INSTRUCTION_MAX))).toMatchObject({ ok: true });
    expect(readInstructionText('批'.repeat(INSTRUCTION_MAX + 1))).toEqual({ ok: false, why: `批示内容请控制在${INSTRUCTION_MAX}字以内（现有${INSTRUCTION_MAX + 1}字）` });
  });
});

describe('prefixedTaskAtStart: a marked code with its plan’s prefix', () => {
  it.each([
    ['#2023-7 已完成评估', { prefix: '2023', code: '7', rest: '已完成评估' }],
    ['任务区委-7：本周完成验收', { prefix: '区委', code: '7', rest: '本周完成验收' }],
    ['＃2023年2.3 进展顺利', { prefix: '2023', code: '2.3', rest: '进展顺利' }],
    ['#计划2-7', { prefix: '计划2', code: '7', rest: '' }],
    ['2023-7 已完成', null],
    ['#7 已完成', null],
    ['3家企业已完成', null],
  ])('%s', (text, want) => {
    expect(prefixedTaskAtStart(text)).toEqual(want);
  });
});
