/**
 * The words that state a problem: the comma clause holding the deciding
 * signal, joined with a neighbouring clause that gives its cause or effect
 * (「由于资金未到位，导致采购推迟」), trimmed to at most 80 characters. Pure.
 */
import type { Clauses } from './clauses.js';
import type { Signal } from './status.js';

export const MAX_BLOCKER = 80;

const CAUSE_FIRST = /^\s*(?:由于|因为|因|受|主要是|主要因为|原因是)/;
const EFFECT_NEXT = /^\s*(?:导致|致使|造成|所以|因此|故|从而|影响)/;
const CAUSE_NEXT = /^\s*(?:主要是|原因是|因为|由于|主要原因是?|原因[:：])/;
/** Status words that name no cause: 「滞后」「有一定压力」. */
const GENERIC_SIGNAL =
  /^(?:(?:有|存在|面临)?(?:一定|较大|很大|些|一些|点)?的?(?:风险|压力|难度|困难)(?:较大|很大|大|不小)?|滞后|落后|偏慢|较慢|比较慢|很慢|太慢|缓慢|慢了|进度慢|进展慢|受阻|停滞|卡住|卡壳|不顺利|完不成|够呛|不好说|悬了)$/;
/** Words that carry no content of their own around a status word. */
const FILLER = /[，,、；;。.!！~\s]|进度|进展|推进|工作|整体|总体|目前|现在|有所|略有|稍有|略|稍|比较|相对|较为|有点|一些|了|也|还|仍|整体上/g;
const LEADING = /^(?:[，,、：:；;\s]|但是?|不过|可是|然而|只是|就是|另外|同时|目前|现在|当前)+/;
const TRAILING = /[了啊呀呢哈吧啦嘛哦。.!！~～，,、；;\s]+$/;

export function blockerOf(c: Clauses, signal: Signal): string | null {
  const text = c.text;
  const sentenceStart = c.start('hard', signal.start);
  const sentenceEnd = c.end('hard', signal.start);
  let start = c.start('comma', signal.start);
  let end = c.end('comma', signal.start);
  const own = text.slice(start, end);
  // 「进度有所滞后」 says only that there is a problem: its cause is in the clauses before.
  const said = text.slice(signal.start, signal.end);
  const generic = GENERIC_SIGNAL.test(said) && !own.replace(said, '').replace(FILLER, '').trim();
  for (let i = 0; i < (generic ? 2 : 1) && start > sentenceStart; i++) {
    const prevStart = c.start('comma', start - 1);
    const prev = text.slice(prevStart, start - 1);
    const cause = CAUSE_FIRST.test(prev) || EFFECT_NEXT.test(own);
    if (!cause && (!generic || /\d/.test(prev))) break;
    start = prevStart;
  }
  const next = text.slice(end + 1, c.end('comma', end + 1));
  if (end < text.length && (end < sentenceEnd || generic) && CAUSE_NEXT.test(next)) {
    end = c.end('comma', end + 1);
  }
  if (end - start > MAX_BLOCKER) {
    start = Math.max(start, signal.start - MAX_BLOCKER / 2);
    end = Math.min(end, start + MAX_BLOCKER);
  }
  let out = text.slice(start, end);
  for (let i = 0; i < 3; i++) out = out.replace(LEADING, '').replace(TRAILING, '');
  out = out.trim().replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
  const chars = [...out];
  if (chars.length > MAX_BLOCKER) out = chars.slice(0, MAX_BLOCKER).join('');
  return out || null;
}
