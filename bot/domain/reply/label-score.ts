/**
 * How well the words near a number name a target: shared two-character pieces
 * of the target's label (worth 2) and of its plan phrase (worth 0.5), after
 * expanding common abbreviations (高企 = 高新技术企业). Pure.
 */
import type { ReplyTarget } from './types.js';

const ALIASES: [string, string][] = [
  ['高新技术企业', '高企'],
  ['高新企业', '高企'],
  ['科技型中小企业', '科小'],
  ['众创空间', '众创'],
  ['技术合同', '技合'],
  ['成果登记', '成果'],
  ['研发投入', 'R&D'],
  ['国家级', '国家'],
  ['市级', '市'],
];

/** Plan-phrase pieces too common to tell targets apart. */
const GENERIC = new Set(['确保', '力争', '完成', '全年', '目标', '开展', '工作', '实现', '以上', '达到', '组织', '推进', '积极', '做好', '争取', '全区', '年度']);

function grams(s: string): Set<string> {
  const out = new Set<string>();
  for (const run of s.match(/[\p{Script=Han}A-Za-z&]+/gu) ?? []) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
    if (chars.length === 1) out.add(chars[0]!);
  }
  return out;
}

/** Adds the other form of an abbreviation the target itself uses. */
function expand(context: string, target: string): string {
  let out = context;
  for (const [long, short] of ALIASES) {
    if (context.includes(long) && target.includes(short)) out += `|${short}`;
    else if (context.includes(short) && !context.includes(long) && target.includes(long)) out += `|${long}`;
  }
  return out;
}

export interface LabelScore {
  score: number;
  /** How many of the label's own pieces were found. */
  labelHits: number;
  /** Share of the label's pieces found, to break ties (「企业」 vs 「科技型企业」). */
  coverage: number;
}

const pieceCache = new WeakMap<ReplyTarget, Set<string>>();

function pieces(t: ReplyTarget): Set<string> {
  let out = pieceCache.get(t);
  // Stryker disable next-line ConditionalExpression: the cache only saves work; recomputing gives the same pieces
  if (!out) {
    out = grams(`${t.label}|${t.text ?? ''}`);
    for (const g of GENERIC) out.delete(g);
    pieceCache.set(t, out);
  }
  return out;
}

/**
 * Label pieces found count 2, plan-phrase pieces 0.5, and pieces no other
 * candidate has 3 more: 「评价」 points to the target whose phrase is about the
 * 评价 system even when another target's label shares 「科技型」.
 */
export function labelScore(context: string, target: ReplyTarget, others: ReplyTarget[] = []): LabelScore {
  if (!context) return { score: 0, labelHits: 0, coverage: 0 };
  const ctx = expand(context, `${target.label}|${target.text ?? ''}`);
  const label = grams(target.label);
  let hits = 0;
  for (const g of label) if (ctx.includes(g)) hits += 1;
  const own = pieces(target);
  const elsewhere = new Set(others.filter((o) => o !== target).flatMap((o) => [...pieces(o)]));
  let extra = 0;
  let unique = 0;
  for (const g of own) {
    if (!ctx.includes(g)) continue;
    if (!label.has(g)) extra += 1;
    if (others.length > 1 && !elsewhere.has(g)) unique += 1;
  }
  return { score: hits * 2 + extra * 0.5 + unique * 3, labelHits: hits, coverage: label.size ? hits / label.size : 0 };
}

/** True when a word is part of the target's label or plan phrase. */
export function targetMentions(target: ReplyTarget, word: string): boolean {
  return target.label.includes(word) || (target.text ?? '').includes(word);
}
