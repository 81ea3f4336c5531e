/**
 * The shape a work plan (工作要点) takes once parsed. Pure data, no I/O.
 * Dates are calendar dates as 'YYYY-MM-DD' strings (no time zone involved).
 */

/** level: a stock to reach (「有效期高企达140家」); cumulative: a running total
 *  over the period (「累计70项」); money and percent as their units say. */
export type TargetKind = 'level' | 'cumulative' | 'money' | 'percent';
export type Comparator = 'at_least' | 'at_most' | 'exactly';

/** A numeric target (指标). */
export interface ParsedTarget {
  value: number;
  unit: string;
  comparator: Comparator;
  /** What is counted, e.g. 「有效期高企」. */
  label: string;
  /** The phrase the target came from, verbatim. */
  text: string;
  kind: TargetKind;
  /** Where a level starts, when the text says (「由118家增至140家」 → 118). */
  baseline?: number;
}

/** A dated step inside a task's text (时间节点): 「6月底前完成评估」. */
export interface ParsedMilestone {
  /** YYYY-MM-DD. */
  due: string;
  /** The clause the date stands in, trimmed. */
  text: string;
}

export interface ParsedTask {
  /** Stable identifier within the plan: '7', '2.3', or a section ordinal such as '七'. */
  code: string;
  /** The number the plan gives the task; null for a section that is its own task. */
  number: number | null;
  /** Ordinal of the innermost section the task belongs to, or null. */
  section: string | null;
  /** The first clause, e.g. 「培育高新技术企业」. */
  title: string;
  body: string;
  targets: ParsedTarget[];
  leadUnits: string[];
  collaborators: string[];
  leaders: string[];
  /** YYYY-MM-DD; the plan's period end when the task names none. */
  deadline: string;
  /** The words the deadline came from, or null when defaulted. */
  deadlineText: string | null;
  /** YYYY-MM-DD when the plan gives the task its own start (「4月—6月」), else null. */
  startDate?: string | null;
  /** Dated steps in the text before the deadline (or after it), by due date; none on the deadline itself. */
  milestones: ParsedMilestone[];
}

export interface ParsedSection {
  /** 「一」, or 「一（二）」 for a sub-section. */
  ordinal: string;
  title: string;
  /** Ordinal of the enclosing section for a sub-section, else null. */
  parent: string | null;
}

export interface PlanHeader {
  title: string;
  issuer: string | null;
  year: number;
  issuedOn: string | null;
  /** YYYY-MM-DD: 1 January, or the first day of the quarter / half / month of a shorter plan. */
  periodStart: string;
  /** YYYY-MM-DD: year end, or quarter / half-year end for shorter plans. */
  periodEnd: string;
}

export interface ParsedPlan {
  plan: PlanHeader;
  sections: ParsedSection[];
  tasks: ParsedTask[];
  /** Things the parser noticed but could not settle, in Chinese, for the user. */
  warnings: string[];
}

/** A plan document as read from a file, before parsing. */
export type PlanSource =
  | { kind: 'text'; name: string; text: string }
  | { kind: 'table'; name: string; rows: string[][]; preface: string[] };

/** Raised for input that is not a usable plan; `message` is Chinese, for the user. */
export class PlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlanError';
  }
}
