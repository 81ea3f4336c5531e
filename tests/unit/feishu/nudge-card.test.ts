/** The nudge card renders the engine's state: latest values, 序时应达 in the unit's precision, the effective deadline with its year, working days. */
import { describe, expect, it } from 'vitest';
import { taskState } from '../../../bot/domain/task-state/task-state.js';
import type { TaskStateInput } from '../../../bot/domain/task-state/types.js';
import { nudgeCard, type NudgeCardInput } from '../../../bot/feishu/cards/nudge-card.js';
import { chineseWorkCalendar } from '../../../bot/domain/calendar/chinese-calendar.js';
import { workdaysIn } from '../../../bot/domain/calendar/work-calendar.js';
import { ctxAt, target, task } from '../task-state/helpers.js';

const NOW = '2022-04-15T09:00:00'; // 70 of 2022's 249 working days: time 28%
/** Working days after 15 April up to `date`, counted here independently. */
const after = (date: string) => workdaysIn(chineseWorkCalendar(), '2022-04-16', date).length;

function cardFor(o: Partial<TaskStateInput>, extra: Partial<NudgeCardInput> = {}, now = NOW) {
  const state = taskState(task(o), ctxAt(now));
  const c = nudgeCard({
    task: { id: 7, code: '1', title: '培育高新技术企业', body: '有效期高企达140家' },
    state, positions: new Map(state.targets.map((t, i) => [t.targetId, i])), today: now.slice(0, 10),
    period: '2022-W15', kind: 'checkin', level: null, ...extra,
  });
  return c as unknown as { header: { template: string; subtitle?: { content: string } }; body: { elements: Record<string, unknown>[] } };
}

/** The card's markdown, entities decoded as Feishu shows them. */
function textOf(c: ReturnType<typeof cardFor>): string {
  const all: string[] = [];
  const walk = (x: unknown) => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) (k === 'content' && typeof v === 'string' ? all.push(v) : walk(v));
  };
  walk(c);
  return all.join('\n').replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));
}

const total = (o: Parameters<typeof target>[0] = {}) => target({ kind: 'cumulative', ...o });

describe('targets', () => {
  it.each([
    ['a count of enterprises: whole numbers, never 「25.02」家', [total({ label: '新增科技型企业', value: 89, unit: '家', history: [['2022-04-10', 20]] })], '- 新增科技型企业：最新 **20家** / 目标 89家（序时应达 25家）'],
    ['money in 亿元: two decimals', [total({ kind: 'money', label: '技术合同登记', value: 11, unit: '亿元', history: [['2022-04-10', 0.85]] })], '- 技术合同登记：最新 **0.85亿元** / 目标 11亿元（序时应达 3.09亿元）'],
    ['a level from the plan’s baseline', [target({ baseline: 118, history: [['2022-04-10', 120]] })], '- 有效期高企：最新 **120家** / 目标 140家（序时应达 124家）'],
    ['a level with only its first value: no 序时应达', [target({ history: [['2022-04-10', 118]] })], '- 有效期高企：最新 **118家** / 目标 140家\n'],
    ['nothing reported yet', [total({ label: '科技成果登记', value: 70, unit: '项' })], '- 科技成果登记：最新 **未填报** / 目标 70项'],
    ['a value reported after the moment does not show', [total({ label: '科技成果登记', value: 70, unit: '项', history: [['2022-04-20', 30]] })], '- 科技成果登记：最新 **未填报** / 目标 70项'],
  ])('%s', (_what, targets, line) => {
    expect(textOf(cardFor({ targets }))).toContain(line);
  });

  it('escapes the plan’s words, and names each form field by the target’s position', () => {
    const c = cardFor({ targets: [total({ id: 4, label: '<at id=all></at>**', unit: '家', value: 10, history: [['2022-04-10', 1]] })] }, { positions: new Map([[4, 3]]) });
    const raw = JSON.stringify(c);
    expect(raw).not.toContain('<at id=all>');
    expect(raw).toContain('&#60;at id&#61;all&#62;');
    expect(raw).toContain('"name":"t3"');
  });
});

describe('the example reply fits the task', () => {
  it.each([
    ['a count: its label and 序时应达 in its unit', [total({ label: '新增科技型企业', value: 89, unit: '家', history: [['2022-04-10', 20]] })], '（如「新增科技型企业已达25家，按计划推进」）'],
    ['nothing reported yet: its label, no figure', [total({ kind: 'money', label: '技术合同登记', value: 11, unit: '亿元' })], '（如「技术合同登记已完成……，按计划推进」）'],
    ['money in 亿元', [total({ kind: 'money', label: '技术合同登记', value: 11, unit: '亿元', history: [['2022-04-10', 0.85]] })], '（如「技术合同登记已达3.09亿元，按计划推进」）'],
    ['a level with only its first value: the latest', [target({ history: [['2022-04-10', 118]] })], '（如「有效期高企已达118家，按计划推进」）'],
    ['no target: no figure', [], '（如「本期已完成……，按计划推进」）'],
  ])('%s', (_what, targets, words) => {
    const text = textOf(cardFor({ targets }));
    expect(text).toContain(words);
    expect(text).not.toContain('已完成118家，按计划推进');
  });
});

describe('deadline and working days', () => {
  it.each([
    ['the plan’s deadline in the message’s year', { deadline: '2022-12-31', plannedDeadline: '2022-12-31' }, `完成时限：12月31日（还剩 ${after('2022-12-31')} 个工作日）`],
    ['extended into the next year: its year, the planned one beside it', { deadline: '2023-03-31', plannedDeadline: '2022-12-31' }, `完成时限：2023年3月31日（原定12月31日，已延期）（还剩 ${after('2023-03-31')} 个工作日）`],
    ['overdue', { deadline: '2022-04-12', plannedDeadline: '2022-04-12' }, '完成时限：4月12日（已逾期 3 个工作日）'],
    ['due today', { deadline: '2022-04-15', plannedDeadline: '2022-04-15' }, '完成时限：4月15日（今天到期）'],
  ])('%s', (_what, o, line) => {
    expect(textOf(cardFor(o))).toContain(line);
  });

  it('a ladder card counts the working days from the engine; its colour follows the nudge', () => {
    const soon = cardFor({ deadline: '2022-04-22', plannedDeadline: '2022-04-22' }, { kind: 'deadline-5', level: 'blue' });
    expect(soon.header.subtitle?.content).toBe('距完成时限还有 5 个工作日');
    expect(soon.header.template).toBe('blue');
    const late = cardFor({ deadline: '2022-04-12', plannedDeadline: '2022-04-12' }, { kind: 'overdue-3', level: 'red' });
    expect(late.header.subtitle?.content).toBe('已逾期 3 个工作日，请说明进展');
    expect(late.header.template).toBe('red');
  });
});

describe('the next milestone (时间节点)', () => {
  it('shows under the deadline with its working days, the plan’s words escaped; none when there is no open one', () => {
    const m = { id: 1, due: '2022-04-29', text: '4月底前完成评估<at id=all></at>', doneAt: null };
    const c = cardFor({ milestones: [m] });
    expect(textOf(c)).toContain(`下一节点：4月29日 4月底前完成评估<at id=all></at>（还剩 ${after('2022-04-29')} 个工作日）`);
    const raw = JSON.stringify(c);
    expect(raw).not.toContain('<at id=all>');
    expect(raw).toContain('&#60;at id&#61;all&#62;');
    expect(textOf(cardFor({ milestones: [{ ...m, doneAt: new Date('2022-04-10T02:00:00Z') }] }))).not.toContain('下一节点');
  });
});

describe('a milestone reminder’s subtitle', () => {
  const subtitle = (due: string, now: string) =>
    cardFor({ milestones: [{ id: 4, due, text: '完成评估', doneAt: null }] }, { kind: 'milestone-4-deadline-0' }, now).header.subtitle?.content;
  it.each([
    ['working days ahead', '2022-04-20', NOW, '距时间节点还有 3 个工作日'],
    ['today', '2022-04-15', NOW, '今天是时间节点，请填报进展'],
    ['on the Friday before a Saturday milestone: no working day left, not today', '2022-04-16', NOW, '距时间节点还有 1 天'],
    ['passed by working days', '2022-04-12', NOW, '时间节点已过 3 个工作日，请说明进展'],
    ['on the Sunday after a Friday milestone: passed, though no working day has', '2022-04-15', '2022-04-17T09:00:00', '时间节点已过，请说明进展'],
  ])('%s', (_what, due, now, words) => expect(subtitle(due, now)).toBe(words));
});
