/** What the demo did, read back from the store, and where its tasks stand (the task-state engine): for the headless run's closing lines. */
import { shanghaiMinute } from '../domain/calendar/shanghai-time.js';
import type { WorkCalendar } from '../domain/calendar/work-calendar.js';
import { LIFECYCLES, LIGHT_EMOJI, lifecycleWord } from '../domain/task-state/index.js';
import type { Lifecycle, Light } from '../domain/task-state/types.js';
import type { Db } from '../store/db.js';
import { loadStatesAcrossPlans } from '../store/states-across-plans.js';

export interface DemoSummary {
  nudgesSent: number;
  nudgesByKind: Record<string, number>;
  nudgesFailed: number;
  reports: number;
  reportsBySource: Record<string, number>;
  digestsPosted: number;
  digestsFailed: number;
  /** The tasks at the end, by light and by lifecycle, as the engine decides them. */
  tasksByLight: Record<Light, number>;
  tasksByLifecycle: Record<Lifecycle, number>;
  /** Everything that went wrong outside the store (a colleague's action, a worker that did not finish). */
  errors: string[];
}

const count = (rows: { key: string; n: number }[]) => Object.fromEntries(rows.map((r) => [r.key, r.n]));

const LIGHTS: readonly Light[] = ['green', 'yellow', 'red', 'none'];

export async function summarize(db: Db, errors: string[], at: { now: Date; calendar: WorkCalendar }): Promise<DemoSummary> {
  const tasks = await loadStatesAcrossPlans(db, at);
  const tally = <K extends string>(keys: readonly K[], of: (s: (typeof tasks)[number]['state']) => K) =>
    Object.fromEntries(keys.map((k) => [k, tasks.filter((t) => of(t.state) === k).length])) as Record<K, number>;
  const kinds = await db.nudge.groupBy({ by: ['kind'], where: { state: 'sent' }, _count: { _all: true } });
  const sources = await db.report.groupBy({ by: ['source'], _count: { _all: true } });
  return {
    nudgesSent: await db.nudge.count({ where: { state: 'sent' } }),
    nudgesByKind: count(kinds.map((k) => ({ key: k.kind, n: k._count._all }))),
    nudgesFailed: await db.nudge.count({ where: { state: 'failed' } }),
    reports: await db.report.count(),
    reportsBySource: count(sources.map((s) => ({ key: s.source, n: s._count._all }))),
    digestsPosted: await db.digestPost.count({ where: { state: 'sent' } }),
    digestsFailed: await db.digestPost.count({ where: { state: 'failed' } }),
    tasksByLight: tally(LIGHTS, (st) => st.light),
    tasksByLifecycle: tally(LIFECYCLES, (st) => st.lifecycle),
    errors: [...errors],
  };
}

const list = (r: Record<string, number>) => Object.entries(r).map(([k, n]) => `${k} ${n}`).join('，') || '无';

export function summaryText(s: DemoSummary, from: Date, to: Date): string {
  const failures = s.nudgesFailed + s.digestsFailed + s.errors.length;
  return [
    `模拟时间：${shanghaiMinute(from)} — ${shanghaiMinute(to)}（北京时间）`,
    `催办已发送：${s.nudgesSent}（${list(s.nudgesByKind)}）`,
    `进展已记录：${s.reports}（${list(s.reportsBySource)}）`,
    `周报已发送：${s.digestsPosted}`,
    `任务亮灯：${LIGHTS.map((l) => `${LIGHT_EMOJI[l]} ${s.tasksByLight[l]}`).join('，')}`,
    `任务状态：${LIFECYCLES.map((l) => `${lifecycleWord(l)} ${s.tasksByLifecycle[l]}`).join('，')}`,
    `失败：${failures}（催办 ${s.nudgesFailed}，周报 ${s.digestsFailed}，其他 ${s.errors.length}）`,
    ...s.errors.map((e) => `  - ${e}`),
    '',
  ].join('\n');
}
