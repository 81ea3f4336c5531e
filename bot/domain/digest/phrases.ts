/**
 * The digest's phrases, shared by the Feishu card and the CLI text. Every plan or user string
 * goes through `esc` (escapeMd for card markdown, control-character stripping for text),
 * and through `cut` first when a caller needs it shorter. Pure.
 */
import type { AttentionReason, DigestChange, DigestTask, DueItem, TargetPace } from './model.js';
import { clip, DIGEST_STATUS_WORDS, LIGHT_EMOJI, monthDay, percent, shortValue } from './words.js';

export type Esc = (text: string, max: number) => string;

/** Plain text: fold whitespace, drop control characters (no terminal escapes from report words), clip. */
export const plainEsc: Esc = (text, max) => clip(text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' '), max);

const LABEL_MAX = 20;
const UNIT_MAX = 6;

const VERDICT_WORDS = { on_pace: '', lagging: '，落后序时', far_behind: '，严重落后序时' } as const;

/** 「有效期高企 118/140家 · 较基数100完成45%，时间28%」 */
export function targetPhrase(t: TargetPace, esc: Esc): string {
  const unit = esc(t.unit, UNIT_MAX);
  const head = `${esc(t.label, LABEL_MAX)} ${t.latest === null ? '—' : shortValue(t.latest)}/${t.comparator === 'at_most' ? '≤' : ''}${shortValue(t.value)}${unit}`;
  const note = t.paceNote !== null ? `（说明：${esc(t.paceNote, 40)}）` : '';
  const verdict = t.verdict === null ? '' : VERDICT_WORDS[t.verdict];
  const time = percent(t.timeShare);
  switch (t.basis) {
    case 'none':
      return `${head}（未填报）${note}`;
    case 'cap':
      return `${head} · ${t.latest !== null && t.latest <= t.value ? '未超上限' : '已超上限'}${note}`;
    case 'single_value':
      return `${head}（达${percent(t.reached ?? 0)}；仅一次填报，暂不评序时）${note}`;
    case 'from_baseline':
      return `${head} · 较基数${shortValue(t.baseline ?? 0)}完成${percent(t.reached ?? 0)}，时间${time}${verdict}${note}`;
    case 'total': {
      const expected = t.expected !== null && t.verdict !== 'on_pace' ? `，序时应达${shortValue(t.expected)}${unit}` : '';
      return `${head} · 完成${percent(t.reached ?? 0)}，时间${time}${verdict}${expected}${note}`;
    }
  }
}

/** 「按计划→有风险」「有效期高企 112→118」 */
export function changePhrase(c: DigestChange, esc: Esc): string {
  switch (c.kind) {
    case 'status':
      return `${DIGEST_STATUS_WORDS[c.from]}→${DIGEST_STATUS_WORDS[c.to]}`;
    case 'light':
      return `${LIGHT_EMOJI[c.from]}→${LIGHT_EMOJI[c.to]}`;
    case 'value':
      return `${esc(c.label, LABEL_MAX)} ${c.from === null ? '—' : shortValue(c.from)}→${c.to === null ? '—' : shortValue(c.to)}`;
  }
}

/** 「张三、李四（休假）等5人」, or the lead units when there is no owner. */
export function ownersPhrase(task: Pick<DigestTask, 'owners' | 'leadUnits'>, esc: Esc, max: number): string {
  const names = task.owners.map((o) => `${esc(o.name, 12)}${o.onLeave ? '（休假）' : ''}`);
  const list = names.length > 0 ? names : task.leadUnits.map((u) => esc(u, 16));
  if (list.length === 0) return '未指定责任人';
  return list.length <= max ? list.join('、') : `${list.slice(0, max).join('、')}等${list.length}${names.length > 0 ? '人' : '个单位'}`;
}

/** 「时限12月31日」「时限4月29日（还剩9个工作日）」「时限3月31日（已逾期11个工作日）」 */
export function deadlinePhrase(task: Pick<DigestTask, 'deadline' | 'workdaysLeft' | 'status'>, dueWithinWorkdays = 10): string {
  const when = `时限${monthDay(task.deadline)}`;
  if (task.status === 'done') return when;
  if (task.workdaysLeft < 0 || task.status === 'overdue') return `${when}（已逾期${Math.max(0, -task.workdaysLeft)}个工作日）`;
  return task.workdaysLeft <= dueWithinWorkdays ? `${when}（还剩${task.workdaysLeft}个工作日）` : when;
}

/** 「受阻：缺少场地」「已逾期11个工作日（时限3月31日）」「申请延期至6月30日（张三：…）」 */
export function reasonPhrase(r: AttentionReason, esc: Esc, wordsMax: number): string {
  switch (r.kind) {
    case 'blocked':
      return wordsMax > 0 && r.blocker ? `受阻：「${esc(r.blocker, wordsMax)}」` : '受阻';
    case 'overdue':
      return `已逾期${r.workdaysLate}个工作日（时限${monthDay(r.deadline)}）`;
    case 'extension': {
      const to = /^\d{4}-\d{2}-\d{2}$/.test(r.to) ? monthDay(r.to) : esc(r.to, 16);
      const why = wordsMax > 0 && r.reason ? `：${esc(r.reason, wordsMax)}` : '';
      return `申请延期至${to}（${esc(r.by, 12)}${why}）`;
    }
    case 'behind':
      return `指标落后：${targetPhrase(r.target, esc)}`;
  }
}

/** 「任务7 指导科技统计 — 4月29日到期（还剩9个工作日）· 按计划」 */
export function duePhrase(d: DueItem, esc: Esc, titleMax: number): string {
  const left = d.daysLeft === 0 ? '今天到期' : `${monthDay(d.deadline)}到期（还剩${d.workdaysLeft}个工作日）`;
  return `${LIGHT_EMOJI[d.light]} 任务${esc(d.code, 12)} ${esc(d.title, titleMax)} — ${left} · ${DIGEST_STATUS_WORDS[d.status]}`;
}
