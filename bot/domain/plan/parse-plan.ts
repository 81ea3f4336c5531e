/**
 * Entry point of the plan parser: a PlanSource in, a ParsedPlan out. Pure, and linear in
 * the size of the source, which is bounded (LIMITS) before anything else is done.
 */
import { checkSourceSize } from './limits-check.js';
import { parseProse } from './parse-prose.js';
import { findHeaderRow, parseTable } from './parse-table.js';
import { PlanError, type ParsedPlan, type PlanSource } from './types.js';

export interface ParseOptions {
  /** The year to assume when the document names none (the caller's current year). */
  fallbackYear?: number;
}

export function parsePlan(source: PlanSource, options: ParseOptions = {}): ParsedPlan {
  const fallbackYear = options.fallbackYear ?? 2022;
  checkSourceSize(source);
  if (source.kind === 'table') return parseTable(source.rows, source.preface, source.name, fallbackYear);
  const text = source.text.replace(/^\uFEFF/, '');
  if (!text.trim()) throw new PlanError('文件是空的：没有可以导入的内容。');
  // Text that is really a table (pasted from a spreadsheet): tab-separated with a task header.
  const rows = text.split(/\r?\n/).map((l) => l.split('\t'));
  if (rows.some((r) => r.length >= 3) && findHeaderRow(rows) >= 0) {
    // Stryker disable next-line ArrayDeclaration: the mutant's preface line names no title, office, year or date
    return parseTable(rows, [], source.name, fallbackYear);
  }
  return parseProse(text, source.name, fallbackYear);
}

export { PlanError };
