/**
 * The fixed bounds on a plan document (STYLE habit 13): what the readers and the
 * parser refuse, with a Chinese PlanError naming the limit, before the work
 * gets expensive. The time and memory budget of a read are configuration
 * (IMPORT_TIMEOUT_SECONDS, IMPORT_MEMORY_MB); docs/plans.md lists all.
 */

const MB = 1024 * 1024;

export const LIMITS = {
  /** A plan file as sent or stored. */
  fileBytes: 10 * MB,
  /** .docx/.xlsx: entries in the zip directory. */
  zipEntries: 1000,
  /** .docx/.xlsx: one entry, inflated. */
  zipEntryBytes: 50 * MB,
  /** .docx/.xlsx: all the entries that are read, inflated (images are not read). */
  unzippedBytes: 100 * MB,
  /** .docx: XML elements in the document body (a table row is a dozen or more). */
  docxElements: 500_000,
  /** .docx: nesting of XML elements (a table inside a table adds about four). */
  docxDepth: 200,
  /** Tables: the last row with content (its number in the sheet or file). */
  rows: 15_000,
  /** Tables: the last column with content. */
  columns: 100,
  /** Tables: cells with content, all sheets together. */
  cells: 300_000,
  /** Characters of text (all cells of a table together). */
  chars: 3_000_000,
  /** Tasks in one plan. */
  tasks: 10_000,
  /** Numbered items of a prose plan's outline: sections, tasks and their sub-items together. */
  outlineItems: 100_000,
  /** Highest task number (「12345.」); a longer number is refused, never read as text. */
  taskNumber: 99_999,
  /** Targets kept per task; the rest are dropped with a warning. */
  targetsPerTask: 50,
  /** Milestones (时间节点) kept per task; the rest are dropped with a warning. */
  milestonesPerTask: 12,
  /** Lead units, collaborators and leaders kept per task, each; the rest are dropped with a warning. */
  namesPerTask: 50,
} as const;

/** 「16 KB」, 「1.5 MB」, 「120 MB」 */
export function formatMb(bytes: number): string {
  if (bytes < MB) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  const mb = bytes / MB;
  // Stryker disable next-line EqualityOperator: at exactly 10 MB both give 「10 MB」
  return `${mb < 10 ? Number(mb.toFixed(1)) : Math.round(mb)} MB`;
}

/** 「10,000」 with thousands separators, as Chinese office software writes them. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
