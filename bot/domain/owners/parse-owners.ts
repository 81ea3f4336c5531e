/**
 * The owners file (责任分工表): one row per person per task, with the task's
 * code and the person's name, plus any of role, open_id, email, mobile and
 * department. Pure: rows in, assignments out, or Chinese errors with row numbers.
 */
import { parseChineseNumeral, toAsciiDigits } from '../plan/numerals.js';

export type Role = 'owner' | 'collaborator' | 'leader';

export interface OwnerRow {
  /** 1-based row number in the file, for messages. */
  line: number;
  taskCode: string;
  name: string;
  role: Role;
  openId: string | null;
  email: string | null;
  mobile: string | null;
  department: string | null;
}

type Column = 'task' | 'name' | 'role' | 'openId' | 'email' | 'mobile' | 'department';

const COLUMNS: [Column, RegExp][] = [
  ['openId', /^(open_?id|openid|飞书id|飞书ID)$/i],
  ['email', /(邮箱|email|e-mail|邮件)/i],
  ['mobile', /(手机|电话|mobile|phone)/i],
  ['department', /(部门|科室|股室|单位|处室|department)/i],
  ['role', /(角色|职责|role|类别)/i],
  ['name', /(姓名|名字|人员|责任人|name)/i],
  ['task', /(任务编号|任务序号|编号|序号|任务|task|code)/i],
];

const ROLE_WORDS: [Role, RegExp][] = [
  ['leader', /(领导|leader|分管)/i],
  ['collaborator', /(协办|配合|协助|collaborator|协同)/i],
  ['owner', /(责任人|负责人|经办|主办|owner|牵头|^$)/i],
];

/** One thing wrong in the file, at its 1-based row. */
export interface OwnersProblem {
  line: number;
  text: string;
}

/** What a file says: the rows that are whole, every line's task code, and everything wrong with it. */
export interface OwnersReading {
  rows: OwnerRow[];
  /** Every person line's task code (also of lines with other problems), for the plan's check. */
  codes: { line: number; taskCode: string }[];
  problems: OwnersProblem[];
}

export class OwnersError extends Error {
  override name = 'OwnersError';
}

const SHOWN = 20;

/** 「责任分工表有 3 处问题，未做任何修改：」 and each, in row order (the first 20, then how many more). */
export function problemsMessage(problems: OwnersProblem[]): string {
  const sorted = [...problems].sort((a, b) => a.line - b.line);
  const more = sorted.length > SHOWN ? [`……另有 ${sorted.length - SHOWN} 处`] : [];
  return `责任分工表有 ${sorted.length} 处问题，未做任何修改：\n${[...sorted.slice(0, SHOWN).map((p) => `第 ${p.line} 行：${p.text}`), ...more].join('\n')}`;
}

export function columnOf(cell: string): Column | null {
  const c = cell.replace(/\s/g, '');
  if (!c) return null;
  return COLUMNS.find(([, re]) => re.test(c))?.[0] ?? null;
}

export function normaliseTaskCode(raw: string): string {
  const s = toAsciiDigits(raw.trim()).replace(/^(任务|#|第)/, '').replace(/[项号.、]$/, '').trim();
  if (/^[一二三四五六七八九十]+$/.test(s)) return s; // a section that is its own task: 七
  const cn = parseChineseNumeral(s);
  return cn !== null && !/^\d/.test(s) ? String(cn) : s;
}

/** The rows, or an OwnersError listing every problem with its row. */
export function parseOwners(rows: string[][]): OwnerRow[] {
  const r = readOwners(rows);
  if (r.problems.length) throw new OwnersError(problemsMessage(r.problems));
  if (!r.rows.length) throw new OwnersError('责任分工表中没有任何人员行。');
  return r.rows;
}

/** Reads every line and keeps every problem (a file with several kinds of mistake is told all of them at once). */
export function readOwners(rows: string[][]): OwnersReading {
  const headerIdx = rows.findIndex((r) => {
    const cols = r.map(columnOf);
    return cols.includes('task') && cols.includes('name');
  });
  if (headerIdx < 0) throw new OwnersError('责任分工表缺少表头：需要「任务编号」和「姓名」两列（可另加 角色、open_id、邮箱、手机、部门）。');
  const cols = rows[headerIdx]!.map(columnOf);
  const at = (r: string[], c: Column) => {
    const i = cols.indexOf(c);
    return i < 0 ? '' : (r[i] ?? '').trim();
  };
  const out: OwnerRow[] = [];
  const codes: OwnersReading['codes'] = [];
  const problems: OwnersProblem[] = [];
  rows.slice(headerIdx + 1).forEach((r, k) => {
    const line = headerIdx + 2 + k;
    if (r.every((c) => !c?.trim())) return;
    const wrong = (text: string) => problems.push({ line, text });
    const taskCode = normaliseTaskCode(at(r, 'task'));
    const name = at(r, 'name');
    const roleText = at(r, 'role');
    const role = ROLE_WORDS.find(([, re]) => re.test(roleText))?.[0];
    const email = at(r, 'email') || null;
    const mobile = at(r, 'mobile').replace(/[\s-]/g, '') || null;
    const openId = at(r, 'openId') || null;
    if (taskCode) codes.push({ line, taskCode });
    if (!taskCode) wrong('缺少任务编号');
    if (!name) wrong('缺少姓名');
    if (!role) wrong(`无法识别角色「${roleText}」（可填 责任人 / 协办 / 责任领导）`);
    if (email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) wrong(`邮箱「${email}」格式不正确`);
    if (mobile && !/^\+?\d{6,15}$/.test(mobile)) wrong(`手机号「${mobile}」格式不正确`);
    if (openId && !/^ou_[A-Za-z0-9_-]{4,}$/.test(openId)) wrong(`open_id「${openId}」格式不正确（应以 ou_ 开头）`);
    if (taskCode && name && role) {
      out.push({ line, taskCode, name, role, openId, email, mobile, department: at(r, 'department') || null });
    }
  });
  return { rows: out, codes, problems };
}
