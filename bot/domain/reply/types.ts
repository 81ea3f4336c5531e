/**
 * What the reply reader returns: the status, overall progress, target values,
 * expected completion date and blocker that a check-in reply (进展) states.
 */

/** not_started: 「尚未启动」「未开工」, the work has not begun (whether that is a risk is pace's to say). */
export type ReportStatus = 'on_track' | 'at_risk' | 'blocked' | 'not_started' | 'done';

/** A task's target (指标) as the reader needs it; `text` is the plan's phrase. */
export interface ReplyTarget {
  label: string;
  value: number;
  unit: string;
  kind: 'level' | 'cumulative' | 'money' | 'percent';
  text?: string;
}

/** A number the reply reports for one target, converted into that target's unit. */
export interface ReplyValue {
  value: number;
  unit: string;
  /** Index into the targets passed in. */
  target: number;
}

export interface ReadReply {
  /** null when the text says nothing about it. */
  status: ReportStatus | null;
  /** 0..100, the task's overall progress when stated. */
  percent: number | null;
  values: ReplyValue[];
  /** YYYY-MM-DD. */
  expectedOn: string | null;
  /** For blocked / at_risk: the clause that states the problem (≤ 80 chars). */
  blocker: string | null;
  /** Readings the reader chose between and could not settle; the owner settles each in one click. */
  doubts: ReplyDoubt[];
}

/**
 * A choice the reader made without being sure of it.
 * value: a number it put on target `chosen` (null: it left the number out) where `others` were as likely;
 * date: the expected date it took (null: none) where `others` were as likely.
 * words: the reply's own words the doubt is about (≤ 40 chars), to show the owner.
 */
export type ReplyDoubt =
  | { kind: 'value'; value: number; unit: string; chosen: number | null; others: number[]; words: string }
  | { kind: 'date'; chosen: string | null; others: string[]; words: string };

export interface ReadReplyInput {
  text: string;
  targets: ReplyTarget[];
  /** The instant the reply was read. */
  now: Date;
  /** IANA zone for relative dates; 'Asia/Shanghai' by default. */
  timeZone?: string;
}
