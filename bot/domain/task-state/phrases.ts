/**
 * The state's phrases for the ledger, the nudge card and the commands: a task's state word, its
 * reporting, the reason behind its light, its deadline, a target's latest value and pace. Pure;
 * they say what the engine decided and compute nothing.
 *
 * A phrase is a list of pieces: the bot's own words and figures (`ours`) and words from the plan or
 * people (`theirs`: a label, a unit, an owner's note), so that each output escapes what needs it
 * (card markdown escapes `theirs`; the ledger's cells are plain text). `phraseText` joins them.
 */
import { figureWord, shareWord } from './amounts.js';
import { dateWord, fullDateWord, PROGRESS_WORDS, SNOOZE_ASK_WORDS } from './words.js';
import type { DeadlineState, LightReason, NextMilestone, ReportLater, Reporting, TargetState, TaskState } from './types.js';

export type Piece = { ours: string } | { theirs: string };
export type Phrase = Piece[];

const ours = (s: string): Piece => ({ ours: s });
const theirs = (s: string): Piece => ({ theirs: s });

export const phraseText = (p: Phrase): string => p.map((x) => ('ours' in x ? x.ours : x.theirs)).join('');

/** What a task is at: 「已办结」「已完成（待确认）」「已暂停」, else the engine's progress (「按计划」「未报送」「暂无进展」…). */
export function stateWord(s: Pick<TaskState, 'lifecycle' | 'progress'>): string {
  if (s.lifecycle === 'closed') return '已办结';
  if (s.lifecycle === 'done_pending') return '已完成（待确认）';
  if (s.lifecycle === 'paused') return '已暂停';
  return PROGRESS_WORDS[s.progress];
}

/** This period's reporting: 「已报送」, 「未报送」 only when asked, 「本期未催报」 when nobody was asked. */
export function reportingWord(r: Reporting): string {
  if (r.reported === true) return '已报送';
  if (r.reported === false) return r.why === 'returned' ? '待补充' : '未报送';
  switch (r.why) {
    case 'on_leave':
      return '请假';
    case 'cadence_off':
      return '不催报';
    case 'not_active':
      return '无需报送';
    default:
      return '本期未催报';
  }
}

/** An owner's 「明天再报」 as the engine keeps it (reporting.later): 「已延后至 12月7日（明天再报）」; `context` as in deadlineWord. */
export function laterWord(l: Pick<ReportLater, 'date' | 'ask'>, context: string | null): string {
  const day = context === null ? fullDateWord(l.date) : dateWord(l.date, context);
  return `已延后至 ${day}${l.ask ? `（${SNOOZE_ASK_WORDS[l.ask]}）` : ''}`;
}

/** 「2023年3月31日（原定2022年12月31日，已延期）」; `context` is the message's date (null: the year always, as in the ledger). */
export function deadlineWord(d: Pick<DeadlineState, 'date' | 'planned'>, context: string | null): string {
  const day = (date: string) => (context === null ? fullDateWord(date) : dateWord(date, context));
  return d.planned ? `${day(d.date)}（原定${day(d.planned)}，已延期）` : day(d.date);
}

/**
 * 「还剩 9 个工作日」「今天到期」「已逾期 3 个工作日」, and where no working day lies between today and the date (a
 * weekend or a holiday): 「2 天后到期」 before it, 「已过完成时限」 after it. `tight` drops the spaces (the digest's style).
 */
export function workdaysWord(d: Pick<DeadlineState, 'workdaysLeft' | 'daysLeft'>, tight = false): string {
  const n = (k: number) => (tight ? String(k) : ` ${k} `);
  if (d.daysLeft < 0) return d.workdaysLeft < 0 ? `已逾期${n(-d.workdaysLeft)}个工作日` : '已过完成时限';
  if (d.daysLeft === 0) return '今天到期';
  return d.workdaysLeft > 0 ? `还剩${n(d.workdaysLeft)}个工作日` : `${n(d.daysLeft).trimStart()}天后到期`;
}

/** The next milestone after 「下一节点：」: 「6月30日 6月底前完成评估（还剩 12 个工作日）」; `context` as in deadlineWord. */
export function nextMilestonePhrase(m: NextMilestone, context: string | null): Phrase {
  const day = context === null ? fullDateWord(m.due) : dateWord(m.due, context);
  return [ours(`${day} `), theirs(m.text), ours(`（${workdaysWord(m)}）`)];
}

/** A value in its unit with the unit's precision: 「25」「家」. */
export function amountPhrase(value: number, unit: string): Phrase {
  return [ours(figureWord(value, unit)), theirs(unit)];
}

/** Why the light is what it is: 「本期未报送」「指标「技术合同登记」严重落后序时」「已逾期 3 个工作日」. */
export function reasonPhrase(r: LightReason, s: Pick<TaskState, 'targets' | 'deadline'>): Phrase {
  const label = (id: number) => s.targets.find((t) => t.targetId === id)?.label ?? '';
  switch (r.kind) {
    case 'closed':
      return [ours('已办结')];
    case 'done_pending':
      return [ours('已报完成，待确认办结')];
    case 'paused':
      return [ours('已暂停')];
    case 'overdue':
      return [ours(r.workdays > 0 ? `已逾期 ${r.workdays} 个工作日` : '已过完成时限')];
    case 'blocked':
      return [ours('受阻')];
    case 'far_behind':
      return [ours('指标「'), theirs(label(r.targetId)), ours('」严重落后序时')];
    case 'at_risk':
      return [ours('有风险')];
    case 'not_started':
      return [ours('尚未启动，已落后序时')];
    case 'missing':
      return [ours('本期未报送')];
    case 'returned':
      return [ours('报送已退回，待补充')];
    case 'lagging':
      return [ours('指标「'), theirs(label(r.targetId)), ours('」落后序时')];
    case 'due_soon':
      // No working day left: today, or a weekend or holiday before the deadline (workdaysWord tells which).
      return [ours(r.workdays > 0 ? `临近完成时限（还剩 ${r.workdays} 个工作日）` : workdaysWord(s.deadline))];
    case 'unreported':
      return [ours('尚无进展')];
    case 'on_track':
      return [ours('按计划推进')];
  }
}

const VERDICT = { on_pace: '', lagging: '，落后序时', far_behind: '，严重落后序时' } as const;

/**
 * A target's pace as the engine measured it, in the words every channel uses, 「—」 where it has none:
 * 「完成64%，时间28%」 (a total), 「完成目标的86%，较年初118完成9%，时间28%，严重落后序时」 (a level from
 * the plan's baseline — 「较期初」 for a plan that does not start on 1 January, 「较基数」 from a first
 * report), 「完成目标的84%（较基数118，仅首次填报，暂不评序时）」 (a level with only its baseline),
 * 「完成目标的90%」 (a rate), 「未超上限」 (a cap); 「，序时应达28家」 after a paced one when `expected` says
 * so ('always'; 'behind': only beside a lag it tells something about; 'never', the default: the ledger
 * gives it a column); the owner's note (/pace) last. `periodStart` is the plan's (default: 1 January).
 */
export function pacePhrase(g: TargetState, o: { expected?: 'always' | 'behind' | 'never'; periodStart?: string } = {}): Phrase {
  const note: Phrase = g.paceNote !== null ? [ours('（说明：'), theirs(g.paceNote), ours('）')] : [];
  const verdict = ours(g.verdict === null ? '' : VERDICT[g.verdict]);
  const share = (x: number | null) => (x === null ? '—' : shareWord(x));
  const behind = g.verdict === 'lagging' || g.verdict === 'far_behind';
  // Beside a lag, 序时应达 only when the unit's rounding leaves it above what is there (1/5个: 「应达1个」 says nothing).
  const wanted = o.expected === 'always' || (o.expected === 'behind' && behind && g.latest !== null && g.expected !== null && g.expected > g.latest);
  const expected: Phrase = g.expected !== null && wanted ? [ours('，序时应达'), ...amountPhrase(g.expected, g.unit)] : [];
  const paced: Phrase = [ours(`完成${share(g.done)}，时间${share(g.time)}`), verdict, ...expected];
  switch (g.basis) {
    case 'none':
      return [ours('—'), ...note];
    case 'cap':
      return [ours(g.latest !== null && g.latest <= g.value ? '未超上限' : '已超上限'), ...note];
    case 'rate':
      return [ours(`完成目标的${share(g.done)}`), verdict, ...note];
    case 'baseline_only':
      return [ours(`完成目标的${share(g.ofTarget)}（较基数${figureWord(g.baseline ?? 0, g.unit)}，仅首次填报，暂不评序时）`), ...note];
    case 'from_baseline': {
      const from = g.baselineFrom !== 'plan' ? '较基数' : (o.periodStart ?? '-01-01').endsWith('-01-01') ? '较年初' : '较期初';
      return [ours(`完成目标的${share(g.ofTarget)}，${from}${figureWord(g.baseline ?? 0, g.unit)}`), ...paced, ...note];
    }
    case 'total':
      return [...paced, ...note];
  }
}
