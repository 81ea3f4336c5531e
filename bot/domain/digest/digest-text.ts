/** The digest as plain text, for the CLI preview. Same content as the card, no markup. Pure. */
import { dateWord, LIGHT_EMOJI } from '../task-state/words.js';
import type { DigestModel, DigestTask } from './model.js';
import {
  changePhrase, deadlinePhrase, duePhrase, laterPhrase, milestonePhrase, noneMissingWords, ownersPhrase, plainWriter as w, reasonPhrase, summaryLine, targetPhrase, type Dated,
} from './phrases.js';
import { DIGEST_STATUS_WORDS } from './words.js';
import { laterWord } from '../task-state/phrases.js';

const esc = w.esc;

function taskLines(t: DigestTask, d: Dated): string[] {
  const head = `${LIGHT_EMOJI[t.state.light]} 任务${esc(t.shownCode, 16)} ${esc(t.title, 60)}｜${DIGEST_STATUS_WORDS[t.status]}｜${ownersPhrase(t, w, 5)}｜${deadlinePhrase(t, w, d)}${t.evidence > 0 ? `｜📎 ${t.evidence}` : ''}`;
  const lines = [head, ...t.state.targets.map((x) => `    ${targetPhrase(x, w, d, t.trends[String(x.targetId)])}`)];
  if (t.state.nextMilestone) lines.push(`    ${milestonePhrase(t.state.nextMilestone, w, d)}`);
  const later = laterPhrase(t, w, d);
  if (later !== null) lines.push(`    ${later}`);
  if (t.state.percent !== null) lines.push(`    自报进度 ${t.state.percent}%`);
  if (t.latest) lines.push(`    最新进展（${dateWord(t.latest.date, d.today)}）：「${esc(t.latest.text, 60)}」`);
  if (t.instruction) lines.push(`    最新批示（${esc(t.instruction.by, 12)}，${dateWord(t.instruction.date, d.today)}）：「${esc(t.instruction.text, 60)}」`);
  if (t.changes.length > 0) lines.push(`    本周变化：${t.changes.map((c) => changePhrase(c, w)).join('；')}`);
  return lines;
}

export function digestText(m: DigestModel): string {
  const d = m.header;
  const out: string[] = [`${esc(d.plan.title, 80)} 周报 · ${d.weekLabel}`, summaryLine(m, w), ''];
  out.push('【需要领导关注】');
  if (m.needsLeaders.length === 0) out.push('  无');
  for (const a of m.needsLeaders) {
    out.push(`${LIGHT_EMOJI[a.light]} 任务${esc(a.shownCode, 16)} ${esc(a.title, 60)}｜${DIGEST_STATUS_WORDS[a.status]}（${ownersPhrase(a, w, 5)}）`);
    for (const r of a.reasons) out.push(`    ${reasonPhrase(r, w, 100, d)}`);
  }
  out.push('');
  for (const s of m.sections) {
    const title = s.ordinal ? `${esc(s.ordinal, 8)}、${esc(s.title, 40)}` : esc(s.title, 40);
    out.push(`== ${LIGHT_EMOJI[s.light]} ${title}（${s.tasks.length}项）`);
    for (const t of s.tasks) out.push(...taskLines(t, d));
    out.push('');
  }
  out.push(`【近两周到期】（${m.dueWithinWorkdays}个工作日内）`);
  if (m.dueSoon.length === 0) out.push('  无');
  for (const x of m.dueSoon) out.push(duePhrase(x, w, 60, d));
  out.push('', '【未报送】');
  if (m.missing.length === 0) out.push(`  ${noneMissingWords(m.reporting)}`);
  for (const p of m.missing) out.push(`  ${esc(p.name, 12)}：${p.tasks.map((t) => `任务${esc(t.shownCode, 16)} ${esc(t.title, 30)}${t.later ? `（${laterWord({ date: t.later.date, ask: null }, d.today)}）` : ''}`).join('、')}`);
  return `${out.join('\n')}\n`;
}
