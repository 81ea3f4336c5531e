/**
 * The digest's phrases, shared by the Feishu card and the CLI text, written once for any output
 * through a Writer: `w.t` is the tagged template of the output (the card's `md`, which escapes every
 * string it is given; plain text for the CLI), `w.esc` shortens a plan or user string before it
 * goes in, `w.fig` shows one of the bot's own figures as it is. A phrase therefore cannot put a
 * plan's words into card markdown unescaped. Pure.
 */
import type { AttentionReason, DigestChange, DigestTask, DueItem, TargetPace } from './model.js';
import { clip, DIGEST_STATUS_WORDS, LIGHT_EMOJI, monthDay, percent, shortValue } from './words.js';

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

const VERDICT_WORDS = { on_pace: '', lagging: '，落后序时', far_behind: '，严重落后序时' } as const;

/** 「有效期高企 118/140家 · 较基数100完成45%，时间28%」 */
export function targetPhrase<S>(t: TargetPace, w: Writer<S>): S {
  const unit = w.esc(t.unit, UNIT_MAX);
  const latest = t.latest === null ? w.t`—` : w.fig(shortValue(t.latest));
  const head = w.t`${w.esc(t.label, LABEL_MAX)} ${latest}/${t.comparator === 'at_most' ? '≤' : ''}${w.fig(shortValue(t.value))}${unit}`;
  const note = t.paceNote !== null ? w.t`（说明：${w.esc(t.paceNote, 40)}）` : w.t``;
  const verdict = t.verdict === null ? '' : VERDICT_WORDS[t.verdict];
  const time = w.fig(percent(t.timeShare));
  const reached = w.fig(percent(t.reached ?? 0));
  switch (t.basis) {
    case 'none':
      return w.t`${head}（未填报）${note}`;
    case 'cap':
      return w.t`${head} · ${t.latest !== null && t.latest <= t.value ? '未超上限' : '已超上限'}${note}`;
    case 'single_value':
      return w.t`${head}（达${reached}；仅一次填报，暂不评序时）${note}`;
    case 'from_baseline':
      return w.t`${head} · 较基数${w.fig(shortValue(t.baseline ?? 0))}完成${reached}，时间${time}${verdict}${note}`;
    case 'total': {
      const expected = t.expected !== null && t.verdict !== 'on_pace' ? w.t`，序时应达${w.fig(shortValue(t.expected))}${unit}` : w.t``;
      return w.t`${head} · 完成${reached}，时间${time}${verdict}${expected}${note}`;
    }
  }
}

/** 「按计划→有风险」「有效期高企 112→118」 */
export function changePhrase<S>(c: DigestChange, w: Writer<S>): S {
  switch (c.kind) {
    case 'status':
      return w.t`${DIGEST_STATUS_WORDS[c.from]}→${DIGEST_STATUS_WORDS[c.to]}`;
    case 'light':
      return w.t`${LIGHT_EMOJI[c.from]}→${LIGHT_EMOJI[c.to]}`;
    case 'value': {
      const from = c.from === null ? w.t`—` : w.fig(shortValue(c.from));
      const to = c.to === null ? w.t`—` : w.fig(shortValue(c.to));
      return w.t`${w.esc(c.label, LABEL_MAX)} ${from}→${to}`;
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

/** 「时限12月31日」「时限4月29日（还剩9个工作日）」「时限3月31日（已逾期11个工作日）」 */
export function deadlinePhrase<S>(task: Pick<DigestTask, 'deadline' | 'workdaysLeft' | 'status'>, w: Writer<S>, dueWithinWorkdays = 10): S {
  const when = w.t`时限${w.fig(monthDay(task.deadline))}`;
  if (task.status === 'done') return when;
  if (task.workdaysLeft < 0 || task.status === 'overdue') return w.t`${when}（已逾期${Math.max(0, -task.workdaysLeft)}个工作日）`;
  return task.workdaysLeft <= dueWithinWorkdays ? w.t`${when}（还剩${task.workdaysLeft}个工作日）` : when;
}

/** 「受阻：缺少场地」「已逾期11个工作日（时限3月31日）」「申请延期至6月30日（张三：…）」 */
export function reasonPhrase<S>(r: AttentionReason, w: Writer<S>, wordsMax: number): S {
  switch (r.kind) {
    case 'blocked':
      return wordsMax > 0 && r.blocker ? w.t`受阻：「${w.esc(r.blocker, wordsMax)}」` : w.t`受阻`;
    case 'overdue':
      return w.t`已逾期${r.workdaysLate}个工作日（时限${w.fig(monthDay(r.deadline))}）`;
    case 'extension': {
      const to = /^\d{4}-\d{2}-\d{2}$/.test(r.to) ? w.fig(monthDay(r.to)) : w.esc(r.to, 16);
      const why = wordsMax > 0 && r.reason ? w.t`：${w.esc(r.reason, wordsMax)}` : w.t``;
      return w.t`申请延期至${to}（${w.esc(r.by, 12)}${why}）`;
    }
    case 'behind':
      return w.t`指标落后：${targetPhrase(r.target, w)}`;
  }
}

/** 「任务7 指导科技统计 — 4月29日到期（还剩9个工作日）· 按计划」 */
export function duePhrase<S>(d: DueItem, w: Writer<S>, titleMax: number): S {
  const left = d.daysLeft === 0 ? w.t`今天到期` : w.t`${w.fig(monthDay(d.deadline))}到期（还剩${d.workdaysLeft}个工作日）`;
  return w.t`${LIGHT_EMOJI[d.light]} 任务${w.esc(d.code, 12)} ${w.esc(d.title, titleMax)} — ${left} · ${DIGEST_STATUS_WORDS[d.status]}`;
}
