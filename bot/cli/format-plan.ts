/** The readable summary `workplan parse` prints. Pure. */
import { describeTarget } from '../domain/plan/describe.js';
import type { ParsedPlan } from '../domain/plan/types.js';

export function formatPlanSummary(p: ParsedPlan): string {
  const out: string[] = [];
  const h = p.plan;
  out.push(`《${h.title}》`);
  out.push(`发文单位：${h.issuer ?? '（未识别）'}　年度：${h.year}　印发日期：${h.issuedOn ?? '（未识别）'}　计划期末：${h.periodEnd}`);
  const targets = p.tasks.reduce((n, t) => n + t.targets.length, 0);
  out.push(`共 ${p.sections.length} 个部分、${p.tasks.length} 项任务、${targets} 个量化指标`);
  const bySection = new Map<string | null, typeof p.tasks>();
  for (const t of p.tasks) bySection.set(t.section, [...(bySection.get(t.section) ?? []), t]);
  const groups: [string | null, string][] = [[null, ''], ...p.sections.map((s): [string, string] => [s.ordinal, s.title])];
  for (const [ordinal, title] of groups) {
    const tasks = bySection.get(ordinal);
    if (!tasks?.length) continue;
    out.push('');
    if (ordinal) out.push(`${ordinal}、${title}`);
    for (const t of tasks) {
      out.push(`  [${t.code}] ${t.title}　（完成时限 ${t.deadline}）`);
      for (const m of t.milestones) out.push(`      节点：${m.due} ${m.text}`);
      for (const g of t.targets) out.push(`      指标：${describeTarget(g)}（${kindWord(g.kind)}；原文「${g.text}」）`);
      if (t.leadUnits.length) out.push(`      牵头：${t.leadUnits.join('、')}`);
      if (t.collaborators.length) out.push(`      配合：${t.collaborators.join('、')}`);
      if (t.leaders.length) out.push(`      责任领导：${t.leaders.join('、')}`);
    }
  }
  return out.join('\n') + '\n';
}

function kindWord(kind: string): string {
  return { level: '存量', cumulative: '累计', money: '金额', percent: '比例' }[kind] ?? kind;
}
