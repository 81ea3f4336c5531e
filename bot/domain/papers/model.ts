/**
 * The bureau's paper (推进情况 for a week or a month; 工作总结（初稿） for a half or a year) as plain data,
 * from each task's state as the task-state engine decided it and the period's reports in the owners'
 * words. Pure: it computes no state of its own; every word about a task is the engine's phrase
 * (bot/domain/task-state/phrases.ts). Text from the plan and people stays plain text here; the docx
 * writer puts it in text nodes, never markup. Every list and every text is bounded.
 */
import { figureWord, shareWord } from '../task-state/amounts.js';
import { deadlineWord, pacePhrase, phraseText, reasonPhrase, stateWord, workdaysWord } from '../task-state/phrases.js';
import type { LightReason, TaskState } from '../task-state/types.js';
import { dateWord, fullDateWord } from '../task-state/words.js';
import { isSummary, type PaperPeriod } from './period.js';

/** Per task: reports quoted (a progress report quotes the newest; a summary merges more), characters per report, per task. */
export const PAPER_LIMITS = Object.freeze({ reportsPerTask: 5, summaryReportsPerTask: 12, reportChars: 200, summaryReportChars: 120, taskChars: 1500, keyTargets: 10 });

export interface PaperTaskInput {
  code: string;
  title: string;
  section: { ordinal: string; title: string } | null;
  leadUnits: string[];
  owners: { name: string }[];
  state: TaskState;
}

/** A report of the period, with who made it and the date the owner expects to finish (if said). */
export interface PaperReport {
  taskCode: string;
  by: string | null;
  createdAt: Date;
  /** Shanghai date of createdAt. */
  date: string;
  rawText: string;
  expectedOn: string | null;
}

export interface PaperInput {
  plan: { title: string; issuer: string | null; year: number; periodStart: string };
  period: PaperPeriod;
  today: string;
  tasks: PaperTaskInput[];
  /** The period's reports (any order). */
  reports: PaperReport[];
}

export interface PaperTarget {
  label: string;
  target: string;
  latest: string;
  done: string;
  time: string;
  pace: string;
}

export interface PaperTask {
  heading: string;
  lead: string;
  /** The owners (责任人) by name, 「—」 when none. */
  owners: string;
  state: string;
  done: string[];
  problems: string[];
  next: string[];
  targets: PaperTarget[];
}

export interface PaperModel {
  kind: PaperPeriod['kind'];
  title: string;
  date: string;
  /** 总体情况: a paragraph of counts, then the key targets, one line each. */
  summary: string;
  keyTargets: string[];
  sections: { heading: string; tasks: PaperTask[] }[];
}

const PROBLEM_KINDS = new Set<LightReason['kind']>(['overdue', 'blocked', 'far_behind', 'at_risk', 'not_started', 'missing', 'returned', 'lagging', 'due_soon']);
/** The order the summary counts the engine's state words in. */
const STATE_ORDER = ['已办结', '已完成（待确认）', '按计划', '有风险', '受阻', '逾期', '未启动', '未报送', '暂无进展', '已暂停'];

const trim = (text: string, max: number): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return [...flat].length > max ? `${[...flat].slice(0, max - 1).join('')}…` : flat;
};

export function buildPaper(input: PaperInput): PaperModel {
  const { plan, period, today } = input;
  const who = plan.issuer && !plan.title.includes(plan.issuer) ? `${plan.issuer}${plan.title}` : plan.title;
  const title = isSummary(period.kind)
    ? `${plan.issuer ?? ''}${plan.year}年${period.kind === 'half' ? period.label : ''}工作总结（初稿）`
    : `${who}推进情况（${period.label}）`;
  const byTask = new Map<string, PaperReport[]>();
  for (const r of [...input.reports].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())) {
    byTask.set(r.taskCode, [...(byTask.get(r.taskCode) ?? []), r]);
  }
  const sections: PaperModel['sections'] = [];
  for (const t of input.tasks) {
    const heading = t.section ? `${t.section.ordinal}、${t.section.title}` : '其他任务';
    let section = sections.find((s) => s.heading === heading);
    if (!section) sections.push((section = { heading, tasks: [] }));
    section.tasks.push(paperTask(t, byTask.get(t.code) ?? [], input));
  }
  return { kind: period.kind, title, date: fullDateWord(today), summary: summaryText(input), keyTargets: keyTargets(input), sections };
}

function paperTask(t: PaperTaskInput, reports: PaperReport[], input: PaperInput): PaperTask {
  const s = t.state;
  const summary = isSummary(input.period.kind);
  const quoted = reports.slice(0, summary ? PAPER_LIMITS.summaryReportsPerTask : PAPER_LIMITS.reportsPerTask);
  const chars = summary ? PAPER_LIMITS.summaryReportChars : PAPER_LIMITS.reportChars;
  let budget = PAPER_LIMITS.taskChars;
  const done: string[] = [];
  for (const r of quoted) {
    const line = `${dateWord(r.date, input.today)}${r.by ? `（${r.by}）` : ''}：${trim(r.rawText, chars)}`;
    if ([...line].length > budget) break;
    budget -= [...line].length;
    done.push(line);
  }
  if (reports.length > done.length) done.push(`（本期另有${reports.length - done.length}条报送，详见台账）`);
  if (!reports.length) done.push('本期无报送。');

  const problems = s.reasons.filter((r) => PROBLEM_KINDS.has(r.kind)).map((r) => phraseText(reasonPhrase(r, s)));
  const source = s.progressSource;
  if (source && (source.status === 'blocked' || source.status === 'at_risk')) problems.push(`责任人反映：${trim(source.rawText, PAPER_LIMITS.reportChars)}`);
  if (!problems.length) problems.push('无。');

  const next: string[] = [];
  const expected = reports.find((r) => r.expectedOn !== null);
  if (expected?.expectedOn) next.push(`预计${dateWord(expected.expectedOn, input.today)}完成（${dateWord(expected.date, input.today)}报送）`);
  const m = s.nextMilestone;
  if (m) next.push(`下一节点：${dateWord(m.due, input.today)}${trim(m.text, 60)}（${workdaysWord(m)}）`);
  if (s.lifecycle === 'active') next.push(`完成时限：${deadlineWord(s.deadline, input.today)}，${workdaysWord(s.deadline)}`);
  else next.push(`完成时限：${deadlineWord(s.deadline, input.today)}`);

  return {
    heading: `${t.code}. ${trim(t.title, 80)}`,
    lead: t.leadUnits.length ? t.leadUnits.join('、') : '—',
    owners: t.owners.length ? t.owners.map((o) => o.name).join('、') : '—',
    state: stateWord(s),
    done,
    problems,
    next,
    targets: s.targets.map((g) => ({
      label: g.label,
      target: `${figureWord(g.value, g.unit)}${g.unit}`,
      latest: g.latest === null ? '—' : `${figureWord(g.latest, g.unit)}${g.unit}`,
      done: g.done === null ? '—' : shareWord(g.done),
      time: g.time === null ? '—' : shareWord(g.time),
      pace: phraseText(pacePhrase(g, { periodStart: input.plan.periodStart })),
    })),
  };
}

/** 总体情况: how many tasks in each of the engine's state words, the lights, and who has not reported this period. */
function summaryText(input: PaperInput): string {
  const counts = new Map<string, number>();
  for (const t of input.tasks) counts.set(stateWord(t.state), (counts.get(stateWord(t.state)) ?? 0) + 1);
  const words = [...counts.keys()].sort((a, b) => rank(a) - rank(b)).map((w) => `${w}${counts.get(w)}项`);
  const lights = (['green', 'yellow', 'red'] as const).map((l) => input.tasks.filter((t) => t.state.light === l).length);
  const unreported = input.tasks.filter((t) => t.state.reporting.reported === false).length;
  const reported = new Set(input.reports.map((r) => r.taskCode)).size;
  return `截至${fullDateWord(input.today)}，共${input.tasks.length}项任务：${words.join('，') || '无'}。`
    + `按三色督办，绿灯${lights[0]}项、黄灯${lights[1]}项、红灯${lights[2]}项。`
    + `本期（${input.period.label}）共收到${input.reports.length}条进展报送，涉及${reported}项任务；本期应报未报${unreported}项。`;
}

const rank = (word: string) => {
  const i = STATE_ORDER.indexOf(word);
  return i < 0 ? STATE_ORDER.length : i;
};

/** Key targets against time elapsed: each measured target's latest value and the engine's pace words, the plan's order, bounded. */
function keyTargets(input: PaperInput): string[] {
  const lines: string[] = [];
  for (const t of input.tasks) {
    for (const g of t.state.targets) {
      if (g.basis === 'none') continue;
      lines.push(`${g.label}：目标${figureWord(g.value, g.unit)}${g.unit}，最新${figureWord(g.latest ?? 0, g.unit)}${g.unit}，${phraseText(pacePhrase(g, { periodStart: input.plan.periodStart }))}（任务${t.code}）`);
    }
  }
  return lines.length > PAPER_LIMITS.keyTargets ? [...lines.slice(0, PAPER_LIMITS.keyTargets), `另有${lines.length - PAPER_LIMITS.keyTargets}项指标，见各任务指标表。`] : lines;
}
