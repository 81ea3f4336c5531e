/**
 * When a reply expects the task (or its next step) to be finished: a time
 * phrase that reads as a deadline or forecast (「预计9月底前完成」「下月中旬能到位」
 * 「年底没问题」), not a date something already happened on (「3月已召开」) or an
 * as-of date (「截至6月底」). A bare 「本周完成……」 reports this week's work: a
 * forecast elsewhere in the reply wins over it. The latest date wins; two
 * forecasts of different days leave a doubt. Pure.
 */
import { MAX_DOUBTS, wordsAround } from './doubts.js';
import type { ReplyDoubt } from './types.js';
import type { Clauses } from './clauses.js';
import type { Today } from './local-day.js';
import { PHRASES } from './time-phrases.js';

const AS_OF = /(?:截至|截止|截止到|截至到|到目前|自|从|已经?(?:于|在)?|以来)\s*$/;
const PAST_AFTER = /^\s*(?:已经?|以来|开始|起|就已|时已|曾|召开了|举办了|完成了)/;
const DEADLINE_AFTER =
  /^\s*(?:前|之前|以前|左右|为止)?\s*[，,]?\s*(?:就|才)?\s*(?:能够?|可以?|应该|会|将|才能|就能|可望|有望|基本|全部|全面|确保|争取|力争|预计|正式)?\s*(?:完成|投入使用|投用|交付|办结|到位|达标|结束|完|搞定|弄好|做完|实现|达到|突破|出来|下来|上线|提交|报送|交|批复|验收|办完|落实|没问题|可以|能|差不多|前)/;
const FUTURE_BEFORE = /(?:预计|争取|力争|计划|估计|有望|可望|将于|将在|拟于|拟在|拟|大概|大约|应该|能在|可在|确保|保证|最迟|最晚|不晚于|务必|预期|可能|力争在|希望|会在|要在)/;

/** 「1-6月完成投资」「1至8月份」: the period reported on (its first month before the phrase), not a deadline. */
const PERIOD_FROM = /(?:^|[^\d])\d{1,2}\s*月?\s*(?:-|~|至|到)\s*$/;

/** 「预计前三季度不能完成」: a date the work will miss, not one it is expected on. */
const DENIED_AFTER = /^\s*(?:前|之前|以前)?\s*(?:仍|还|也)?(?:不能|无法|难以|不可能|完不成|不会)/;
/** 「计划年内完工项目39个」: the date describes the items counted, it is no one's expectation. */
const ITEMS_AFTER = /^\s*(?:前|之前|以前)?\s*(?:完工|完成|建成|竣工|开工|投用)的?(?:项目|任务|事项|工程)/;

interface Found {
  start: number;
  end: number;
  date: string;
}

function phrasesIn(text: string, today: Today): Found[] {
  const all: Found[] = [];
  for (const p of PHRASES) {
    for (const m of text.matchAll(new RegExp(p.re.source, 'g'))) {
      // Stryker disable next-line ConditionalExpression,MethodExpression: no phrase matches blanks alone; the guard is for a future one
      if (!m[0].trim()) continue;
      const date = p.at(m as RegExpExecArray, today);
      if (date) all.push({ start: m.index, end: m.index + m[0].length, date });
    }
  }
  // Longest phrase first; drop phrases inside or across a longer one.
  all.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Found[] = [];
  for (const f of all) if (!kept.some((k) => f.start < k.end && k.start < f.end)) kept.push(f);
  return kept;
}

/** 「本周」「这个月」「今天」 with no deadline word: the period the work was done in. */
const CURRENT_PERIOD = /^(?:(?:本|这个?|当)(?:周|星期|礼拜|月)(?![底末中上下初内一二三四五六日天\d])|今天|今日)$/;
const BY_AFTER = /^\s*(?:前|之前|以前|内|以内|之内|底|末)/;

export interface ExpectedOn {
  date: string | null;
  doubt: ReplyDoubt | null;
}

export function readExpectedOn(c: Clauses, today: Today | null): ExpectedOn {
  if (!today) return { date: null, doubt: null };
  const text = c.text;
  const firm: Found[] = [];
  const loose: Found[] = [];
  for (const f of phrasesIn(text, today)) {
    const pre = text.slice(c.start('comma', f.start), f.start);
    const post = text.slice(f.end, Math.min(c.end('hard', f.end), f.end + 14));
    if (AS_OF.test(pre) || PAST_AFTER.test(post)) continue;
    const future = FUTURE_BEFORE.test(pre);
    if (!future && PERIOD_FROM.test(pre)) continue;
    if (DENIED_AFTER.test(post) || ITEMS_AFTER.test(post)) continue;
    if (!DEADLINE_AFTER.test(post) && !future) continue;
    const current = CURRENT_PERIOD.test(text.slice(f.start, f.end).trim()) && !future && !BY_AFTER.test(post);
    (current ? loose : firm).push(f);
  }
  const pool = (firm.length ? firm : loose).sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.start - b.start));
  const best = pool[0];
  if (!best) return { date: null, doubt: null };
  const others = [...new Set(pool.map((f) => f.date))].filter((d) => d !== best.date).slice(0, MAX_DOUBTS);
  const doubt: ReplyDoubt | null = others.length
    ? { kind: 'date', chosen: best.date, others, words: wordsAround(c, best.start, best.end) }
    : null;
  return { date: best.date, doubt };
}
