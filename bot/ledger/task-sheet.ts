/**
 * The 「任务台账」 sheet: one row per task in plan order. A task with several targets (指标)
 * gets one line per target in each target column (指标, 最新值, 序时进度), numbered ①②…
 * so the lines of the three columns read across. Pure.
 */
import { shanghaiDate } from '../domain/calendar/shanghai-time.js';
import type { WorkCalendar } from '../domain/calendar/work-calendar.js';
import { elapsedShare, expectedByNow } from '../domain/pace.js';
import { describeTarget, formatValue } from '../domain/plan/describe.js';
import type { LedgerReport, LedgerRows, LedgerTask } from '../store/ledger-rows.js';
import type { Cell, SheetSpec } from './write-workbook.js';
import { percentWord, STATUS_WORDS, TASK_STATE_WORDS } from './words.js';

export const TASK_SHEET = '任务台账';

type Target = LedgerTask['targets'][number];
type Section = LedgerRows['plan']['sections'][number];
type Found = { value: number; unit: string } | null;

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

export function taskSheet(rows: LedgerRows, opts: { now: Date; calendar: WorkCalendar }): SheetSpec {
  const today = shanghaiDate(opts.now);
  // 序时进度: the share of the plan year's working days gone by today.
  const share = elapsedShare(opts.calendar, `${rows.plan.year}-01-01`, rows.plan.periodEnd, today);
  const sections = new Map(rows.plan.sections.map((s) => [s.ordinal, s]));
  const live = new Map<number, LedgerReport[]>(); // non-revoked, newest first
  for (const r of rows.reports) {
    if (r.revokedAt) continue;
    const list = live.get(r.taskId) ?? [];
    list.push(r);
    live.set(r.taskId, list);
  }

  return {
    name: TASK_SHEET,
    columns: [
      { header: '序号', width: 6 }, { header: '编号', width: 6 }, { header: '所属部分', width: 20 },
      { header: '任务名称', width: 22 }, { header: '牵头单位', width: 14 }, { header: '配合单位', width: 16 },
      { header: '责任人', width: 10 }, { header: '协办人', width: 10 }, { header: '责任领导', width: 10 },
      { header: '完成时限', width: 12 }, { header: '指标', width: 28 }, { header: '最新值', width: 16 },
      { header: `序时进度（截至 ${today}）`, width: 36 }, { header: '状态', width: 12 },
      { header: '最近填报日期', width: 13 }, { header: '最近填报内容', width: 50 },
    ],
    rows: rows.tasks.map((t, i) => taskRow(t, i + 1, live.get(t.id) ?? [], share, sections)),
  };
}

function taskRow(t: LedgerTask, n: number, reports: LedgerReport[], share: number, sections: Map<string, Section>): Cell[] {
  const parties = (role: string) => t.parties.filter((p) => p.role === role).map((p) => p.name);
  const people = (role: string) => [...new Set(t.assignments.filter((a) => a.role === role).map((a) => a.person.name))];
  const leaders = people('leader');
  const latest = reports[0];
  const found = t.targets.map((g) => latestValue(g, reports));
  const lines = (each: (g: Target, k: number) => string) => numbered(t.targets.map(each));
  return [
    n,
    t.code,
    sectionWord(t.section, sections),
    t.title,
    parties('lead').join('、'),
    parties('collaborator').join('、'),
    people('owner').join('、'),
    people('collaborator').join('、'),
    (leaders.length ? leaders : parties('leader')).join('、'),
    t.deadline,
    lines((g) => describeTarget(g)),
    lines((_g, k) => (found[k] ? `${formatValue(found[k].value)}${found[k].unit}` : '—')),
    lines((g, k) => paceWord(g, found[k] ?? null, share)),
    TASK_STATE_WORDS[t.status] ?? (latest ? statusWord(latest.status) : '未报送'),
    latest ? shanghaiDate(latest.createdAt) : '',
    latest?.rawText ?? '',
  ];
}

/** The newest value reported against this target. */
function latestValue(target: Target, newestFirst: LedgerReport[]): Found {
  for (const r of newestFirst) {
    const v = r.values.find((x) => x.targetId === target.id);
    if (v) return { value: v.value, unit: v.unit };
  }
  return null;
}

/** 「应达 16.8项；完成 64% / 时间 24%」 for running totals and money; 「—」 for levels and rates. */
function paceWord(target: Target, found: Found, share: number): string {
  const expected = expectedByNow(target.kind, target.value, share);
  if (expected === null) return '—';
  const head = `应达 ${formatValue(Number(expected.toFixed(2)))}${target.unit}；`;
  const time = `时间 ${percentWord(share)}`;
  if (!found || found.unit !== target.unit || target.value <= 0) return `${head}尚无数值 / ${time}`;
  const reached = found.value / target.value;
  const behind = target.comparator === 'at_least' && reached < share;
  const note = behind ? (target.paceNote ? `，滞后（说明：${target.paceNote}）` : '，滞后') : '';
  return `${head}完成 ${percentWord(reached)} / ${time}${note}`;
}

export function statusWord(status: string | null): string {
  return status ? STATUS_WORDS[status] ?? status : '已填报（状态未识别）';
}

function numbered(lines: string[]): string {
  if (lines.length < 2) return lines.join('');
  return lines.map((l, k) => `${CIRCLED[k] ?? `(${k + 1})`}${l}`).join('\n');
}

/** 「一、着力培育创新主体」, or 「一、… / （二）…」 for a sub-section. */
function sectionWord(s: LedgerTask['section'], sections: Map<string, Section>): string {
  if (!s) return '';
  const parent = s.parentOrdinal ? sections.get(s.parentOrdinal) : undefined;
  return parent ? `${sectionLabel(parent)} / ${sectionLabel(s)}` : sectionLabel(s);
}

function sectionLabel(s: { ordinal: string; title: string }): string {
  const sub = /（(.+)）$/.exec(s.ordinal);
  return sub ? `（${sub[1]}）${s.title}` : `${s.ordinal}、${s.title}`;
}
