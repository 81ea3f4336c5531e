/**
 * The task a message names at its start, the way people write it to the bot: 「#7 …」「任务7：…」
 * 「7. …」「第7项 …」 (a code, then a separator), and 「7号任务请抓紧」「任务7请抓紧」 (marked as a task,
 * no separator needed). A bare number needs its separator, so 「3家企业已完成」 names nothing. Pure.
 */
import { normaliseTaskCode } from './owners/parse-owners.js';

const CODE = '([0-9０-９]{1,3}(?:\\.[0-9]{1,3})*|[一二三四五六七八九十]{1,3})';
/** 「#7 …」「任务7：…」「7. …」「第7项 …」: a code at the start, then a separator. */
const NAMED = new RegExp(`^\\s*(?:[#＃]\\s*|任务\\s*|第)?${CODE}(?:\\s*项)?\\s*(?:[.．、:：，,]|\\s)\\s*`);
/** 「7号任务请抓紧」「第7号任务…」「任务7请抓紧」: marked as a task, no separator needed. */
const MARKED = [new RegExp(`^\\s*第?\\s*${CODE}\\s*号\\s*任务\\s*[.．。、:：，,]?\\s*`), new RegExp(`^\\s*任务\\s*${CODE}(?![0-9０-９.])\\s*[.．。、:：，,]?\\s*`)];

/** The task code a text names at its start, the words after it, and whether it was marked as a task (「#」「任务」「第」「号任务」). */
export function taskNamedAtStart(text: string): { code: string; rest: string; marked: boolean } | null {
  const m = text.match(NAMED) ?? MARKED.map((re) => text.match(re)).find((x) => x !== null) ?? null;
  if (!m) return null;
  return { code: normaliseTaskCode(m[1]!), rest: text.slice(m[0].length).trim(), marked: /^\s*([#＃]|任务|第)/.test(text) || /号\s*任务/.test(m[0]) };
}

/** 「#2023-7 …」「任务区委-7：…」: a marked code with its plan's prefix (bot/domain/plan/plan-code.ts), then a separator. */
const PREFIXED = new RegExp(`^\\s*(?:[#＃]|任务)\\s*([^\\s\\-－—–#＃]{1,12}?)\\s*(?:[-－—–]|(?<=(?:19|20)[0-9]{2})年)\\s*${CODE}(?:\\s*项)?(?:\\s*[.．。、:：，,]|\\s|$)\\s*`);

/** The prefix and code a text names at its start (「#2023-7 已完成」), and the words after; null when none. */
export function prefixedTaskAtStart(text: string): { prefix: string; code: string; rest: string } | null {
  const m = text.match(PREFIXED);
  return m ? { prefix: m[1]!, code: normaliseTaskCode(m[2]!), rest: text.slice(m[0].length).trim() } : null;
}
