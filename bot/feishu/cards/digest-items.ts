/**
 * Markdown items of the digest card, each renderable at several levels of compactness
 * (see digest-pages.ts). Written with the `md` tag (through mdWriter for the shared phrases), so
 * report words such as `<at id=all></at>` or `[x](https://…)` show literally and never mention or link. Pure.
 */
import type { AttentionItem, DigestTask, DueItem, MissingReporter } from '../../domain/digest/model.js';
import { changePhrase, deadlinePhrase, duePhrase, laterPhrase, milestonePhrase, ownersPhrase, reasonPhrase, targetPhrase, type Dated, type Writer } from '../../domain/digest/phrases.js';
import { clip, DIGEST_STATUS_WORDS } from '../../domain/digest/words.js';
import { laterWord } from '../../domain/task-state/phrases.js';
import { dateWord, LIGHT_EMOJI } from '../../domain/task-state/words.js';
import { figure, joinMd, md, type Md } from '../safe-text.js';
import { markdown } from './card.js';
import type { Squeezable } from './digest-pages.js';

/** The shared phrases as card markdown: plan and user words folded, clipped and escaped by `md`. */
export const mdWriter: Writer<Md> = { esc: (text, max) => md`${clip(text, Math.max(1, max))}`, fig: figure, t: md, join: joinMd };
const w = mdWriter;

const INDENT = '　';

/** Per compactness level: title, owners, targets, words and changes shown. */
const LEVELS = [
  { title: 40, owners: 5, targets: Infinity, words: 60, changes: Infinity, reasons: Infinity, names: Infinity },
  { title: 30, owners: 3, targets: 8, words: 30, changes: 4, reasons: 6, names: 40 },
  { title: 20, owners: 2, targets: 3, words: 0, changes: 2, reasons: 3, names: 20 },
  { title: 12, owners: 1, targets: 0, words: 0, changes: 0, reasons: 1, names: 0 },
] as const;

const level = (squeeze: number) => LEVELS[Math.min(squeeze, LEVELS.length - 1)] ?? LEVELS[0];

/** The first `max` entries, and 「另有N项…」 for the rest (never a silent cut). */
function some<T>(list: readonly T[], max: number, render: (x: T) => Md, rest: (n: number) => Md): Md[] {
  const shown = list.slice(0, max).map(render);
  return list.length > max ? [...shown, rest(list.length - max)] : shown;
}

export function taskItem(t: DigestTask, d: Dated): Squeezable {
  return (squeeze) => {
    const l = level(squeeze);
    const s = t.state;
    const lines = [
      md`${LIGHT_EMOJI[s.light]} **任务${w.esc(t.shownCode, 16)} ${w.esc(t.title, l.title)}**｜${DIGEST_STATUS_WORDS[t.status]}｜${ownersPhrase(t, w, l.owners)}｜${deadlinePhrase(t, w, d)}${t.evidence > 0 ? md`｜📎 ${t.evidence}` : md``}`,
      ...some(s.targets, l.targets, (x) => md`${INDENT}· ${targetPhrase(x, w, d, t.trends[String(x.targetId)])}`, (n) => md`${INDENT}· 另有${n}项指标未列出`),
    ];
    if (s.nextMilestone) lines.push(md`${INDENT}${milestonePhrase(s.nextMilestone, w, d)}`);
    const later = laterPhrase(t, w, d);
    if (later !== null) lines.push(md`${INDENT}${later}`);
    if (s.percent !== null) lines.push(md`${INDENT}· 自报进度 ${s.percent}%`);
    if (t.latest && l.words > 0) lines.push(md`${INDENT}最新进展（${figure(dateWord(t.latest.date, d.today))}）：「${w.esc(t.latest.text, l.words)}」`);
    const i = t.instruction;
    if (i) lines.push(l.words > 0 ? md`${INDENT}最新批示（${w.esc(i.by, 12)}，${figure(dateWord(i.date, d.today))}）：「${w.esc(i.text, l.words)}」` : md`${INDENT}已有批示（${w.esc(i.by, 12)}）`);
    if (t.changes.length > 0) {
      const shown = some(t.changes, l.changes, (c) => changePhrase(c, w), (n) => md`等${n}项变化`);
      lines.push(md`${INDENT}本周变化：${joinMd(shown, '；')}`);
    }
    return markdown(joinMd(lines, '\n'));
  };
}

export function attentionItem(a: AttentionItem, d: Dated): Squeezable {
  return (squeeze) => {
    const l = level(squeeze);
    const words = [100, 40, 0, 0][Math.min(squeeze, 3)] ?? 0;
    const head = md`${LIGHT_EMOJI[a.light]} **任务${w.esc(a.shownCode, 16)} ${w.esc(a.title, l.title)}**｜${DIGEST_STATUS_WORDS[a.status]}｜${ownersPhrase(a, w, l.owners)}`;
    const reasons = some(a.reasons, l.reasons, (r) => md`${INDENT}${reasonPhrase(r, w, words, d)}`, (n) => md`${INDENT}另有${n}项事由`);
    return markdown(joinMd([head, ...reasons], '\n'));
  };
}

export function dueItem(x: DueItem, d: Dated): Squeezable {
  return (squeeze) => markdown(duePhrase(x, w, level(squeeze).title, d));
}

export function missingItem(p: MissingReporter, d: Dated): Squeezable {
  return (squeeze) => {
    const l = level(squeeze);
    const later = (t: MissingReporter['tasks'][number]) => (t.later ? md`（${laterWord({ date: t.later.date, ask: null }, d.today)}）` : md``);
    const tasks =
      l.names > 0
        ? some(p.tasks, l.names, (t) => md`任务${w.esc(t.shownCode, 16)} ${w.esc(t.title, 16)}${later(t)}`, (n) => md`等${n}项`)
        : some(p.tasks, 100, (t) => md`任务${w.esc(t.shownCode, 16)}`, (n) => md`等${n}项`);
    return markdown(md`${w.esc(p.name, 12)}：${joinMd(tasks, '、')}`);
  };
}
