/**
 * Text as copied from web pages and PDFs, made to read as the original: ASCII punctuation back to
 * full width, and lines a PDF broke inside a task joined again. Pure, linear in the text.
 */
import { LABEL_SOURCE } from './labels.js';
import { isTitleLine, NOTICE_TITLE_END } from './notice.js';
import { markerOf } from './outline.js';

const FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '(': '（', ')': '）' };

/** 「推进项目建设,全年完成投资5亿元(牵头单位:区发改委)」 → full-width marks; 1,000 and 10:00 stay. */
export function fullWidthMarks(text: string): string {
  return text.replace(/[,:;()]/g, (c, at: number) => {
    const before = text[at - 1] ?? '';
    const after = text[at + 1] ?? '';
    if ((c === ',' || c === ':') && /[0-9]/.test(before) && /[0-9]/.test(after)) return c;
    if (c === ':' && after === '/') return c;
    return FULL[c]!;
  });
}

const CN = '[一二三四五六七八九十]{1,3}';
/** A space before 「一、」「（一）」, or before 「1.」 after words or a sentence's end: a line break the page lost. */
const LOST_BREAK = new RegExp(`(?<!\\s)\\s+(?=${CN}、|[（(]${CN}[）)])|(?<=[\\u4e00-\\u9fff。；！？）])\\s+(?=[0-9０-９]{1,3}[.．、](?![0-9０-９]))`, 'g');

/**
 * Text copied from a web page that lost its line breaks (a whole plan on one line): each item starts a
 * line again where a space stands before its number (「…作为头等大事 （一）扛稳粮食安全责任。… 1.构建…」).
 */
export function splitRunOnItems(lines: string[]): string[] {
  return lines.flatMap((l) => (l.length > 200 ? l.split(LOST_BREAK) : [l]));
}

/** Marks that end a line on purpose; a line ending otherwise may have been wrapped. */
const CLOSED = /[。；;！!？?：:）)」』”》】］]$/;
/** Marks after which the sentence surely goes on. */
const OPEN = /[，,、（(“《【]$/;
const LABEL_START = new RegExp(`^[（(［\\[【〔]?${LABEL_SOURCE}`);

/**
 * Joins each line that starts no item (no outline marker, no label such as 「责任单位：」) to the line
 * before it when that one was broken mid-sentence: it ends in 「，」「、」, or it is as long as the
 * page's line width (the length most of the document's unfinished lines share) and ends in no mark.
 */
export function joinWrappedLines(lines: string[]): string[] {
  const width = wrapWidth(lines);
  const out: string[] = [];
  // The length of the last line as it was (before joining): that one was or was not as wide as the page.
  let lastLength = 0;
  for (const raw of lines) {
    const line = raw.trim();
    const prev = out[out.length - 1];
    // A notice's title or a plan's title never runs on.
    const wrapped = !!prev && !CLOSED.test(prev) && !NOTICE_TITLE_END.test(prev) && !isTitleLine(prev) && (OPEN.test(prev) || (width > 0 && lastLength >= width));
    if (line && wrapped && !markerOf(line) && !LABEL_START.test(line)) out[out.length - 1] = prev + line;
    else out.push(line);
    lastLength = line.length;
  }
  return out;
}

/**
 * The page's line width when the text was wrapped (a PDF): at least four lines of 20 or more characters
 * that end in no mark and run into a line that starts no item, and half of all such lines, are within
 * one character of the same length. Else 0.
 */
function wrapWidth(lines: string[]): number {
  const counts = new Map<number, number>();
  let total = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const t = lines[i]!.trim();
    const next = lines[i + 1]!.trim();
    if (t.length < 20 || CLOSED.test(t) || !next || markerOf(next) || LABEL_START.test(next)) continue;
    counts.set(t.length, (counts.get(t.length) ?? 0) + 1);
    total++;
  }
  let best = 0;
  let n = 0;
  for (const len of counts.keys()) {
    const c = (counts.get(len - 1) ?? 0) + counts.get(len)! + (counts.get(len + 1) ?? 0);
    if (c > n) [best, n] = [len, c];
  }
  return n >= 4 && n * 2 >= total ? best - 2 : 0;
}
