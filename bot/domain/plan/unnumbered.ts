/**
 * Plans that number nothing, as news pages print them: paragraphs each led by the task's name and a colon
 * (「社区服务中心建设项目：优化……。」), or one sentence that names the tasks (「……项目为：甲、乙、丙。」) and
 * text that takes them up one by one (「其中，甲项目，……。乙项目，……」). Pure, linear in the text.
 */
import { LABEL_SOURCE } from './labels.js';
import { parseNumber } from './numerals.js';
import type { Block } from './outline.js';

/** A short name without sentence marks, a colon, and a sentence. */
const HEADED = /^([^\s：:。，；！？,;]{4,24})[：:]\s*(.{6,}[。！；])$/;
const LABEL = new RegExp(`^${LABEL_SOURCE}`);
/** Page furniture that also reads 「name：text」. */
const PAGE_WORDS = /(来源|发布|日期|时间|作者|索引|编辑|审核|责任编辑|字号|浏览|点击)/;
/** The sentence that names the tasks: 「……为：甲、乙、丙。」 */
const LIST = /(?:为|是|包括|有)[：:]([^。：:]{6,200})。/;
const MIN_TASKS = 3;

export function unnumberedTasks(lines: string[]): { before: string[]; roots: Block[] } | null {
  return headedParagraphs(lines) ?? namedInTurn(lines) ?? introducedList(lines) ?? countedList(lines);
}

/**
 * 「对甲、乙、丙、丁等4个民生实事项目进行了审议」: names closed by 「等N个（项、件）」, where N counts exactly the names
 * before it. The count is the proof that the names are the whole list, not a sentence's examples.
 */
const COUNTED = /((?:[^、，,。；;：:\s]{2,30}、){2,}[^、，,。；;：:\s]{2,30})等([0-9一二三四五六七八九十]{1,3})(?:个|项|件|大)/;
/** The words before the first name that belong to the sentence: 「与会代表对」. */
const LEAD_IN = /^[^对将把就、]{0,12}(?:对|将|把|就)/;

function countedList(lines: string[]): { before: string[]; roots: Block[] } | null {
  for (let i = 0; i < lines.length; i++) {
    const m = lines[i]!.match(COUNTED);
    if (!m) continue;
    const names = m[1]!.split('、').map((x) => x.trim());
    names[0] = names[0]!.replace(LEAD_IN, '');
    if (names.length !== parseNumber(m[2]!) || names.some((x) => x.length < 2)) continue;
    return { before: lines.slice(0, i + 1), roots: names.map((x, k) => task(k + 1, x)) };
  }
  return null;
}

/** 「……项目是：」「……分别是」 and what follows it up to the first full stop: the list a sentence introduces. */
const INTRO = /(?:分别是|分别为|依次是)[：:]?|(?:是|为|包括|如下)[：:]/;
/** A line the list runs on from: nothing yet after the colon, or an item closed by 「；」. */
const runsOn = (line: string) => !line.trim() || /[；;]\s*$/.test(line);

/**
 * A list a sentence introduces, its items closed by 「；」 (on lines of their own or run on), or a plain list of
 * names 「甲、乙、丙。」: each item is a task, its first phrase the name.
 */
function introducedList(lines: string[]): { before: string[]; roots: Block[] } | null {
  // Each list tried may read the lines after it: a few tries keep the work linear.
  let tries = 0;
  for (let i = 0; i < lines.length && tries < 3; i++) {
    const m = lines[i]!.match(INTRO);
    if (!m) continue;
    tries++;
    // The list: the rest of this line and, while items close with 「；」, the lines after it.
    const parts = [lines[i]!.slice(m.index! + m[0].length)];
    let j = i + 1;
    while (j < lines.length && runsOn(parts[parts.length - 1]!) && lines[j]!.trim()) parts.push(lines[j++]!.trim());
    const text = parts.join('').trim();
    const end = text.search(/。/);
    const list = end < 0 ? text : text.slice(0, end);
    let items = list.split(/[；;]/).map((x) => x.trim()).filter(Boolean);
    if (items.length < MIN_TASKS) items = list.split('、').map((x) => x.trim()).filter(Boolean);
    if (items.length < MIN_TASKS || items.some((x) => x.length < 4 || x.length > 400)) continue;
    return { before: lines.slice(0, i + 1), roots: items.map((x, k) => named(k + 1, x)) };
  }
  return null;
}

const task = (n: number, head: string, lines: string[] = []): Block => ({ level: 3, ordinal: String(n), value: n, head, lines, children: [] });

/** 「交通惠民工程，新建停车位200个以上」: a short first phrase names the item, the rest is its text. */
function named(n: number, item: string): Block {
  const m = item.match(/^([^，,：:]{2,20})[，,：:](.+)$/);
  return m ? task(n, m[1]!.trim(), [m[2]!.trim()]) : task(n, item);
}

/** The longest run of 「name：sentence」 paragraphs, three or more; text after the run stays with the last. */
function headedParagraphs(lines: string[]): { before: string[]; roots: Block[] } | null {
  let best = { from: -1, to: -1, n: 0 };
  let run = { from: -1, n: 0 };
  lines.forEach((raw, i) => {
    const l = raw.trim();
    if (!l) return;
    const m = l.match(HEADED);
    if (m && !LABEL.test(l) && !PAGE_WORDS.test(m[1]!)) {
      run = run.n ? { from: run.from, n: run.n + 1 } : { from: i, n: 1 };
      if (run.n > best.n) best = { from: run.from, to: i, n: run.n };
    } else {
      run = { from: -1, n: 0 };
    }
  });
  if (best.n < MIN_TASKS) return null;
  const roots: Block[] = [];
  for (let i = best.from; i <= best.to; i++) if (lines[i]!.trim()) roots.push(task(roots.length + 1, lines[i]!.trim()));
  roots[roots.length - 1]!.lines.push(...lines.slice(best.to + 1).map((l) => l.trim()).filter(Boolean));
  return { before: lines.slice(0, best.from), roots };
}

/** A list of names 「甲、乙、丙」 and, after it, text that names each in that order: each task runs to the next. */
function namedInTurn(lines: string[]): { before: string[]; roots: Block[] } | null {
  // Each list tried reads the rest of the text once: a few lists at most keep the work linear.
  let tries = 0;
  for (let i = 0; i < lines.length && tries < 3; i++) {
    const m = lines[i]!.match(LIST);
    const names = m?.[1]!.split('、').map((s) => s.trim()) ?? [];
    if (names.length < MIN_TASKS || names.some((n) => n.length < 2 || n.length > 16 || /[，,；]/.test(n))) continue;
    tries++;
    const rest = [lines[i]!.slice(m!.index! + m![0].length), ...lines.slice(i + 1)].join('\n');
    const at: number[] = [];
    let from = 0;
    for (const name of names) {
      const k = rest.indexOf(name, from);
      if (k < 0) break;
      at.push(k);
      from = k + name.length;
    }
    if (at.length !== names.length) continue;
    const roots = names.map((name, k) => {
      const text = rest.slice(at[k]! + name.length, at[k + 1] ?? rest.length).replace(/^(?:项目)?[，,：:\s]*/, '').trim();
      return task(k + 1, name, text ? [text] : []);
    });
    return { before: lines.slice(0, i + 1), roots };
  }
  return null;
}
