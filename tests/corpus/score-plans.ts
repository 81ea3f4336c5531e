/** Scores the plan parser on tests/corpus/plans, fact by fact. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlan } from '../../bot/domain/plan/parse-plan.js';
import { PlanError, type ParsedPlan, type ParsedTask } from '../../bot/domain/plan/types.js';
import { readPlanFile } from '../../bot/plan-files/read-plan-file.js';
import { anyOf, norm, Tally } from './facts.js';
import { corpusPlan, type CorpusPlan } from './schema.js';

/** The year an admin importing today would have: none of the corpus's plans is for it. */
const IMPORT_YEAR = 2026;

type Expected = CorpusPlan['expected'];
type ExpectedTask = Expected['tasks'][number];

export async function scorePlans(dir: string, tally = new Tally()): Promise<Tally> {
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const doc = corpusPlan.parse(JSON.parse(readFileSync(join(dir, f), 'utf8')));
    let parsed: ParsedPlan | null = null;
    try {
      parsed = parsePlan(await readPlanFile(join(dir, doc.file)), { fallbackYear: IMPORT_YEAR });
    } catch (e) {
      if (!(e instanceof PlanError)) throw e;
    }
    scorePlan(doc.file, doc.expected, parsed, tally);
  }
  return tally;
}

function scorePlan(name: string, ex: Expected, got: ParsedPlan | null, t: Tally): void {
  const h = got?.plan;
  const at = (where: string) => ({ doc: name, where });
  if (ex.tasks.length === 0) {
    // Nothing to import (a cover notice alone): a refusal, or a plan without tasks, is the right answer.
    t.fact('taskCount', !got || got.tasks.length === 0, { ...at('plan'), expected: 0, got: got?.tasks.length ?? 'refused' });
    return;
  }
  const issuers = ex.issuer === null ? [null] : anyOf(ex.issuer);
  t.fact('issuer', issuers.some((i) => norm(i) === norm(h?.issuer)), { ...at('plan'), expected: ex.issuer, got: h?.issuer ?? null });
  t.fact('year', h?.year === ex.year, { ...at('plan'), expected: ex.year, got: h?.year ?? null });
  t.fact('issuedOn', (h?.issuedOn ?? null) === ex.issuedOn, { ...at('plan'), expected: ex.issuedOn, got: h?.issuedOn ?? null });
  t.fact('taskCount', got?.tasks.length === ex.tasks.length, { ...at('plan'), expected: ex.tasks.length, got: got?.tasks.length ?? 0 });
  t.list('section', ex.sections, got?.sections.map((s) => ({ ordinal: s.ordinal, title: s.title })) ?? [],
    (a, b) => a.ordinal === b.ordinal && norm(a.title) === norm(b.title), at('sections'));
  const tasks = alignTasks(ex.tasks, got?.tasks ?? []);
  ex.tasks.forEach((e, i) => scoreTask(name, e, tasks[i] ?? null, t));
}

/** Pairs each expected task with the parsed task that holds its title, in order (null: not found). */
function alignTasks(expected: ExpectedTask[], parsed: ParsedTask[]): (ParsedTask | null)[] {
  let from = 0;
  return expected.map((e) => {
    const keys = anyOf(e.title).map((s) => norm(s).slice(0, 12)).filter(Boolean);
    for (const start of [from, 0]) {
      const i = parsed.findIndex((p, j) => j >= start && keys.some((k) => norm(p.title + p.body).includes(k) || norm(p.title).startsWith(k)));
      if (i >= 0) {
        from = i + 1;
        return parsed[i]!;
      }
    }
    return null;
  });
}

function scoreTask(name: string, e: ExpectedTask, p: ParsedTask | null, t: Tally): void {
  const where = { doc: name, where: `task ${anyOf(e.code)[0]} ${norm(anyOf(e.title)[0]).slice(0, 16)}` };
  const fact = (kind: string, ok: boolean, expected: unknown, got: unknown) => t.fact(kind, ok, { ...where, expected, got });
  fact('code', !!p && anyOf(e.code).includes(p.code), e.code, p?.code ?? 'no task');
  fact('title', !!p && anyOf(e.title).some((s) => norm(s) === norm(p.title)), e.title, p?.title ?? 'no task');
  fact('section', !!p && p.section === e.section, e.section, p?.section ?? 'no task');
  fact('deadline', !!p && anyOf(e.deadline).includes(p.deadline), e.deadline, p?.deadline ?? 'no task');
  t.list('target', e.targets, p?.targets ?? [], (a, b) => Math.abs(a.value - b.value) < 1e-9 && norm(a.unit) === norm(b.unit), where);
  t.list('leadUnit', e.leadUnits.map(norm), (p?.leadUnits ?? []).map(norm), (a, b) => a === b, where);
  t.list('collaborator', e.collaborators.map(norm), (p?.collaborators ?? []).map(norm), (a, b) => a === b, where);
  t.list('leader', e.leaders.map(norm), (p?.leaders ?? []).map(norm), (a, b) => a === b, where);
}
