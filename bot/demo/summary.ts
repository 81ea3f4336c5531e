/** What the demo did, read back from the store, and where its tasks stand (the task-state engine): for the headless run's closing lines. */
import { shanghaiMinute } from '../domain/calendar/shanghai-time.js';
import type { WorkCalendar } from '../domain/calendar/work-calendar.js';
import { LIFECYCLES, LIGHT_EMOJI, lifecycleWord } from '../domain/task-state/index.js';
import type { Lifecycle, Light } from '../domain/task-state/types.js';
import type { Db } from '../store/db.js';
import { loadStatesAcrossPlans } from '../store/states-across-plans.js';
import { readJson } from '../domain/audit-fields.js';
import { wordTable } from '../domain/word-table.js';

export interface DemoSummary {
  nudgesSent: number;
  nudgesByKind: Record<string, number>;
  nudgesFailed: number;
  reports: number;
  reportsBySource: Record<string, number>;
  digestsPosted: number;
  digestsFailed: number;
  /** The leaders' side: 批示 given, 督办（加急） that reached someone, evidence kept, tasks 办结, returns (退回补充 of a report, 退回 of a completion). */
  instructions: number;
  urges: number;
  evidence: number;
  closed: number;
  returned: { reports: number; completions: number };
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
  const urgeResults = await db.auditEntry.findMany({ where: { action: 'task.urge-result' }, select: { after: true } });
  return {
    nudgesSent: await db.nudge.count({ where: { state: 'sent' } }),
    nudgesByKind: count(kinds.map((k) => ({ key: k.kind, n: k._count._all }))),
    nudgesFailed: await db.nudge.count({ where: { state: 'failed' } }),
    reports: await db.report.count(),
    reportsBySource: count(sources.map((s) => ({ key: s.source, n: s._count._all }))),
    digestsPosted: await db.digestPost.count({ where: { state: 'sent' } }),
    digestsFailed: await db.digestPost.count({ where: { state: 'failed' } }),
    instructions: await db.instruction.count(),
    urges: urgeResults.filter((r) => Number(readJson(r.after).buzzed) > 0).length,
    evidence: await db.evidence.count({ where: { error: null } }),
    closed: tasks.filter((t) => t.state.lifecycle === 'closed').length,
    returned: {
      reports: await db.report.count({ where: { returnedAt: { not: null } } }),
      completions: await db.auditEntry.count({ where: { action: 'task.lifecycle', after: { contains: '"event":"return"' } } }),
    },
    tasksByLight: tally(LIGHTS, (st) => st.light),
    tasksByLifecycle: tally(LIFECYCLES, (st) => st.lifecycle),
    errors: [...errors],
  };
}

const list = (r: Record<string, number>) => Object.entries(r).map(([k, n]) => `${k} ${n}`).join('，') || '无';

/** A nudge kind's family, in the words the bureau uses: check-ins, follow-ups, the deadline ladder, leaders' escalations. */
function kindWord(kind: string): string {
  if (kind === 'checkin') return '定期催报';
  if (kind.startsWith('followup')) return '跟进提醒';
  if (kind.startsWith('snooze')) return '推迟后的提醒';
  if (kind.startsWith('leader-')) return '领导督办';
  if (kind.startsWith('milestone-')) return '节点提醒';
  if (kind.startsWith('deadline-')) return '时限提醒';
  if (kind.startsWith('overdue-')) return '逾期催办';
  if (kind.startsWith('return-')) return '退回补充';
  if (kind === 'remind') return '手动催办';
  return '其他';
}
const SOURCE_WORDS = wordTable({ reply: '回复', text: '文字', button: '按钮', form: '表单', command: '命令', import: '导入' });

/** Counts summed under their Chinese words, in the order first met. */
function inWords(r: Record<string, number>, word: (k: string) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, n] of Object.entries(r)) out[word(k)] = (out[word(k)] ?? 0) + n;
  return out;
}

export function summaryText(s: DemoSummary, from: Date, to: Date): string {
  const failures = s.nudgesFailed + s.digestsFailed + s.errors.length;
  return [
    `模拟时间：${shanghaiMinute(from)} — ${shanghaiMinute(to)}（北京时间）`,
    `催办已发送：${s.nudgesSent}（${list(inWords(s.nudgesByKind, kindWord))}）`,
    `进展已记录：${s.reports}（${list(inWords(s.reportsBySource, (k) => SOURCE_WORDS[k] ?? '其他'))}）`,
    `周报已发送：${s.digestsPosted}`,
    `批示：${s.instructions}`,
    `加急：${s.urges}`,
    `佐证材料：${s.evidence}`,
    `办结：${s.closed}`,
    `退回：${s.returned.reports + s.returned.completions}（退回补充 ${s.returned.reports}，退回完成申请 ${s.returned.completions}）`,
    `任务亮灯：${LIGHTS.map((l) => `${LIGHT_EMOJI[l]} ${s.tasksByLight[l]}`).join('，')}`,
    `任务状态：${LIFECYCLES.map((l) => `${lifecycleWord(l)} ${s.tasksByLifecycle[l]}`).join('，')}`,
    `失败：${failures}（催办 ${s.nudgesFailed}，周报 ${s.digestsFailed}，其他 ${s.errors.length}）`,
    ...s.errors.map((e) => `  - ${e}`),
    '',
  ].join('\n');
}
