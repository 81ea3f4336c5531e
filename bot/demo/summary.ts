/** What the demo did, read back from the store: for the headless run's closing lines. */
import { shanghaiMinute } from '../domain/calendar/shanghai-time.js';
import type { Db } from '../store/db.js';

export interface DemoSummary {
  nudgesSent: number;
  nudgesByKind: Record<string, number>;
  nudgesFailed: number;
  reports: number;
  reportsBySource: Record<string, number>;
  digestsPosted: number;
  digestsFailed: number;
  /** Everything that went wrong outside the store (a colleague's action, a worker that did not finish). */
  errors: string[];
}

const count = (rows: { key: string; n: number }[]) => Object.fromEntries(rows.map((r) => [r.key, r.n]));

export async function summarize(db: Db, errors: string[]): Promise<DemoSummary> {
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
    `失败：${failures}（催办 ${s.nudgesFailed}，周报 ${s.digestsFailed}，其他 ${s.errors.length}）`,
    ...s.errors.map((e) => `  - ${e}`),
    '',
  ].join('\n');
}
