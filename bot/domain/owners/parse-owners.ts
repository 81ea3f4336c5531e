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

export class OwnersError extends Error {
  override name = 'OwnersError';
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

export function parseOwners(rows: string[][]): OwnerRow[] {
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
  const problems: string[] = [];
  rows.slice(headerIdx + 1).forEach((r, k) => {
    const line = headerIdx + 2 + k;
    if (r.every((c) => !c?.trim())) return;
    const taskCode = normaliseTaskCode(at(r, 'task'));
    const name = at(r, 'name');
    const roleText = at(r, 'role');
    const role = ROLE_WORDS.find(([, re]) => re.test(roleText))?.[0];
    const email = at(r, 'email') || null;
    const mobile = at(r, 'mobile').replace(/[\s-]/g, '') || null;
    const openId = at(r, 'openId') || null;
    if (!taskCode) problems.push(`第 ${line} 行：缺少任务编号`);
    if (!name) problems.push(`第 ${line} 行：缺少姓名`);
    if (!role) problems.push(`第 ${line} 行：无法识别角色「${roleText}」（可填 责任人 / 协办 / 责任领导）`);
    if (email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) problems.push(`第 ${line} 行：邮箱「${email}」格式不正确`);
    if (mobile && !/^\+?\d{6,15}$/.test(mobile)) problems.push(`第 ${line} 行：手机号「${mobile}」格式不正确`);
    if (openId && !/^ou_[A-Za-z0-9_-]{4,}$/.test(openId)) problems.push(`第 ${line} 行：open_id「${openId}」格式不正确（应以 ou_ 开头）`);
    if (taskCode && name && role) {
      out.push({ line, taskCode, name, role, openId, email, mobile, department: at(r, 'department') || null });
    }
  });
  if (problems.length) throw new OwnersError(`责任分工表有 ${problems.length} 处问题，未做任何修改：\n${problems.slice(0, 20).join('\n')}`);
  if (!out.length) throw new OwnersError('责任分工表中没有任何人员行。');
  return out;
}
