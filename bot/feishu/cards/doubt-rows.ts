/**
 * The confirmation card's rows for what the reader could not settle, one click per correction:
 * 「4个 记在：市级（当前）| 国家级 | 不是进展数字」, 「预计完成：9月30日（当前）| 12月31日 | 不填」.
 * Each button calls back 'report-doubt' with the report, the doubt's place and the option's place;
 * the options stay in their order, and 「（当前）」 marks what the report holds now. Pure.
 */
import { formatValue } from '../../domain/plan/describe.js';
import { cut, figure, md } from '../safe-text.js';
import { button, buttonRow, markdown, type Element } from './card.js';

/** A doubt as the card shows it: value options are target labels; null is 「neither」. */
export type DoubtView =
  | { kind: 'value'; value: number; unit: string; words: string; options: (string | null)[]; current: number }
  | { kind: 'date'; words: string; options: (string | null)[]; current: number };

export const NOT_A_FIGURE = '不是进展数字';
export const NO_DATE = '不填';

/** 「9月30日」 in `year`, 「2023年3月31日」 in another. */
export function dayWord(date: string, year: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y === year ? '' : `${y}年`}${m}月${d}日`;
}

/** What option `i` of a doubt says: a target's label, a day, or 「neither」. */
export function optionWord(d: DoubtView, i: number, year: number): string {
  const o = d.options[i] ?? null;
  if (d.kind === 'value') return o === null ? NOT_A_FIGURE : cut(o, 20);
  return o === null ? NO_DATE : dayWord(o, year);
}

/** 「4个」 */
export const amountWord = (d: Extract<DoubtView, { kind: 'value' }>): string => `${formatValue(d.value)}${cut(d.unit, 10)}`;

/** What one click recorded, for the toast: 「4个 记在：国家级」「预计完成：不填」. */
export function choiceWords(d: DoubtView, i: number, year: number): string {
  return d.kind === 'value' ? `${amountWord(d)} 记在：${optionWord(d, i, year)}` : `预计完成：${optionWord(d, i, year)}`;
}

export function doubtRows(reportId: number, doubts: readonly DoubtView[], year: number): Element[] {
  if (!doubts.length) return [];
  const rows: Element[] = [markdown(md`以下几处没能确定，请点选（原话已保留）：`)];
  doubts.forEach((d, i) => {
    const lead = d.kind === 'value' ? md`**${figure(formatValue(d.value))}${cut(d.unit, 10)}** 记在：` : md`**预计完成：**`;
    rows.push(markdown(md`${lead}（原话「${cut(d.words, 40)}」）`));
    rows.push(
      buttonRow(
        d.options.map((_, j) =>
          button(`${optionWord(d, j, year)}${j === d.current ? '（当前）' : ''}`, { action: 'report-doubt', reportId, doubt: i, choice: j }, j === d.current ? 'primary' : 'default'),
        ),
      ),
    );
  });
  return rows;
}
