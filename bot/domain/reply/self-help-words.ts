/**
 * Two short messages an owner sends instead of a report: a snooze (「明天再报」「下周再报」
 * 「晚点提醒我」「过两天提醒我」) and 「已在会上汇报」 (reported at a meeting). Each is read only when
 * it is the whole message (after the task's name), so a real report that mentions 明天 or 会上 stays
 * a report.
 */

/** When the owner asks to be reminded: later today, the next working day, in two working days, next week. */
export type SnoozeAsk = 'later' | 'tomorrow' | 'two-days' | 'next-week';

const MAX_LEN = 40;
/** Courtesy words and punctuation that do not change the meaning. */
const FILLER = /[\s，,。.!！~～、；;：:]|好的|好|收到|谢谢|麻烦|请|吧|哈|了|再说/g;

const SNOOZE: [RegExp, SnoozeAsk][] = [
  [/^(?:我)?(?:晚点|晚些|稍后|等会儿?|一会儿?)(?:再)?(?:提醒我|报|填报|填|汇报)$/, 'later'],
  [/^(?:我)?(?:明天|明日)(?:再)?(?:提醒我|报|填报|填|汇报)$/, 'tomorrow'],
  [/^(?:我)?(?:过两天|过几天|后天)(?:再)?(?:提醒我|报|填报|填|汇报)$/, 'two-days'],
  [/^(?:我)?(?:下周|下星期|下礼拜)(?:再)?(?:提醒我|报|填报|填|汇报)$/, 'next-week'],
];

export function readSnoozeAsk(text: string): SnoozeAsk | null {
  if (text.length > MAX_LEN) return null;
  const t = text.replace(FILLER, '');
  for (const [re, ask] of SNOOZE) if (re.test(t)) return ask;
  return null;
}

const MEETING = /^(?:本周|本期|进展)?(?:已经?|都)?(?:在)?(?:本周|周|月)?(?:例会|工作例会|周会|会议|会)上(?:已经?)?(?:作了?|做了?)?汇报(?:过)?$/;

/** 「已在会上汇报」「已在会上汇报过」「已在周例会上汇报」「会上已汇报」: said at a meeting, nothing written here. */
export function saysMeetingReport(text: string): boolean {
  if (text.length > MAX_LEN) return false;
  const t = text.replace(FILLER, '');
  return MEETING.test(t) && /已|过/.test(t);
}
