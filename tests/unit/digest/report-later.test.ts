/**
 * The digest shows an owner's 「下周再报」 (the engine's reporting.later) on the task's reporting line and beside
 * the task in 未报送, in the card, the text and the JSON alike; names escaped like any people's words.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { buildDigest } from '../../../bot/domain/digest/build-digest.js';
import type { DigestModel } from '../../../bot/domain/digest/model.js';
import { digestJson } from '../../../bot/domain/digest/digest-json.js';
import { digestText } from '../../../bot/domain/digest/digest-text.js';
import { digestCards } from '../../../bot/feishu/cards/digest-cards.js';
import { decode, markdownOf } from './card-helpers.js';
import { bj, digestTask, INJECTION, inputOf, NOW } from './fixtures.js';

const W15 = '2022-W15';
const owners = [{ personId: 1, name: '张三' }, { personId: 2, name: `李四${INJECTION}` }];
// Built before each test, not at import: a mutant under test (Stryker switches it on before the tests run) must
// reach the model these tests read.
let model: DigestModel;
beforeEach(() => {
  const snoozed = digestTask('3', {
    owners, askedPeriods: [W15],
    snoozes: [
      { personId: 1, period: W15, until: bj('2022-04-18 09:30'), ask: 'next-week' },
      { personId: 2, period: '2022-W14', until: bj('2022-04-08 09:30'), ask: 'tomorrow' }, // last week's: over
    ],
  });
  model = buildDigest(inputOf([snoozed, digestTask('5', { askedPeriods: [W15] })]));
});

describe('the digest and an owner who asked to report later', () => {
  it('text: a reporting line under the task, and the day beside it in 未报送', () => {
    const lines = digestText(model).split('\n');
    const at = lines.findIndex((l) => l.includes('任务3 培育高成长企业'));
    expect(lines[at + 1]).toBe('    本期报送：张三已延后至 4月18日（下周再报）');
    expect(lines).toContain('  张三：任务3 培育高成长企业（已延后至 4月18日）');
    expect(lines.filter((l) => l.startsWith('  李四'))[0]).toMatch(/^ {2}李四.*：任务3 培育高成长企业$/);
    expect(lines.some((l) => l.includes('任务5') && l.includes('已延后'))).toBe(false);
  });

  it('card: the same line, escaped markdown', () => {
    const md = digestCards(model, { audience: 'admin' }).flatMap((c) => markdownOf(c));
    const task = md.find((s) => s.includes('任务3 培育高成长企业**'))!;
    expect(task.split('\n')).toContain('　本期报送：张三已延后至 4月18日（下周再报）');
    expect(md).toContain('张三：任务3 培育高成长企业（已延后至 4月18日）');
    expect(md.join('\n')).not.toContain('<at id=all>');
    expect(decode(md.join('\n'))).toContain('李四<at id=al…：任务3 培育高成长企业'); // shown literally, never a mention
  });

  it('JSON: reportLater per task, and the missing list with the day', () => {
    const json = digestJson(model, NOW);
    expect(json.tasks.find((t) => t.code === '3')!.reportLater).toEqual([{ owner: '张三', until: '2022-04-18T01:30:00.000Z', date: '2022-04-18', ask: 'next-week' }]);
    expect(json.tasks.find((t) => t.code === '5')!.reportLater).toEqual([]);
    expect(json.missing.find((p) => p.name === '张三')).toEqual({ name: '张三', tasks: ['3'], shownCodes: ['3'], later: [{ code: '3', date: '2022-04-18' }] });
  });
});
