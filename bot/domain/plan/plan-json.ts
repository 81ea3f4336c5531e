/** The documented JSON shape of a parsed plan (`workplan parse --json`). Pure. */
import type { ParsedPlan } from './types.js';

export function toPlanJson(p: ParsedPlan) {
  return {
    plan: { title: p.plan.title, issuer: p.plan.issuer, year: p.plan.year, issuedOn: p.plan.issuedOn, periodStart: p.plan.periodStart, periodEnd: p.plan.periodEnd },
    sections: p.sections.map((s) => ({ ordinal: s.ordinal, title: s.title })),
    tasks: p.tasks.map((t) => ({
      code: t.code,
      number: t.number,
      section: t.section,
      title: t.title,
      body: t.body,
      targets: t.targets.map((g) => ({ value: g.value, unit: g.unit, comparator: g.comparator, label: g.label, text: g.text, kind: g.kind, baseline: g.baseline ?? null })),
      leadUnits: t.leadUnits,
      collaborators: t.collaborators,
      leaders: t.leaders,
      deadline: t.deadline,
      milestones: t.milestones.map((m) => ({ due: m.due, text: m.text })),
    })),
  };
}
