/** The demo's closing summary counts the tasks by light and lifecycle as the task-state engine decides them, from a real store. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarize, summaryText } from '../../bot/demo/summary.js';
import { chineseWorkCalendar } from '../../bot/domain/calendar/chinese-calendar.js';
import { createReport } from '../../bot/store/reports.js';
import { loadTaskStates } from '../../bot/store/task-states.js';
import { seedPlan } from '../helpers/seed.js';
import { tempStore } from '../helpers/temp-store.js';

const at = (local: string) => new Date(`${local}+08:00`);
const NOW = at('2022-04-13T16:00:00');
const calendar = chineseWorkCalendar();
let store: Awaited<ReturnType<typeof tempStore>>;
let planId: number;

beforeAll(async () => {
  store = await tempStore();
  const db = store.db;
  ({ planId } = await seedPlan(db, { now: at('2022-03-21T09:00:00') }));
  const task = (code: string) => db.task.findFirstOrThrow({ where: { code } });
  const zhang = await db.person.findUniqueOrThrow({ where: { openId: 'ou_demo_zhangmin' } });
  const base = { period: '2022-W15', percent: null, expectedOn: null, source: 'text' as const, messageId: null, values: [], personId: zhang.id, actor: zhang.openId! };
  await createReport(db, { ...base, taskId: (await task('1')).id, rawText: '按计划推进', status: 'on_track', now: at('2022-04-12T10:00:00') });
  await createReport(db, { ...base, taskId: (await task('4')).id, rawText: '场地未落实，受阻', status: 'blocked', now: at('2022-04-12T10:05:00') });
  await db.task.update({ where: { id: (await task('3')).id }, data: { status: 'paused' } });
  await db.task.update({ where: { id: (await task('5')).id }, data: { status: 'closed' } });
  await db.task.update({ where: { id: (await task('6')).id }, data: { status: 'done_pending' } });
});
afterAll(async () => store.cleanup());

describe('demo summary', () => {
  it('counts tasks by light and lifecycle exactly as the engine states them', async () => {
    const s = await summarize(store.db, [], { now: NOW, calendar });
    const states = (await loadTaskStates(store.db, { planId, now: NOW, calendar })).tasks.map((t) => t.state);
    const count = (f: (st: (typeof states)[number]) => boolean) => states.filter(f).length;
    expect(s.tasksByLifecycle).toEqual({ active: 20, done_pending: 1, closed: 1, paused: 1 });
    expect(s.tasksByLight).toEqual({
      green: count((st) => st.light === 'green'), yellow: count((st) => st.light === 'yellow'), red: count((st) => st.light === 'red'), none: count((st) => st.light === 'none'),
    });
    // Task 1 on track, 5 closed, 6 awaiting confirmation: green; task 4 blocked: red; task 3 paused and the untouched ones: no light.
    expect(s.tasksByLight).toEqual({ green: 3, yellow: 0, red: 1, none: 19 });
  });

  it('says them in its closing lines', async () => {
    const s = await summarize(store.db, [], { now: NOW, calendar });
    const text = summaryText(s, at('2022-03-21T09:00:00'), NOW);
    expect(text).toContain('任务亮灯：🟢 3，🟡 0，🔴 1，⚪ 19');
    expect(text).toContain('任务状态：进行中 20，待确认办结 1，已办结 1，已暂停 1');
  });
});
