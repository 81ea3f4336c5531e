/**
 * What the plan worker does: read a plan file (from disk or bytes), parse it,
 * and return the plan with its source text, or the PlanError's Chinese message.
 */
import { parsePlan } from '../domain/plan/parse-plan.js';
import { PlanError, type ParsedPlan, type PlanSource } from '../domain/plan/types.js';
import { decodePlanBytes, readPlanFile } from './read-plan-file.js';

export type ReadJob = ({ path: string } | { name: string; bytes: Uint8Array }) & {
  /** The year to assume when the document names none. */
  fallbackYear: number;
};

export interface ReadPlan {
  parsed: ParsedPlan;
  sourceName: string;
  /** The document as text (a table's rows tab-separated), stored with the plan. */
  sourceText: string;
}

export type ReadOutcome = ({ ok: true } & ReadPlan) | { ok: false; message: string };

export async function readAndParse(job: ReadJob): Promise<ReadOutcome> {
  try {
    const source = 'path' in job ? await readPlanFile(job.path) : await decodePlanBytes(job.name, Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength));
    const parsed = parsePlan(source, { fallbackYear: job.fallbackYear });
    return { ok: true, parsed, sourceName: source.name, sourceText: sourceTextOf(source) };
  } catch (e) {
    if (e instanceof PlanError) return { ok: false, message: e.message };
    throw e;
  }
}

export function sourceTextOf(source: PlanSource): string {
  return source.kind === 'text' ? source.text : source.rows.map((r) => r.join('\t')).join('\n');
}
