/** The digest as plain text, for the CLI preview. Same content as the card, no markup. Pure. */
import type { DigestModel, DigestTask } from './model.js';
import { changePhrase, deadlinePhrase, duePhrase, ownersPhrase, plainWriter as w, reasonPhrase, targetPhrase, type Writer } from './phrases.js';
import { DIGEST_STATUS_WORDS, LIGHT_EMOJI, LIGHT_ORDER, monthDay, percent, STATUS_ORDER } from './words.js';

const esc = w.esc;

/** 「共23项 🔴3 🟡5 ⚪2 🟢13｜按计划10 有风险3 …｜时间进度28%」 */
export function summaryLine<S>(m: DigestModel, out: Writer<S>): S {
  const lights = LIGHT_ORDER.filter((l) => m.lights[l] > 0).map((l) => ` ${LIGHT_EMOJI[l]}${m.lights[l]}`).join('');
  const statuses = STATUS_ORDER.filter((s) => s !== 'unknown' || m.counts.unknown > 0).map((s) => `${DIGEST_STATUS_WORDS[s]} ${m.counts[s]}`).join(' · ');
  return out.t`共${m.total}项${lights}｜${statuses}｜时间进度${out.fig(percent(m.header.timeShare))}`;
}

function taskLines(t: DigestTask): string[] {
  const head = `${LIGHT_EMOJI[t.light]} 任务${esc(t.code, 12)} ${esc(t.title, 60)}｜${DIGEST_STATUS_WORDS[t.status]}${t.paused ? '（已暂停）' : ''}｜${ownersPhrase(t, w, 5)}｜${deadlinePhrase(t, w)}`;
  const lines = [head, ...t.targets.map((x) => `    ${targetPhrase(x, w)}`)];
  if (t.percent !== null) lines.push(`    自报进度 ${t.percent}%`);
  if (t.latest) lines.push(`    最新进展（${monthDay(t.latest.date)}）：「${esc(t.latest.text, 60)}」`);
  if (t.changes.length > 0) lines.push(`    本周变化：${t.changes.map((c) => changePhrase(c, w)).join('；')}`);
  return lines;
}

export function digestText(m: DigestModel): string {
  const out: string[] = [`${esc(m.header.planTitle, 80)} 周报 · ${m.header.weekLabel}`, summaryLine(m, w), ''];
  out.push('【需要领导关注】');
  if (m.needsLeaders.length === 0) out.push('  无');
  for (const a of m.needsLeaders) {
    out.push(`${LIGHT_EMOJI[a.light]} 任务${esc(a.code, 12)} ${esc(a.title, 60)}（${ownersPhrase(a, w, 5)}）`);
    for (const r of a.reasons) out.push(`    ${reasonPhrase(r, w, 100)}`);
  }
  out.push('');
  for (const s of m.sections) {
    const title = s.ordinal ? `${esc(s.ordinal, 8)}、${esc(s.title, 40)}` : esc(s.title, 40);
    out.push(`== ${LIGHT_EMOJI[s.light]} ${title}（${s.tasks.length}项）`);
    for (const t of s.tasks) out.push(...taskLines(t));
    out.push('');
  }
  out.push(`【近两周到期】（${m.dueWithinDays}天内）`);
  if (m.dueSoon.length === 0) out.push('  无');
  for (const d of m.dueSoon) out.push(duePhrase(d, w, 60));
  out.push('', '【未报送】');
  if (m.missing.length === 0) out.push('  本期已全部报送');
  for (const p of m.missing) out.push(`  ${esc(p.name, 12)}：${p.tasks.map((t) => `任务${esc(t.code, 12)} ${esc(t.title, 30)}`).join('、')}`);
  return `${out.join('\n')}\n`;
}
