/**
 * The digest's phrases, shared by the Feishu card and the CLI text, written once for any output
 * through a Writer: `w.t` is the tagged template of the output (the card's `md`, which escapes every
 * string it is given; plain text for the CLI), `w.esc` shortens a plan or user string before it
 * goes in, `w.fig` shows one of the bot's own figures as it is. A phrase therefore cannot put a
 * plan's words into card markdown unescaped. Each phrase renders the engine's state: values in the
 * unit's precision, shares as the engine gives them, dates with their year when it is not the
 * digest's. Pure.
 */
import { figureWord, shareWord } from '../task-state/amounts.js';
import { laterWord, pacePhrase, workdaysWord, type Phrase } from '../task-state/phrases.js';
import type { TargetState } from '../task-state/types.js';
import { dateWord, LIGHT_EMOJI } from '../task-state/words.js';
import type { AttentionReason, DigestChange, DigestModel, DigestTask, DueItem, ReportingSummary } from './model.js';
import { ALWAYS_COUNTED, clip, DIGEST_STATUS_WORDS, LIGHT_ORDER, STATUS_ORDER } from './words.js';

/** How phrases reach one kind of output (S: the card's Md, or string for plain text). */
export interface Writer<S> {
  /** A plan or user string, whitespace folded and clipped to `max` characters, made safe for the output. */
  esc(text: string, max: number): S;
  /** One of the bot's own figures (「45%」「33.73」「4月11日」), shown as it is. */
  fig(text: string): S;
  /** The bot's words around the pieces: strings are escaped, S pieces kept, numbers as they are. */
  t(strings: TemplateStringsArray, ...values: (S | string | number)[]): S;
  join(parts: readonly S[], sep: '、' | '；' | '，' | '\n'): S;
}

/** What phrases need of the digest: its date (for years) and the plan's period (for 「较年初」). */
export type Dated = Pick<DigestModel['header'], 'today' | 'plan'>;

const stripControls = (text: string) => text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');

/** Plain text (the CLI preview): whitespace folded, control characters dropped (no terminal escapes from report words), clipped. */
export const plainWriter: Writer<string> = {
  esc: (text, max) => clip(stripControls(text), max),
  fig: (text) => text,
  t: (strings, ...values) => strings.reduce((out, s, i) => out + s + (i < values.length ? stripControls(String(values[i])) : ''), ''),
  join: (parts, sep) => parts.join(sep),
};

const LABEL_MAX = 20;
const UNIT_MAX = 6;
/** Working days left under which a task's line says how many. */
export const SAY_DAYS_LEFT = 10;


/** 「共23项 🔴4 🟡8 ⚪2 🟢9｜按计划 8 · 有风险 5 · …｜时间进度28%」 */
export function summaryLine<S>(m: DigestModel, w: Writer<S>): S {
  const lights = LIGHT_ORDER.filter((l) => m.lights[l] > 0).map((l) => ` ${LIGHT_EMOJI[l]}${m.lights[l]}`).join('');
  const statuses = STATUS_ORDER.filter((s) => ALWAYS_COUNTED.has(s) || m.counts[s] > 0).map((s) => `${DIGEST_STATUS_WORDS[s]} ${m.counts[s]}`).join(' · ');
  return w.t`共${m.total}项${lights}｜${statuses}｜时间进度${w.fig(shareWord(m.header.timeShare))}`;
}

/** A state phrase (the ledger's and the cards' words, bot/domain/task-state/phrases.ts) through this output's writer. */
export function phraseOut<S>(p: Phrase, w: Writer<S>, max: number): S {
  return p.reduce<S>((acc, x) => w.t`${acc}${'ours' in x ? w.fig(x.ours) : w.esc(x.theirs, max)}`, w.t``);
}

/**
 * 「有效期高企 120/140家 · 较基数118家，完成 9% / 时间 28%」 — the engine's TargetState in the same words the
 * ledger and the cards use (pacePhrase); 序时应达 is said only beside a lag it would tell something about.
 */
export function targetPhrase<S>(g: TargetState, w: Writer<S>, d: Dated, trend?: string): S {
  const unit = w.esc(g.unit, UNIT_MAX);
  const num = (v: number) => w.fig(figureWord(v, g.unit));
  const head = w.t`${w.esc(g.label, LABEL_MAX)} ${g.latest === null ? w.t`—` : num(g.latest)}/${g.comparator === 'at_most' ? '≤' : ''}${num(g.value)}${unit}`;
  if (g.basis === 'none') return w.t`${head}（未填报）${g.paceNote !== null ? w.t`（说明：${w.esc(g.paceNote, 40)}）` : w.t``}`;
  return w.t`${head} · ${phraseOut(pacePhrase(g, { expected: 'behind', periodStart: d.plan.periodStart }), w, 40)}${trend ? w.t` · 近${[...trend].length}周 ${trend}` : w.t``}`;
}

/** 「按计划→有风险」「🟢→🔴」「有效期高企 112→118」 */
export function changePhrase<S>(c: DigestChange, w: Writer<S>): S {
  switch (c.kind) {
    case 'status':
      return w.t`${DIGEST_STATUS_WORDS[c.from]}→${DIGEST_STATUS_WORDS[c.to]}`;
    case 'light':
      return w.t`${LIGHT_EMOJI[c.from]}→${LIGHT_EMOJI[c.to]}`;
    case 'value': {
      const v = (x: number | null) => (x === null ? w.t`—` : w.fig(figureWord(x, c.unit)));
      return w.t`${w.esc(c.label, LABEL_MAX)} ${v(c.from)}→${v(c.to)}`;
    }
  }
}

/** 「张三、李四（休假）等5人」, or the lead units when there is no owner. */
export function ownersPhrase<S>(task: Pick<DigestTask, 'owners' | 'leadUnits'>, w: Writer<S>, max: number): S {
  const names = task.owners.map((o) => w.t`${w.esc(o.name, 12)}${o.onLeave ? '（休假）' : ''}`);
  const list = names.length > 0 ? names : task.leadUnits.map((u) => w.esc(u, 16));
  if (list.length === 0) return w.t`未指定责任人`;
  return list.length <= max ? w.join(list, '、') : w.t`${w.join(list.slice(0, max), '、')}等${list.length}${names.length > 0 ? '人' : '个单位'}`;
}

/** 「本期报送：张敏已延后至 4月12日（明天再报）」, from the engine's reporting.later; null when nobody asked to report later. */
export function laterPhrase<S>(t: Pick<DigestTask, 'state' | 'owners'>, w: Writer<S>, d: Dated): S | null {
  const later = t.state.reporting.later;
  if (later.length === 0) return null;
  const who = (personId: number) => t.owners.find((o) => o.personId === personId)?.name ?? '';
  return w.t`本期报送：${w.join(later.map((l) => w.t`${w.esc(who(l.personId), 12)}${laterWord(l, d.today)}`), '；')}`;
}

/** 「下一节点：6月30日 6月底前完成评估（还剩12个工作日）」, from the engine's next open milestone. */
export function milestonePhrase<S>(m: NonNullable<DigestTask['state']['nextMilestone']>, w: Writer<S>, d: Dated): S {
  return w.t`下一节点：${w.fig(dateWord(m.due, d.today))} ${w.esc(m.text, 40)}（${workdaysWord(m, true)}）`;
}

/** 「时限12月31日」「时限2023年3月31日（原定12月31日）」「时限3月31日（已逾期11个工作日）」「时限4月29日（还剩9个工作日）」「时限4月15日（今天到期）」 */
export function deadlinePhrase<S>(t: Pick<DigestTask, 'state'>, w: Writer<S>, d: Dated): S {
  const { deadline, lifecycle } = t.state;
  const notes: S[] = [];
  if (deadline.planned !== null) notes.push(w.t`原定${w.fig(dateWord(deadline.planned, d.today))}`);
  // An active task says how late it is (workdaysLeft is never above 0 then), or how near, within SAY_DAYS_LEFT working days.
  if (lifecycle === 'active' && deadline.workdaysLeft <= SAY_DAYS_LEFT) notes.push(w.t`${workdaysWord(deadline, true)}`);
  const when = w.t`时限${w.fig(dateWord(deadline.date, d.today))}`;
  return notes.length > 0 ? w.t`${when}（${w.join(notes, '，')}）` : when;
}

const dateOrWords = <S>(text: string, w: Writer<S>, d: Dated): S => (/^\d{4}-\d{2}-\d{2}$/.test(text) ? w.fig(dateWord(text, d.today)) : w.esc(text, 16));

/** 「受阻：「缺少场地」」「已逾期11个工作日（时限3月31日）」「申请延期至2023年3月31日（张三：…）」 */
export function reasonPhrase<S>(r: AttentionReason, w: Writer<S>, wordsMax: number, d: Dated): S {
  const said = (word: string, words: string | null) => (wordsMax > 0 && words ? w.t`${word}：「${w.esc(words, wordsMax)}」` : w.t`${word}`);
  switch (r.kind) {
    case 'overdue':
      return w.t`已逾期${r.workdays}个工作日（时限${w.fig(dateWord(r.deadline, d.today))}）`;
    case 'blocked':
      return said('受阻', r.words);
    case 'at_risk':
      return said('有风险', r.words);
    case 'not_started':
      return w.t`尚未启动，已落后序时`;
    case 'far_behind':
    case 'lagging':
      return w.t`指标落后：${targetPhrase(r.target, w, d)}`;
    case 'missing':
      return w.t`本期未报送`;
    case 'returned':
      return w.t`报送已退回，待补充`;
    case 'due_soon': {
      const left = workdaysWord({ workdaysLeft: r.workdays, daysLeft: r.daysLeft }, true);
      return w.t`${r.workdays > 0 ? `即将到期：${left}` : left}（时限${w.fig(dateWord(r.deadline, d.today))}）`;
    }
    case 'extension': {
      const why = wordsMax > 0 && r.reason ? w.t`：${w.esc(r.reason, wordsMax)}` : w.t``;
      return w.t`申请延期至${dateOrWords(r.to, w, d)}（${w.esc(r.by, 12)}${why}）`;
    }
  }
}

/** 「🟡 任务7 指导科技统计 — 4月29日到期（还剩9个工作日） · 按计划」 */
export function duePhrase<S>(x: DueItem, w: Writer<S>, titleMax: number, d: Dated): S {
  const day = w.t`${w.fig(dateWord(x.deadline, d.today))}到期`;
  const left = x.deadline === d.today ? w.t`今天到期` : x.workdaysLeft > 0 ? w.t`${day}（还剩${x.workdaysLeft}个工作日）` : day;
  return w.t`${LIGHT_EMOJI[x.light]} 任务${w.esc(x.shownCode, 16)} ${w.esc(x.title, titleMax)} — ${left} · ${DIGEST_STATUS_WORDS[x.status]}`;
}

/**
 * The 未报送 block when nobody is missing: 「本期已全部报送」 only when someone was asked and everyone
 * asked reported; 「本期尚未催报」 when nobody was asked.
 */
export function noneMissingWords(r: ReportingSummary): string {
  if (r.asked === 0) return '本期尚未催报';
  if (r.onLeave > 0) return `本期无未报送（${r.onLeave}项的责任人均在休假）`;
  return '本期已全部报送';
}
