/**
 * What a government web page says about the document it shows, in its metadata block
 * (「发布机构：区科技局」「发文日期：2023-07-12」「| 标题：某镇2023年工作计划 | |」), and the date a page
 * leaves under a notice when it drops the 年月日 characters (「202218」 for 2022年1月8日). Pure.
 */
import { daysInMonth, parseFullDate } from './dates.js';

/** A field's label, its colon, and any table pipes or spaces before the value. */
const field = (labels: string) => new RegExp(`(?:${labels})\\s*[：:][\\s|｜]*([^\\s：:，,。；;|｜]{2,30})`);

/** Who published the document, the organ that issued it first: 发文机关 over the page's 信息来源. */
const PUBLISHERS = [field('发文机关|发文单位|制发机关'), field('发布机构|发布单位|公开单位'), field('信息来源|来源')];
/** The date the document was signed (成文日期), as the page gives it; never its publication date. */
const SIGNED = field('成文日期|发文日期|发文时间|印发日期|签发日期');
/** The date the page was published. */
const PUBLISHED = field('发布日期|发布时间|公开日期|公开时间');

/** The metadata's publishers, the issuing organ first. */
export function pagePublishers(lines: string[]): string[] {
  const out: string[] = [];
  for (const re of PUBLISHERS) {
    for (const l of lines) {
      const m = l.match(re);
      if (m) out.push(m[1]!);
    }
  }
  return out;
}

const dateOf = (re: RegExp, lines: string[]): string | null => {
  for (const l of lines) {
    const v = l.match(re)?.[1];
    const d = v ? parseFullDate(v) : null;
    if (d) return d;
  }
  return null;
};

/** The 成文日期 or 发文日期 the page states. */
export const pageSignedOn = (lines: string[]): string | null => dateOf(SIGNED, lines);
/** The date the page was published. */
export const pagePublishedOn = (lines: string[]): string | null => dateOf(PUBLISHED, lines);

/** A line that is a page's metadata cell, cleaned: 「| 标题：某镇2023年工作计划 | |」 → 「某镇2023年工作计划」. */
export function cleanPageLine(line: string): string {
  // Trimmed by hand: /[|\s]+$/ tries every place in a long inner run of spaces to the run's end.
  const cell = (c: string) => /[|｜\s]/.test(c);
  let [a, b] = [0, line.length];
  // Stryker disable next-line ConditionalExpression,EqualityOperator: at a = b = the line's length, line[a] is undefined, no pipe or space
  while (a < b && cell(line[a]!)) a++;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: b passes a only on a line of pipes and spaces, whose slice is '' either way
  while (b > a && cell(line[b - 1]!)) b--;
  return line
    .slice(a, b)
    .replace(/^(?:标题|名称|文件名称|文件标题)\s*[：:]\s*/, '')
    .replace(/^【[^【】]{1,12}】/, '');
}

const pad = (n: number) => String(n).padStart(2, '0');
// Stryker disable next-line ConditionalExpression,LogicalOperator: strippedDate's month and day have no leading 0 (so are at least 1), and a month past 12 has no days (undefined), which no day is at most
const valid = (y: number, m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);

/**
 * A signed date whose 年月日 the page dropped: 「2022110」 is 2022-1-10 or 2022-11-0 (not a day), so
 * 2022-01-10. When the digits split two ways, the page's publication date decides: a document is
 * signed on or shortly before the day it is published, so the latest reading not after it. Without
 * a publication date an ambiguous date is null.
 */
export function strippedDate(line: string, publishedOn: string | null): string | null {
  const m = line.replace(/[\s（）()]/g, '').match(/^((?:19|20)[0-9]{2})([0-9]{2,4})日?$/);
  if (!m) return null;
  const y = Number(m[1]);
  const rest = m[2]!;
  const found: string[] = [];
  // Stryker disable next-line EqualityOperator: a cut at the end leaves no day, which is 0, no valid day
  for (let cut = 1; cut < rest.length; cut++) {
    const [mo, d] = [rest.slice(0, cut), rest.slice(cut)];
    // A month or day of three digits (100 or more, no leading 0) is no valid date either.
    if (mo.startsWith('0') || d.startsWith('0')) continue;
    if (valid(y, Number(mo), Number(d))) found.push(`${y}-${pad(Number(mo))}-${pad(Number(d))}`);
  }
  if (!publishedOn) return found.length === 1 ? found[0]! : null;
  return found.filter((d) => d <= publishedOn).pop() ?? null;
}
