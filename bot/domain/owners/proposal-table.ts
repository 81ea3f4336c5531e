/**
 * The owners proposal for the terminal (`workplan assign --propose`), section by section as the cards show it,
 * and as an owners file (责任分工表, CSV) that `workplan assign` reads back. Outside text is shown as data:
 * control characters go (no terminal escapes), CSV cells are quoted and a leading =+-@ is defused. Pure.
 */
import { proposalRows, type ProposalTask, type ProposedPerson } from './propose.js';

const ROLE_WORDS = { lead: '牵头单位', collaborator: '配合单位', leader: '责任领导' } as const;
const show = (text: string, max = 60) => {
  const s = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
};
const people = (list: ProposedPerson[]) => (list.length ? list.map((p) => `${show(p.name, 20)}（${show(p.because, 30)}）`).join('、') : '—');

export function proposalTable(planTitle: string, tasks: ProposalTask[]): string {
  const lines = [`《${show(planTitle, 80)}》责任人建议`];
  let section: string | null | undefined;
  for (const t of tasks) {
    if (t.section !== section) {
      section = t.section;
      lines.push('', section ? show(section, 60) : '（未分部分）');
    }
    lines.push(`  ${show(t.code, 12)}  ${show(t.title, 40)}`);
    lines.push(`      责任人：${people(t.owners)}　协办：${people(t.collaborators)}　责任领导：${people(t.leaders)}`);
    for (const m of t.misses) lines.push(`      ⚠ ${ROLE_WORDS[m.role]}${m.name ? `「${show(m.name, 30)}」` : ''}：${show(m.reason, 120)}`);
  }
  const proposed = tasks.filter((t) => t.owners.length).length;
  const missed = tasks.reduce((n, t) => n + t.misses.length, 0);
  lines.push('', `合计：${tasks.length} 项任务，${proposed} 项有建议的责任人，${missed} 处未能匹配。`);
  return `${lines.join('\n')}\n`;
}

const ROLE_CELL = { owner: '责任人', collaborator: '协办', leader: '责任领导' } as const;

/** RFC 4180 quoting; a cell a spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe. */
function cell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The owners file: 任务编号,姓名,角色,open_id — the columns `workplan assign` reads. */
export function proposalCsv(tasks: ProposalTask[]): string {
  const rows = proposalRows(tasks).map((r) => [r.taskCode, r.name, ROLE_CELL[r.role], r.openId ?? ''].map(cell).join(','));
  return `${['任务编号,姓名,角色,open_id', ...rows].join('\n')}\n`;
}
