/**
 * Numeric targets (指标) in a task's text: 「确保有效期高企达140家」, 「全年目标11亿元」,
 * 「力争完成5个市级众创空间、2个国家备案众创空间申报工作」. Pure.
 */
import type { Comparator, ParsedTarget, TargetKind } from './types.js';
import { CN_NUMERAL_CHARS, parseNumber } from './numerals.js';
import { unquote } from './quotes.js';

/** Units, longest first so 「万人次」 wins over 「人」. */
export const UNITS = [
  '万美元', '美元', '万人次', '万人', '万户', '万件', '万个', '万家', '个百分点', '平方公里', '平方米', '万平方米', '千瓦时', '亿元', '万元', '千元', '元',
  '人次', '家次', '场次', '万亩', '万吨', '公里', '百分点', '亿斤', '万斤', '万株', '万立方米', '立方米', '千米', '延米',
  '公顷', '万千瓦', '千瓦', '兆瓦',
  '家', '个', '项', '名', '人', '场', '次', '件', '篇', '户', '所', '套', '台', '批', '期', '座', '棵', '组', '米', '斤',
  '条', '份', '起', '宗', '例', '支', '株', '头', '只', '亩', '吨', '部', '本', '册', '处', '栋', '间', '辆', '门', '节', '班', '课', '%', '％',
].sort((a, b) => b.length - a.length);

const AT_MOST = /(以内|以下|不超过|不高于|控制在|(?<!不)低于|压减到|压降到)/;
const CUMULATIVE = /(累计|新增|完成|组织|开展|举办|召开|培训|申报|登记|引进|培育|建成|建设|认定|创建|实施|发放|办理|服务|推广|争取|签约|招引|落地|转化|获批)/;
/**
 * Words of a stock (a level, not a count of this year's new ones). 「达」 is not among them: as a verb right before
 * the number (「高企达140家」) kindOf reads it; elsewhere it is part of another word (达标, 发达, 表达).
 */
const LEVEL = /(保持|总数|总量|有效期|存量|在库|入库|覆盖率|比例|占比)/;
/** Chinese numerals count only after such a verb (「新增专利五件」), so 「政策十条」 is not a target. */
const CN_TARGET_VERB = /(达到|达|不少于|不低于|突破|力争|超过|至少|新增|累计|完成|培育|引进|建成|举办|开展|组织|认定|创建|培训|发展|打造|建设|招引|争取)[^，,、；;]{0,16}$/;

// Every run is bounded, so a long run of digits or numerals costs a bounded amount at each place
// a match could start (unbounded runs made a 1 MB line of digits take minutes).
const NUMBER = `(?:[0-9０-９]{1,15}(?:[.．][0-9０-９]{1,10})?(?:[,，][0-9]{3}){0,6}|[${CN_NUMERAL_CHARS}]{1,16})`;
const UNIT_ALT = UNITS.map((u) => u.replace(/[%]/g, '\\$&')).join('|');
// 「5 余 家」: the spaces around 余 belong to it, so a run of spaces is not tried two ways.
const TARGET_RE = new RegExp(`(${NUMBER})\\s*(?:(余|多|多个)\\s*)?(${UNIT_ALT})`, 'g');

/** How far back from a number its label and verb are looked for, at most. */
const LOOK_BACK = 400;

/** Words that start a clause but are not what is counted. */
const LEADING_NOISE =
  /^(并|且|和|及|同时|确保|力争|争取|全年|年内|全区|全市|目标|预计|实现|推动|推进|完成|组织|指导|帮助|支持|鼓励|引导|新增|累计|开展|举办|召开|培育|建成|达到|达)+/;
const TRAILING_WORDS = ['降至', '降到', '下降至', '下降到', '降低至', '降低到', '减少至', '减少到', '压减至', '压降至', '控制在', '控制', '达到', '达', '突破', '超过', '不少于', '不低于', '累计', '新增', '完成', '为', '至', '在', '目标', '数量', '总数', '规模'];

/** The longest of TRAILING_WORDS: a tail of them can only grow by a word that ends where it starts. */
const TRAILING_MAX = Math.max(...TRAILING_WORDS.map((w) => w.length));

/**
 * Drops the longest tail made only of TRAILING_WORDS, as `/(w1|w2|…)+$/` did — whose
 * backtracking was exponential on 「控制在控制在…x」 — in one pass from the end. The pass stops
 * TRAILING_MAX characters before the tail found so far: no word reaching further back can end on it.
 */
function dropTrailingNoise(s: string): string {
  const ok = new Uint8Array(s.length + 1);
  ok[s.length] = 1;
  let cut = s.length;
  // Stryker disable next-line ArithmeticOperator: starting past the end finds nothing there (ok[] is undefined)
  for (let i = s.length - 1; i >= 0 && i >= cut - TRAILING_MAX; i--) {
    for (const w of TRAILING_WORDS) {
      if (ok[i + w.length] === 1 && s.startsWith(w, i)) {
        ok[i] = 1;
        cut = i;
        break;
      }
    }
  }
  return s.slice(0, cut);
}

/** Every unit of money in UNITS ends in 元. */
const isMoney = (unit: string) => unit.endsWith('元');
/** A rate: 「%」 (findTargets has made 「％」 one) or percentage points. */
const isPercent = (unit: string) => unit === '%' || unit.includes('百分点');

function kindOf(unit: string, phrase: string, before: string): TargetKind {
  if (isMoney(unit)) return 'money';
  if (isPercent(unit)) return 'percent';
  if (/累计|新增/.test(phrase)) return 'cumulative';
  if (/(达到|达)\s*$/.test(before) || LEVEL.test(before)) return 'level';
  return CUMULATIVE.test(phrase) ? 'cumulative' : 'level';
}

function comparatorOf(before: string, after: string): Comparator {
  // 「降至9.3%」「减少到5起」: brought down to a level, a ceiling.
  if (AT_MOST.test(after.slice(0, 4)) || /(控制在|不超过|不高于|(?<!不)低于|[降减](?:低|少)?[至到])\s*$/.test(before)) return 'at_most';
  return 'at_least';
}

/** Verbs after which the object of a long clause begins: 「辅导企业开展技术合同登记」. */
const OBJECT_AFTER = /^.*(?:开展|做好|抓好|推进|推动|实现|加强|完成|组织|辅导|指导)(?=.{2,})/;

/** Separators and spaces at a label's edges. */
const EDGES = /^[，,、：:\s]+|[，,、：:\s]+$/g;

function clean(label: string): string {
  let s = label.replace(EDGES, '');
  // Up to three rounds; a round that changes nothing would change nothing again.
  for (let i = 0; i < 3; i++) {
    const next = dropTrailingNoise(s.replace(LEADING_NOISE, '')).replace(EDGES, '');
    // Stryker disable next-line ConditionalExpression: another round of a label that did not change does not change it
    if (next === s) break;
    s = next;
  }
  if (s.length > 8) s = s.replace(OBJECT_AFTER, '');
  return unquote(s).replace(EDGES, '');
}

/** The noun right after a number and its unit: 「5个市级众创空间、」 → 「市级众创空间」. */
function nounAfter(after: string): string {
  // 「5家以上企业」: what qualifies the number is not the noun; 「5家以内」 names none.
  const m = after.replace(/^\s*(?:及以上|以上|以下|以内|左右)/, '').match(/^([^，,。；;、（(：:\s]{1,16}?)(?=[，,。；;、（(：:\s]|申报|注册|认定|评价|在|并|的|$)/);
  return m ? clean(m[1]!) : '';
}

/**
 * Finds the targets in one task's text, at most `max` of them. Linear in the text: the clause
 * start is carried forward from match to match, and each match looks back LOOK_BACK characters at most.
 */
export function findTargets(text: string, max = Infinity): ParsedTarget[] {
  const out: ParsedTarget[] = [];
  let clauseStart = 0;
  let scanned = 0;
  // 「由118家增至140家」: the first number is where the level starts, the second the target.
  let from: { value: number; unit: string; clause: number } | null = null;
  let addressEnd = -1;
  // An exec loop on the module's regex, not matchAll (matches.ts); it starts from lastIndex 0.
  TARGET_RE.lastIndex = 0;
  for (let m = TARGET_RE.exec(text); m; m = TARGET_RE.exec(text)) {
    if (out.length >= max) break;
    const raw = m[1]!;
    const unit = m[3]!.replace('％', '%');
    const start = m.index;
    const end = start + m[0].length;
    // Stryker disable next-line StringLiteral: no other text before the start passes the one-character checks below either
    const prevChar = text[start - 1] ?? '';
    const isChinese = !/[0-9０-９]/.test(raw[0]!);
    // Ordinals, years, dates and codes are not targets.
    if (prevChar === '第' || /[0-9０-９.．]/.test(prevChar)) continue;
    // 「某村4栋、9栋」: a building's number after a place's name is an address, and so is the next in its list (幢 is no unit).
    if (unit === '栋' && (PLACE_END.test(prevChar) || (prevChar === '、' && addressEnd === start - 1))) {
      addressEnd = end;
      continue;
    }
    if (DATE_AFTER.test(text.slice(end, end + 2)) && !isMoney(unit) && unit !== '%') continue;
    const value = parseNumber(raw);
    // Stryker disable next-line ConditionalExpression: NUMBER matches only what parseNumber reads; the check is for the type
    if (value === null) continue;
    // Stryker disable next-line EqualityOperator: the number's first character is never a clause break
    for (; scanned < start; scanned++) if (isClauseBreak(text.charCodeAt(scanned))) clauseStart = scanned + 1;
    const lookFrom = Math.max(clauseStart, start - LOOK_BACK);
    const before = text.slice(lookFrom, start);
    if (isChinese && !CN_TARGET_VERB.test(before)) continue;
    if (isChinese && value > 1e4 && !/亿|万/.test(raw)) continue;
    // Years written like 2022 with a unit such as 「2022届」 are excluded above; guard
    // plain four-digit years followed by 年度 units anyway.
    const afterText = text.slice(end, end + 20);
    if (FROM_BEFORE.test(before) && RISE_AFTER.test(afterText)) {
      from = { value, unit, clause: clauseStart };
      continue;
    }
    // 「由3个增至5家」: a rise in the same clause, its baseline only in the target's own unit.
    const rise = from !== null && from.clause === clauseStart ? from : null;
    const baseline = rise !== null && rise.unit === unit ? rise.value : null;
    from = null;
    const softStart = lastSoftBreak(before) + 1;
    // 「占地500余亩」「冷库库容达1.5万立方米」: the size of a project describes it, it is not a goal.
    if (DESCRIBES.test(before.slice(softStart))) continue;
    // With a baseline the label is what comes before 「由」: 「有效期高企由118家增至」 → 「有效期高企」.
    const near = rise !== null ? before.slice(softStart).replace(/(?:由|从)[^由从]*$/, '') : before.slice(softStart);
    // A list 「A、B20家」 counts its last item; in 「5个A、2个B」 the second number's noun comes after it (below).
    let label = clean(near.slice(near.lastIndexOf('、') + 1));
    // 「A、B等3个老旧小区」: the examples before 等 are not what is counted.
    if (!label || label.length <= 1 || /等$/.test(near.trim())) label = nounAfter(afterText) || label;
    // 「规上工业企业：新增20家」: what is counted is named before the soft break. A number right after the break
    // (「…268亿元以上，6个绿色食品加工产业园…」) has no words of its own there, and the clause before is another target's.
    if (!label && softStart > 0 && near.trim()) label = clean(before.slice(lastSoftBreak(before.slice(0, softStart - 1)) + 1, softStart - 1));
    const phraseStart = lookFrom + softStart;
    // A stock rising 「由X到Y」 is a level (a rate stays a rate); money rising is this year's total, its baseline last year's.
    const rising = baseline === null ? null : isMoney(unit) ? 'money' : isPercent(unit) ? 'percent' : 'level';
    // The phrase runs to the next mark, or as far as was looked ahead: its kind is read from the same words.
    const stop = afterText.search(/[，,。；;、]/);
    const phraseAfter = stop < 0 ? afterText : afterText.slice(0, stop);
    const phrase = text.slice(phraseStart, end + phraseAfter.length).trim();
    out.push({
      value,
      unit,
      comparator: comparatorOf(near, afterText),
      label: label || unit,
      text: phrase,
      kind: rising ?? kindOf(unit, before + m[0] + phraseAfter, near),
      ...(baseline !== null && rising !== 'money' ? { baseline } : {}),
    });
  }
  return out;
}

const DATE_AFTER = /^(年|月|日|号|季度|届|大|代)/;

/** Words that give a project's size (site, capacity): what follows describes it, it is not a target. */
const DESCRIBES = /(?:占地|用地面积|库容|年周转|设计产能|设计能力)/;
/** The last character of a place's name (村, 社区, 小区, 路…), before a building's number. */
const PLACE_END = /[村社苑园路街巷里庄]/;

/** 「由」「从」 right before a number, and a verb of rising right after it: a baseline. */
const FROM_BEFORE = /(?:由|从)\s*$/;
const RISE_AFTER = /^\s*(?:增至|增加到|增加至|增长到|增长至|提高到|提高至|提升到|提升至|扩大到|扩大至|上升到|上升至|达到|增到|到|至)/;

/** Clause boundaries 。；;！!？? and a line break, by character code (no one-character string per character). */
function isClauseBreak(c: number): boolean {
  return c === 0x3002 || c === 0xff1b || c === 0x3b || c === 0xff01 || c === 0x21 || c === 0xff1f || c === 0x3f || c === 0x0a;
}

/** The last soft break inside a clause (，,：:) in s, or -1 (a phrase never crosses a clause's end: isClauseBreak). */
function lastSoftBreak(s: string): number {
  // Stryker disable next-line ArithmeticOperator: s.charCodeAt() past the end is NaN, no break
  for (let i = s.length - 1; i >= 0; i--) {
    const c = s.charCodeAt(i);
    if (c === 0xff0c || c === 0x2c || c === 0xff1a || c === 0x3a) return i;
  }
  return -1;
}
