/** What a leader reads about a 督办: the toast, the refusals, and the outcome after Feishu answered. */
import { shanghaiMinute } from '../../domain/calendar/shanghai-time.js';
import type { UrgentVia } from '../../feishu/messenger.js';
import { botText, cut, joinText, type BotText } from '../../feishu/safe-text.js';
import type { OwnerOutcome } from './buzz-owners.js';

const VIA_WORDS: Record<UrgentVia, string> = { app: '应用内', sms: '短信', phone: '电话' };

/** 「应用内、短信」 */
export const viaWords = (vias: UrgentVia[]): string => vias.map((v) => VIA_WORDS[v]).join('、');

const nameList = (people: { name: string }[]): string => people.map((p) => cut(p.name, 12)).join('、');

/** 「已加急：张三、李四（应用内）」, and the owners nobody can buzz yet. */
export function plannedToast(targets: { name: string }[], without: { name: string }[], vias: UrgentVia[]): string {
  const notYet = without.length ? `；${nameList(without)}还没有收到催办消息，未加急` : '';
  return `已加急：${nameList(targets)}（${viaWords(vias)}）${notYet}`;
}

/** 「今天已督办过该任务（何建国 10:05）」 */
export function alreadyUrged(name: string, at: Date): string {
  return `今天已督办过该任务（${cut(name, 12)} ${shanghaiMinute(at).slice(11)}）`;
}

/** One line per owner for the audit trail: 「张敏：已加急（应用内）」「李强：未能加急（…）」. */
export function outcomeSummary(outcomes: OwnerOutcome[], without: { name: string }[]): string {
  const lines = outcomes.map((o) => `${o.name}：${o.buzzed.length ? `已加急（${viaWords(o.buzzed)}）` : '未能加急'}${failures(o)}`);
  return [...lines, ...without.map((w) => `${w.name}：未加急（还没有收到催办消息）`)].join('；');
}

function failures(o: OwnerOutcome): string {
  if (!o.failed.length) return '';
  const reasons = [...new Set(o.failed.map((f) => f.reason))];
  return o.buzzed.length ? `，${viaWords(o.failed.map((f) => f.via))}未成功：${reasons.join('；')}` : `：${reasons.join('；')}`;
}

/** The reply under the card once Feishu has answered: who was buzzed how, who could not be, and why. */
export function outcomeText(task: BotText, outcomes: OwnerOutcome[], without: { name: string }[]): BotText {
  const done = outcomes.filter((o) => o.buzzed.length);
  const lines: BotText[] = [botText`督办结果：${task}`];
  for (const o of done) lines.push(botText`已加急：${cut(o.name, 12)}（${viaWords(o.buzzed)}）${failures(o)}`);
  for (const o of outcomes.filter((x) => !x.buzzed.length)) lines.push(botText`未能加急：${cut(o.name, 12)}${failures(o)}`);
  if (without.length) lines.push(botText`未加急：${nameList(without)}（还没有收到催办消息）`);
  if (!done.length) lines.push(botText`本次没有加急成功，不计入今日督办，可稍后再试。`);
  return joinText(lines, '\n');
}
