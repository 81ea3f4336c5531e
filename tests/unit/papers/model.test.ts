/**
 * bot/domain/papers/model.ts: the paper a bureau sends upward (推进情况 for a week or month, 工作总结（初稿） for a
 * half or a year), built from the engine's states and the period's reports: its title, sections in the plan's
 * order, each task's reports quoted newest first within their bounds, problems and next steps in the engine's
 * words, targets, and the 总体情况 counts.
 */
import { describe, expect, it } from 'vitest';
import { buildPaper, PAPER_LIMITS, type PaperInput, type PaperReport, type PaperTaskInput } from '../../../bot/domain/papers/model.js';
import { paperPeriod } from '../../../bot/domain/papers/period.js';
import { deadlineWord, pacePhrase, phraseText, reasonPhrase, workdaysWord } from '../../../bot/domain/task-state/phrases.js';
import { taskState } from '../../../bot/domain/task-state/task-state.js';
import type { TaskStateInput } from '../../../bot/domain/task-state/types.js';
import { at, ctxAt, report, target, task } from '../task-state/helpers.js';

const TODAY = '2022-04-15';
const PLAN: PaperInput['plan'] = { title: '2022年工作要点', issuer: '綦江区科技局', year: 2022, periodStart: '2022-01-01' };
const SECTION = { ordinal: '一', title: '科技创新' };

const stateOf = (o: Partial<TaskStateInput>) => taskState(task(o), ctxAt(TODAY));

const paperTask = (code: string, o: Partial<TaskStateInput>, extra: Partial<PaperTaskInput> = {}): PaperTaskInput => ({
  code, title: `任务${code}的标题`, section: SECTION, leadUnits: ['高新科'], owners: [{ name: '张敏' }], state: stateOf(o), ...extra,
});

const said = (taskCode: string, date: string, rawText: string, o: Partial<PaperReport> = {}): PaperReport => ({
  taskCode, by: '张敏', createdAt: at(date), date, rawText, expectedOn: null, ...o,
});

const input = (tasks: PaperTaskInput[], reports: PaperReport[], kind: 'week' | 'month' | 'half' | 'year' = 'week', plan = PLAN): PaperInput =>
  ({ plan, period: paperPeriod(kind, TODAY), today: TODAY, tasks, reports });

describe('the title', () => {
  it('names the issuer and the plan, then the period; a summary names the year and the half', () => {
    const tasks = [paperTask('1', {})];
    expect(buildPaper(input(tasks, [])).title).toBe('綦江区科技局2022年工作要点推进情况（第15周（4月11日至4月17日））');
    expect(buildPaper(input(tasks, [], 'month')).title).toBe('綦江区科技局2022年工作要点推进情况（4月）');
    expect(buildPaper(input(tasks, [], 'half')).title).toBe('綦江区科技局2022年上半年工作总结（初稿）');
    expect(buildPaper(input(tasks, [], 'year')).title).toBe('綦江区科技局2022年工作总结（初稿）');
    // a plan title that holds the issuer already is not prefixed again; no issuer at all
    expect(buildPaper(input(tasks, [], 'week', { ...PLAN, title: '綦江区科技局2022年工作要点' })).title).toBe('綦江区科技局2022年工作要点推进情况（第15周（4月11日至4月17日））');
    expect(buildPaper(input(tasks, [], 'year', { ...PLAN, issuer: null })).title).toBe('2022年工作总结（初稿）');
    expect(buildPaper(input(tasks, [])).date).toBe('2022年4月15日');
    expect(buildPaper(input(tasks, [])).kind).toBe('week');
  });
});

describe('sections and tasks', () => {
  it('groups tasks under their sections in the plan\'s order, tasks outside any under 其他任务', () => {
    const paper = buildPaper(input([paperTask('1', {}), paperTask('2', {}, { section: null }), paperTask('3', {})], []));
    expect(paper.sections.map((s) => [s.heading, s.tasks.map((t) => t.heading)])).toEqual([
      ['一、科技创新', ['1. 任务1的标题', '3. 任务3的标题']],
      ['其他任务', ['2. 任务2的标题']],
    ]);
  });

  it('names lead units and owners, 「—」 for none, and cuts a long title', () => {
    const t = buildPaper(input([paperTask('4', {}, { title: '长'.repeat(100), leadUnits: ['高新科', '平台科'], owners: [{ name: '张敏' }, { name: '李强' }] }), paperTask('5', {}, { leadUnits: [], owners: [] })], []));
    const [long, bare] = t.sections[0]!.tasks;
    expect(long!.heading).toBe(`4. ${'长'.repeat(79)}…`);
    expect([long!.lead, long!.owners]).toEqual(['高新科、平台科', '张敏、李强']);
    expect([bare!.lead, bare!.owners]).toEqual(['—', '—']);
  });
});

describe('what was done: the period\'s reports', () => {
  it('quotes them newest first with who said them, whitespace folded; none: 本期无报送', () => {
    const reports = [
      said('1', '2022-04-12', '  组织政策\n宣讲  ', { by: null }),
      said('1', '2022-04-14', '完成高企申报辅导12家'),
      said('2', '2022-04-13', '别的任务'),
    ];
    const paper = buildPaper(input([paperTask('1', {}), paperTask('3', {})], reports));
    expect(paper.sections[0]!.tasks[0]!.done).toEqual(['4月14日（张敏）：完成高企申报辅导12家', '4月12日：组织政策 宣讲']);
    expect(paper.sections[0]!.tasks[1]!.done).toEqual(['本期无报送。']);
  });

  it('a progress report quotes five, each cut at 200 characters; the rest are counted', () => {
    const reports = Array.from({ length: 7 }, (_, i) => said('1', `2022-04-${String(11 + (i % 5)).padStart(2, '0')}`, `第${i}条${'进'.repeat(300)}`, { createdAt: at(`2022-04-11T${String(10 + i)}:00:00`) }));
    const done = buildPaper(input([paperTask('1', {})], reports)).sections[0]!.tasks[0]!.done;
    expect(done).toHaveLength(PAPER_LIMITS.reportsPerTask + 1);
    expect(done[0]).toBe(`4月${11 + (6 % 5)}日（张敏）：第6条${'进'.repeat(196)}…`);
    expect(done.at(-1)).toBe('（本期另有2条报送，详见台账）');
  });

  it('a summary quotes up to twelve at 120 characters, within 1,500 characters a task', () => {
    const reports = Array.from({ length: 12 }, (_, i) => said('1', '2022-04-14', `${i}${'进'.repeat(200)}`, { by: null, createdAt: at(`2022-04-14T${String(8 + i).padStart(2, '0')}:00:00`) }));
    const done = buildPaper(input([paperTask('1', {})], reports, 'year')).sections[0]!.tasks[0]!.done;
    // each line is 「4月14日：」 (6) + 120 = 126 characters: eleven fit in 1,500, the twelfth would not
    expect(done).toHaveLength(12);
    expect(done[0]).toBe(`4月14日：11${'进'.repeat(117)}…`);
    expect(done.slice(0, 11).every((l) => [...l].length === 126)).toBe(true);
    expect(done[11]).toBe('（本期另有1条报送，详见台账）');
  });
});

describe('problems and next steps, in the engine\'s words', () => {
  it('an on-pace task has none; a blocked one gives the engine\'s reason and the owner\'s words', () => {
    const fine = paperTask('1', { reports: [report('2022-04-14', { status: 'on_track', rawText: '按计划推进' })] });
    const stuck = paperTask('2', { reports: [report('2022-04-14', { status: 'blocked', rawText: '  用地  指标未落实 ' })] });
    const paper = buildPaper(input([fine, stuck], []));
    expect(paper.sections[0]!.tasks[0]!.problems).toEqual(['无。']);
    const s = stuck.state;
    expect(s.reasons.map((r) => r.kind)).toEqual(['blocked']);
    expect(paper.sections[0]!.tasks[1]!.problems).toEqual([phraseText(reasonPhrase(s.reasons[0]!, s)), '责任人反映：用地 指标未落实']);
  });

  it('says when the owner expects to finish, the next milestone and the time left; a closed task only its deadline', () => {
    const open = paperTask('1', { milestones: [{ id: 1, due: '2022-04-29', text: '完成专家评审', doneAt: null }] });
    const closed = paperTask('2', { lifecycle: 'closed' });
    const reports = [said('1', '2022-04-13', '预计5月20日完成', { expectedOn: '2022-05-20' }), said('1', '2022-04-14', '推进中')];
    const paper = buildPaper(input([open, closed], reports));
    const m = open.state.nextMilestone!;
    expect(paper.sections[0]!.tasks[0]!.next).toEqual([
      '预计5月20日完成（4月13日报送）',
      `下一节点：4月29日完成专家评审（${workdaysWord(m)}）`,
      `完成时限：12月31日，${workdaysWord(open.state.deadline)}`,
    ]);
    expect(paper.sections[0]!.tasks[1]!.next).toEqual([`完成时限：${deadlineWord(closed.state.deadline, TODAY)}`]);
  });
});

describe('targets', () => {
  it('each target with its value, latest, share done, share of time and pace; 「—」 where there is none', () => {
    // a level from a baseline of 100: 120 of 140 is half the way
    const measured = paperTask('1', { targets: [target({ baseline: 100, history: [['2022-04-10', 120]] })] });
    const unmeasured = paperTask('2', { targets: [target({ id: 2, label: '技术合同登记', value: 11, unit: '亿元', kind: 'cumulative' })] });
    const paper = buildPaper(input([measured, unmeasured], []));
    const g = measured.state.targets[0]!;
    expect(paper.sections[0]!.tasks[0]!.targets).toEqual([{
      label: '有效期高企', target: '140家', latest: '120家', done: '50%', time: `${Math.round(g.time! * 100)}%`,
      pace: phraseText(pacePhrase(g, { periodStart: '2022-01-01' })),
    }]);
    const u = unmeasured.state.targets[0]!;
    expect(g.time).toBeGreaterThan(0);
    expect(paper.sections[0]!.tasks[1]!.targets[0]).toMatchObject({ label: '技术合同登记', target: '11亿元', latest: '—', done: '—' });
    expect([u.latest, u.done]).toEqual([null, null]);
  });

  it('the key targets list every measured one in the plan\'s order, at most ten, the rest counted', () => {
    const tasks = Array.from({ length: 12 }, (_, i) => paperTask(String(i + 1), { targets: [target({ id: i + 1, history: [['2022-04-10', 100 + i]] })] }));
    const keys = buildPaper(input([paperTask('0', { targets: [target({ id: 99 })] }), ...tasks], [])).keyTargets;
    expect(keys).toHaveLength(PAPER_LIMITS.keyTargets + 1);
    const g = tasks[0]!.state.targets[0]!;
    expect(keys[0]).toBe(`有效期高企：目标140家，最新100家，${phraseText(pacePhrase(g, { periodStart: '2022-01-01' }))}（任务1）`);
    expect(keys[9]).toMatch(/，最新109家，.*（任务10）$/);
    expect(keys[10]).toBe('另有2项指标，见各任务指标表。');
  });
});

describe('总体情况', () => {
  it('counts the tasks by the engine\'s words in a fixed order, the lights, and the period\'s reporting', () => {
    const tasks = [
      paperTask('1', { reports: [report('2022-04-14', { status: 'blocked', rawText: '受阻' })] }),
      paperTask('2', { reports: [report('2022-04-14', { status: 'on_track', rawText: '按计划' })] }),
      paperTask('3', { lifecycle: 'closed' }),
      paperTask('4', { reports: [report('2022-04-13', { status: 'on_track', rawText: '按计划' })] }),
    ];
    const lights = ['green', 'yellow', 'red'].map((l) => tasks.filter((t) => t.state.light === l).length);
    expect(tasks.map((t) => t.state.light)).toEqual(['red', 'green', 'green', 'green']);
    const unreported = tasks.filter((t) => t.state.reporting.reported === false).length;
    const reports = [said('1', '2022-04-14', '受阻'), said('2', '2022-04-14', '按计划'), said('2', '2022-04-12', '按计划')];
    expect(buildPaper(input(tasks, reports)).summary).toBe(
      '截至2022年4月15日，共4项任务：已办结1项，按计划2项，受阻1项。'
      + `按三色督办，绿灯${lights[0]}项、黄灯${lights[1]}项、红灯${lights[2]}项。`
      + `本期（第15周（4月11日至4月17日））共收到3条进展报送，涉及2项任务；本期应报未报${unreported}项。`,
    );
  });

  it('says 无 with no tasks', () => {
    expect(buildPaper(input([], [])).summary).toBe('截至2022年4月15日，共0项任务：无。按三色督办，绿灯0项、黄灯0项、红灯0项。本期（第15周（4月11日至4月17日））共收到0条进展报送，涉及0项任务；本期应报未报0项。');
  });
});
