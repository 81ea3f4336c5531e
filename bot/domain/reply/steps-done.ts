/**
 * Which milestones (时间节点) a report says are done: 「评估已完成」「已完成项目评估」 against the milestone
 * 「6月底前完成评估」. Conservative, clause by clause: a clause counts only when it asserts completion (「已完成」
 * 「完成了」「已通过验收」) and does not hedge it (「尚未完成」「正在评估」「即将完成」「完成80%」「基本完成」
 * 「是否完成」「已完成5家」), and it must share the milestone's key action words — the milestone's text without its date
 * phrase and framing words (「完成」「确保」「工作」) — bigram by bigram: all of a short key's, at least half (two
 * or more) of a longer one's. Pure.
 */

export interface StepForReply {
  id: number;
  text: string;
  /** Already marked done: matched (so the clause is about a step) but not listed again. */
  done: boolean;
}

export interface StepsDone {
  /** Open milestones the report says are done, in the order given. */
  ids: number[];
  /**
   * Every clause that asserts completion is about a milestone (open or already done): the report's 「已完成」
   * is a step's, not the task's. False when no clause asserts completion.
   */
  stepOnly: boolean;
}

/** The longest reply read (the clauses of a longer one after this are not). */
const MAX_CHARS = 2000;
const BREAK = /[。；;！!？?\n，,]/;
/** Asserts completion. */
const DONE = /(?:已经?|均已|业已|都已|顺利|如期|按期|提前)(?:全面|全部|顺利|如期|按期|圆满)?(?:完成|完工|实现|落实|办结|通过)|(?:完成|完工|实现|落实|通过)了|(?:已经?|均已)[^，。；]{1,10}(?:完成|完工|实现|通过)|(?:完成|完工)$/;
/** Hedges, negations, plans and partial work: the clause asserts nothing done. */
const NOT_DONE = /尚未|未能|没有|没|未完成|暂未|还未|仍未|不能|无法|待完成|正在|即将|马上|准备|计划|拟|争取|力争|预计|有望|将于|将在|下一步|下步|接下来|下阶段|是否|吗|基本|大部分|部分|大半|一半|初步|阶段性|前期|筹备|[0-9]+(?:\.[0-9]+)?\s*[%％]|百分之|成以上|[0-9]+\s*(?:家|项|个|件|人|次|批|场|万|亿|元)|[一二两三四五六七八九十]+(?:家|项|个|件|批|场)/;
/** Date phrases of a milestone's text: 「6月底前」「三季度」「年底前」「2022年」「上半年」. */
const DATE = /(?:(?:19|20)\d{2}年)|(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})(?:月(?:底|末|初|中旬|上旬|下旬|份|中)?|季度末?|日)(?:之?前|以前)?|第?[一二三四]季度末?(?:之?前)?|[上下]半年(?:之?前)?|年(?:底|末|内)(?:之?前)?|(?:之|以)?前/g;
/** Words that frame a step rather than say what it is. */
const FRAMING = /完成|实现|全面|全部|确保|力争|争取|努力|推动|推进|开展|启动|做好|抓好|落实|组织|工作|任务|相关|有关|基本|顺利|已经|已|并|及|和|与|等|的|将|于|在|对|到|达|通过/g;
const CJK_RUN = /[\u4e00-\u9fff]+/g;

export function stepsDone(reply: string, steps: readonly StepForReply[]): StepsDone {
  const asserted = reply.slice(0, MAX_CHARS).split(BREAK).map((c) => c.trim()).filter((c) => c && DONE.test(c) && !NOT_DONE.test(c));
  if (!asserted.length || !steps.length) return { ids: [], stepOnly: false };
  const keys = steps.map((s) => ({ step: s, key: bigrams(keyWords(s.text)) })).filter((k) => k.key.size > 0);
  const ids: number[] = [];
  let stepOnly = true;
  for (const clause of asserted) {
    const words = bigrams(clause.replace(FRAMING, ' '));
    const hits = keys.filter((k) => shares(words, k.key));
    if (!hits.length) stepOnly = false;
    for (const h of hits) if (!h.step.done && !ids.includes(h.step.id)) ids.push(h.step.id);
  }
  return { ids: steps.filter((s) => ids.includes(s.id)).map((s) => s.id), stepOnly };
}

/** 「6月底前完成评估」 → 「 评估」: the milestone's words without its date phrase and framing words. */
export function keyWords(text: string): string {
  return text.replace(DATE, ' ').replace(FRAMING, ' ');
}

function bigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const run of text.match(CJK_RUN) ?? []) for (let i = 0; i + 1 < run.length; i++) out.add(run.slice(i, i + 2));
  return out;
}

/** All of a key of one or two bigrams; else at least half of them and two or more. */
function shares(words: Set<string>, key: Set<string>): boolean {
  let n = 0;
  for (const b of key) if (words.has(b)) n++;
  return key.size <= 2 ? n === key.size : n >= Math.max(2, Math.ceil(key.size / 2));
}
