/**
 * The demo's people: staff and leaders from the example's owners file, plus
 * one admin. Each member of staff gets a way of answering nudges, in order of
 * first appearance, so any owners file makes a varied cast: one writes
 * numbers, one never answers (left for whoever plays them in the console),
 * one clicks, one fills the form, one reports a risk, one goes on leave, one
 * is blocked and asks for an extension, one answers a day late, one gives a
 * completion date.
 */
import type { OwnerRow } from '../domain/owners/parse-owners.js';

export type Style = 'numbers' | 'silent' | 'button' | 'form' | 'risk' | 'leave' | 'blocker' | 'slow' | 'date';

const STYLES: Style[] = ['numbers', 'silent', 'button', 'form', 'risk', 'leave', 'blocker', 'slow', 'date'];

export interface CastMember {
  openId: string;
  name: string;
  kind: 'staff' | 'leader' | 'admin';
  unit: string;
  /** How a member of staff answers; leaders and the admin have none. */
  style: Style | null;
  /** Shown in the console: '科员（高新科）', '分管领导', '管理员（办公室）'. */
  label: string;
}

export const DEMO_ADMIN = { openId: 'ou_demo_admin_wujing', name: '吴静', unit: '办公室' } as const;
export const LEADERS_GROUP = { chatId: 'oc_demo_leaders_group_0000000001', name: '局领导周报群' } as const;

const STYLE_WORDS: Record<Style, string> = {
  numbers: '报数字', silent: '从不回复', button: '点按钮', form: '填表单', risk: '报风险',
  leave: '请假', blocker: '遇阻并申请延期', slow: '隔天回复', date: '报完成日期',
};

export function castFrom(rows: OwnerRow[]): CastMember[] {
  const cast = new Map<string, CastMember>();
  let staff = 0;
  for (const r of rows) {
    if (!r.openId || cast.has(r.openId)) continue;
    const unit = r.department ?? '';
    if (r.role === 'leader') {
      cast.set(r.openId, { openId: r.openId, name: r.name, kind: 'leader', unit, style: null, label: '责任领导' });
      continue;
    }
    const style = STYLES[staff++ % STYLES.length]!;
    cast.set(r.openId, { openId: r.openId, name: r.name, kind: 'staff', unit, style, label: `${unit || '科室'}·${STYLE_WORDS[style]}` });
  }
  cast.set(DEMO_ADMIN.openId, { ...DEMO_ADMIN, kind: 'admin', style: null, label: `管理员（${DEMO_ADMIN.unit}）` });
  return [...cast.values()];
}
