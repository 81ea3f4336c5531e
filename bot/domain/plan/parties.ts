/**
 * Who is responsible, as the plan words it: annotations such as
 * 「责任领导：张三」「牵头科室：高新科」「配合单位：区财政局、区税务局」「完成时限：6月底」,
 * on their own lines or in brackets after a task, and collaborating units
 * named in the prose (「协调区经信、税务、财政等部门」「配合区金融办」). Pure.
 */

import { fieldOf, LABEL_SOURCE, type AnnotationField } from './labels.js';
import { LIMITS } from './limits.js';
import { matchesOf } from './matches.js';

export { fieldOf, type AnnotationField };

/** 「牵头科室：高新科」 as a whole line (optionally several, separated by ；or spaces). */
const ANNOTATION_RE = new RegExp(LABEL_SOURCE, 'g');
/** The same, for readFields' own scan (extractAnnotations holds ANNOTATION_RE's lastIndex meanwhile). */
const ANNOTATIONS_ALL = new RegExp(LABEL_SOURCE, 'g');

export interface Annotations {
  leader: string[];
  lead: string[];
  /** 责任单位: the lead units when no lead is named beside them, else collaborators. */
  responsible: string[];
  collaborator: string[];
  deadline: string[];
}

export const emptyAnnotations = (): Annotations => ({ leader: [], lead: [], responsible: [], collaborator: [], deadline: [] });

/** Who leads and who collaborates, once a task's annotations are all known. */
export function settleUnits(a: Annotations): { lead: string[]; collaborator: string[] } {
  if (!a.lead.length) return { lead: a.responsible, collaborator: a.collaborator };
  return { lead: a.lead, collaborator: [...a.collaborator, ...a.responsible] };
}

/**
 * Splits a list of names: 「区财政局、区税务局，区经信委」. A list closed by 「等区政府有关部门」 names
 * the units before 等; the others are no unit of their own.
 */
export function splitNames(text: string): string[] {
  return joinPadded(text)
    .split(/[、，,；;\/／\s]+|(?<=[局委办科室院所队站])(?:和|及)/)
    .map((s) => unbracket(s.replace(/[。.]$/, '')).replace(AND_OTHERS, '').replace(/^(及|和)|等$/g, '').trim())
    .filter((s) => s.length > 0 && s.length <= 30 && !/^(无|暂无|\/|—+|-+)$/.test(s));
}

/** 「等区政府有关部门」「等相关单位」 closing a list. */
const AND_OTHERS = /等[^等]{0,14}(?:部门|单位|科室|处室|机构)$/;

/** A bracket left open or closed by the split: 「（区财政局」 → 区财政局; 「区商务局（区药发中心）」 stays. */
function unbracket(s: string): string {
  const open = /[（(]/.test(s);
  const close = /[）)]/.test(s);
  if (open && !close) return s.replace(/^[（(]/, '');
  if (close && !open) return s.replace(/[）)]$/, '');
  return s;
}

/**
 * 「王 五」「王  五」: a two-character name padded to the width of three is one name; 「陆 明俞 悦」, two
 * padded names a page ran together, are 陆明 and 俞悦.
 */
function joinPadded(text: string): string {
  return text.replace(PADDED, (run) => run.replace(/[ \u3000]+/g, '').replace(/(..)(?=.)/g, '$1、'));
}
const PADDED = /(?<![\u4e00-\u9fff])(?:[\u4e00-\u9fff][ \u3000]{1,4}[\u4e00-\u9fff]){1,8}(?![\u4e00-\u9fff])/g;

/** Brackets that may hold annotations after a task: （…）, ［…］, […], 【…】, 〔…〕. */
const BRACKETS: [string, string][] = [['（(', '）)'], ['［[', '］\\]'], ['【', '】'], ['〔', '〕']];
const BRACKET_RE = new RegExp(
  BRACKETS.map(([o, c]) => `[${o}]([^${o}${c}：:]*[：:][^${o}${c}]*)[${c}]`).join('|'),
  'g',
);

const OPEN_BRACKET_END = /[（(［\[【〔]\s*$/;

/**
 * Finds annotations in a text and returns them with the text stripped of them.
 * Recognises 「牵头科室：A；配合单位：B、C；完成时限：6月底」 whether on lines of their own or
 * in a trailing bracket 「（牵头单位：A；完成时限：2024年6月底）」.
 */
export function extractAnnotations(text: string): { rest: string; found: Annotations } {
  const found = emptyAnnotations();
  let rest = text;
  // Brackets that hold annotations.
  // The first colon is found without backtracking: with `*?` a bracket full of colons and no end was quadratic.
  rest = rest.replace(BRACKET_RE, (whole, ...inner: unknown[]) => {
    const got = readFields(inner.slice(0, BRACKETS.length).find((x): x is string => typeof x === 'string') ?? '', found);
    return got ? '' : whole;
  });
  // Lines (or line tails) that hold annotations.
  rest = rest
    .split('\n')
    .map((line) => {
      ANNOTATION_RE.lastIndex = 0;
      const m = ANNOTATION_RE.exec(line);
      if (!m) return line;
      // A bracket the line opens and never closes (「……。（责任单位：甲、乙」, a page cut or a lost 「）」) holds the
      // annotation as a closed one would.
      const head = line.slice(0, m.index).replace(OPEN_BRACKET_END, '');
      // Only when the annotation starts the line or follows the end of a sentence.
      if (head.trim() && !/[。；;）)]\s*$/.test(head)) return line;
      readFields(line.slice(m.index), found);
      return head;
    })
    .map((line) => trimEndOf(line, /[ \t]/))
    .join('\n');
  return { rest: rest.trim(), found };
}

/** Drops the trailing characters that `one` matches; a regex such as /[ \t]+$/ is quadratic on a long inner run. */
function trimEndOf(s: string, one: RegExp): string {
  let end = s.length;
  while (end > 0 && one.test(s[end - 1]!)) end--;
  return s.slice(0, end);
}

function readFields(text: string, into: Annotations): boolean {
  const matches = matchesOf(ANNOTATIONS_ALL, text);
  if (!matches.length || text.slice(0, matches[0]!.index).trim()) return false;
  matches.forEach((m, i) => {
    const field = fieldOf(m[1]!)!;
    const end = i + 1 < matches.length ? matches[i + 1]!.index : text.length;
    const value = trimEndOf(text.slice(m.index + m[0].length, end), /[；;。\s]/).trim();
    readField(field, value, into);
  });
  return true;
}

/** Adds one labelled value (a label's text, or a table cell under such a header) to `into`. */
export function readField(field: AnnotationField, value: string, into: Annotations): void {
  if (!value.trim()) return;
  if (field === 'deadline') into.deadline.push(value.trim());
  else if (field === 'lead' || field === 'responsible') readUnitList(value, field, into);
  else into[field].push(...splitNames(value));
}

/** 「A（牵头）、B」 in a responsibility list: A leads, B collaborates. */
function readUnitList(value: string, field: 'lead' | 'responsible', into: Annotations): void {
  const MARK = /[（(]牵头[）)]/;
  const names = joinPadded(value).split(/[、，,；;\/／\s]+/).filter(Boolean);
  const marked = names.some((n) => MARK.test(n));
  for (const n of names) {
    const units = splitNames(n.replace(MARK, ''));
    if (!marked) into[field].push(...units);
    else if (MARK.test(n)) into.lead.push(...units);
    else into.collaborator.push(...units);
  }
}

const UNIT_END = '(?:办公室|办|局|委员会|委|公司|中心|院|所|室|科|处|站|队|会|厅|部门|部|协|联|政府|集团|银行|学校|大学|学院|分局|支队|大队|中队|街道|镇)';
const VAGUE = /^(相关|有关|各|其他|属地|上级|市级|区级|区内|辖区|本|我)/;
/** 「协调区经信、税务、财政等部门」: units listed after a word of working together, closed by 等部门. */
const LISTED_COLLABORATORS = /(?:协调|会同|联合|配合|协同)([^，,。；;：:]{2,40}?)等(?:区级)?(?:部门|单位)/g;
/** 「配合区金融办」「会同区财政局」: one unit after a word of working together. */
const SINGLE_COLLABORATOR = new RegExp(`(?:配合|协调|会同|联合|协同)((?:区|市|县|镇)?[^，,。；;、：:“”"（）()\\s]{1,14}?${UNIT_END})`, 'g');

/**
 * Collaborating units named in prose: after 配合/协调/会同/联合 and before a verb or 等部门.
 */
export function proseCollaborators(text: string, max = 2 * LIMITS.namesPerTask): string[] {
  const out: string[] = [];
  // 「协调区经信、税务、财政等部门」: a list closed by 等部门/等单位.
  // exec loops on module regexes, not matchAll (matches.ts); each loop starts from lastIndex 0.
  LISTED_COLLABORATORS.lastIndex = 0;
  for (let m = LISTED_COLLABORATORS.exec(text); m; m = LISTED_COLLABORATORS.exec(text)) {
    const items = m[1]!.split(/[、和及]/).map((s) => s.trim()).filter(Boolean);
    if (!items.length || VAGUE.test(items[0]!)) continue;
    const prefix = items[0]!.match(/^(区|市|县|镇|街道)/)?.[1] ?? '';
    // The first item holds the prefix (it was read from it): only the others can lack it.
    items.forEach((it) => out.push(prefix && !it.startsWith(prefix) ? prefix + it : it));
    if (out.length >= max) break;
  }
  // 「配合区金融办，」「配合区人才办完善…」「会同区财政局做好…」
  SINGLE_COLLABORATOR.lastIndex = 0;
  for (let m = SINGLE_COLLABORATOR.exec(text); m; m = SINGLE_COLLABORATOR.exec(text)) {
    if (out.length >= max) break;
    const name = m[1]!;
    if (VAGUE.test(name) || name.length < 3) continue;
    if (out.some((o) => o.includes(name) || name.includes(o))) continue;
    out.push(name);
  }
  return [...new Set(out)];
}

/**
 * The leader a section's heading names for all its tasks, as a government work report's breakdown
 * groups them: 「一、张三县长牵头重点工作」「（二）李四副区长分管领域」 → 张三, 李四.
 */
export function headingLeader(heading: string): string | null {
  const m = heading.match(HEADING_LEADER);
  return m ? m[1]! : null;
}
const HEADING_LEADER =
  /^([\u4e00-\u9fff]{2,3}?)(?:同志)?(?:常务)?副?(?:县长|区长|市长|镇长|乡长|州长|旗长|主任|书记|局长|部长|秘书长)(?:牵头|负责|分管|联系|领衔)/;
