/** digestJson: the digest's model as JSON, per task the fields of `workplan status --json` and the digest's own. */
import { beforeEach, describe, expect, it } from 'vitest';
import { buildDigest, NO_SECTION_TITLE } from '../../../bot/domain/digest/build-digest.js';
import { digestJson } from '../../../bot/domain/digest/digest-json.js';
import { taskStateJson } from '../../../bot/domain/task-state/state-json.js';
import { digestTask, inputOf, NOW, report, seedInput, target } from './fixtures.js';

// Built before each test, not at import: a mutant under test (Stryker switches it on before the tests run) must
// reach what these tests read.
let input: ReturnType<typeof seedInput>;
let json: ReturnType<typeof JSON.parse>;
beforeEach(() => {
  input = seedInput();
  json = JSON.parse(JSON.stringify(digestJson(buildDigest(input), NOW)));
});
const task = (code: string) => json.tasks.find((t: { code: string }) => t.code === code);

describe('digestJson', () => {
  it('has the moment, the plan, the week, the counts and the period’s reporting', () => {
    expect(json).toMatchObject({
      at: '2022-04-15T08:00:00.000Z',
      plan: { id: 1, year: 2022, periodStart: '2022-01-01', periodEnd: '2022-12-31' },
      week: { id: '2022-W15', number: 15, label: '第15周 4月11日–4月15日', firstWorkday: '2022-04-11', lastWorkday: '2022-04-15' },
      time: 28.1,
      worst: 'red',
      total: 23,
      lights: { red: 4, yellow: 8, none: 2, green: 9 },
      reporting: { asked: 6, reported: 3, missing: 2, onLeave: 1 },
    });
    expect(json.counts).toMatchObject({ on_track: 8, done_pending: 1, closed: 1, paused: 1 });
  });

  it('gives every task the same fields as `workplan status --json`, with the digest’s beside them', () => {
    expect(json.tasks.map((t: { code: string }) => t.code)).toEqual(input.tasks.map((t) => t.code));
    for (const t of input.tasks) expect(task(t.code)).toMatchObject(JSON.parse(JSON.stringify(taskStateJson(t))));
    expect(task('19')).toMatchObject({
      lifecycle: 'active', light: 'red', reported: true, deadline: '2023-03-31', owners: ['责任人19'],
      section: '六', status: 'blocked', progress: 'blocked', plannedDeadline: '2022-12-31', reasons: ['blocked'],
      latest: { date: '2022-04-14', text: '改革方案待区委审议' },
    });
    expect(task('12')).toMatchObject({ lifecycle: 'done_pending', status: 'done_pending', progress: 'done', light: 'green' });
    expect(task('3')).toMatchObject({ reported: false, status: 'missing' });
    expect(task('1').targets).toEqual([{ label: '有效期高企', unit: '家', target: 140, latest: 118, pace: { done: 45, time: 14.4 } }]);
    expect(task('2').targets[0]).toEqual({ label: '重庆市科技型企业', unit: '家', target: 2000, latest: 1500, pace: { done: null, time: null } });
  });

  it('lists the blocks by task code', () => {
    expect(json.needsLeaders[0]).toEqual({ code: '2', shownCode: '2', light: 'red', reasons: [{ kind: 'far_behind', target: '注册登记企业' }, { kind: 'at_risk', words: '注册进度偏慢' }] });
    expect(json.dueSoon).toEqual([{ code: '14', shownCode: '14', deadline: '2022-04-22', workdaysLeft: 5 }, { code: '8', shownCode: '8', deadline: '2022-04-28', workdaysLeft: 10 }]);
    expect(json.missing).toEqual([{ name: '王五', tasks: ['3', '16'], shownCodes: ['3', '16'], later: [] }, { name: '周八', tasks: ['16'], shownCodes: ['16'], later: [] }]);
    expect(json.chart[1]).toEqual({ code: '2', shownCode: '2', label: '注册登记企业', done: 16.7, time: 28.1 });
  });
});

describe('digestJson: a task outside any section with a lagging target', () => {
  it('gives section null and names the lagging target, as far_behind is named', () => {
    const t = digestTask('1', {
      section: null,
      targets: [target(1, '技术合同成交额', 11, '亿元', 'money', [['2022-04-14 10:00', 2.6]])],
      reports: [report('2022-W15', '2022-04-14 10:00', 'on_track', '推进中')],
      extensionRequests: [{ requestId: 1, by: '赵六', to: '2022-12-31', reason: '集中在下半年' }],
    });
    const model = buildDigest(inputOf([t]));
    expect(model.sections.map((s) => [s.ordinal, s.title, s.tasks.length])).toEqual([[null, NO_SECTION_TITLE, 1]]);
    const out = JSON.parse(JSON.stringify(digestJson(model, NOW)));
    expect(out.tasks[0].section).toBeNull();
    expect(out.needsLeaders).toEqual([{
      code: '1', shownCode: '1', light: 'yellow',
      reasons: [{ kind: 'lagging', target: '技术合同成交额' }, { kind: 'extension', by: '赵六', to: '2022-12-31', reason: '集中在下半年' }],
    }]);
  });
});
