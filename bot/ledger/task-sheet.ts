/**
 * The 「任务台账」 sheet: one row per task in plan order, rendered from each task's state (the
 * task-state engine) and computing nothing of its own. A task with several targets (指标) gets one
 * line per target in each target column (指标, 最新值, 序时应达, 序时进度), numbered ①②… so the
 * lines read across. Dates carry the year, always. Pure.
 */
import { shanghaiDate } from '../domain/calendar/shanghai-time.js';
import { describeTarget } from '../domain/plan/describe.js';
import { amountWord, fullDateWord, LIGHT_WORDS } from '../domain/task-state/index.js';
import { deadlineWord, nextMilestonePhrase, pacePhrase, phraseText, reasonPhrase, reportingWord, stateWord } from '../domain/task-state/phrases.js';
import type { TargetState } from '../domain/task-state/types.js';
import type { TaskView } from '../store/task-states.js';
import type { Cell, Column, SheetSpec } from './write-workbook.js';

export const TASK_SHEET = '任务台账';

/** What a row shows of a task: its names and people, its state, its latest 批示 (who, when, what) and how much evidence (佐证材料) it has (0 when absent). */
export type LedgerTask = Pick<TaskView, 'code' | 'shownCode' | 'title' | 'section' | 'leadUnits' | 'collaboratorUnits' | 'leaderNames' | 'owners' | 'collaborators' | 'leaders' | 'state'> & {
  instruction?: { by: string; at: Date; text: string } | null;
  evidence?: number;
};
type Section = { ordinal: string; title: string; parentOrdinal: string | null };

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/**
 * `today`: the Shanghai date the state was taken at (`--at`, or the clock), which heads the pace
 * column; `periodStart`: the plan's (a baseline from the plan reads 「较年初」 or 「较期初」).
 */
export function taskSheet(o: { tasks: LedgerTask[]; sections: Section[]; today: string; periodStart: string }): SheetSpec {
  const sections = new Map(o.sections.map((s) => [s.ordinal, s]));
  return { name: TASK_SHEET, columns: taskColumns(o.today), rows: o.tasks.map((t, i) => taskRow(t, i + 1, sections, o.periodStart)) };
}

export function taskColumns(today: string): Column[] {
  return [
    { header: '序号', width: 6 }, { header: '编号', width: 6 }, { header: '所属部分', width: 20 },
    { header: '任务名称', width: 22 }, { header: '牵头单位', width: 14 }, { header: '配合单位', width: 16 },
    { header: '责任人', width: 10 }, { header: '协办人', width: 10 }, { header: '责任领导', width: 10 },
    { header: '完成时限', width: 20 }, { header: '指标', width: 28 }, { header: '最新值', width: 14 },
    { header: '序时应达', width: 14 }, { header: `序时进度（截至${fullDateWord(today)}）`, width: 40 },
    { header: '状态', width: 14 }, { header: '亮灯', width: 26 }, { header: '本期报送', width: 10 },
    { header: '最近填报日期', width: 15 }, { header: '最近填报内容', width: 50 }, { header: '佐证材料', width: 9 },
    { header: '最新批示', width: 40 },
  ];
}

function taskRow(t: LedgerTask, n: number, sections: Map<string, Section>, periodStart: string): Cell[] {
  const s = t.state;
  const names = (people: { name: string }[]) => [...new Set(people.map((p) => p.name))].join('、');
  const latest = s.reports[0];
  const lines = (each: (g: TargetState) => string) => numbered(s.targets.map(each));
  return [
    n,
    t.shownCode,
    sectionWord(t.section, sections),
    t.title,
    t.leadUnits.join('、'),
    t.collaboratorUnits.join('、'),
    names(t.owners),
    names(t.collaborators),
    t.leaders.length ? names(t.leaders) : t.leaderNames.join('、'),
    s.nextMilestone ? `${deadlineWord(s.deadline, null)}\n下一节点：${phraseText(nextMilestonePhrase(s.nextMilestone, null))}` : deadlineWord(s.deadline, null),
    lines((g) => describeTarget(g)),
    lines((g) => (g.latest === null ? '—' : amountWord(g.latest, g.unit))),
    lines((g) => (g.expected === null ? '—' : amountWord(g.expected, g.unit))),
    lines((g) => phraseText(pacePhrase(g, { periodStart }))),
    stateWord(s),
    `${LIGHT_WORDS[s.light]}（${phraseText(reasonPhrase(s.reasons[0]!, s))}）`,
    reportingWord(s.reporting),
    latest ? fullDateWord(shanghaiDate(latest.createdAt)) : '',
    latest?.rawText ?? '',
    t.evidence ?? 0,
    t.instruction ? `${t.instruction.by}（${fullDateWord(shanghaiDate(t.instruction.at))}）：${t.instruction.text}` : '',
  ];
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
