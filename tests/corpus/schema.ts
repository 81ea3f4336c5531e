/**
 * The shape of the corpus annotations (tests/corpus/README.md says how they are made).
 * Every expected value is what a careful clerk reads in the document, never the parser's output.
 */
import { z } from 'zod';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u);
/** One accepted value, or several when a clerk could fairly enter either. */
const oneOf = <T extends z.ZodTypeAny>(t: T) => z.union([t, z.array(t).min(1)]);

export const corpusTarget = z.object({
  value: z.number(),
  unit: z.string(),
  /** What is counted (「科技型中小企业」); informative, not scored. */
  label: z.string().optional(),
});

export const corpusTask = z.object({
  /** The plan's own number when unique across the plan, else '<section index>.<number>'; a table's 序号. */
  code: oneOf(z.string()),
  /** Ordinal of the innermost section the task is in (「一」, 「一（二）」), or null. */
  section: z.string().nullable(),
  /** What a clerk would enter as the task's name (several accepted forms allowed). */
  title: oneOf(z.string()),
  targets: z.array(corpusTarget),
  leadUnits: z.array(z.string()),
  collaborators: z.array(z.string()),
  leaders: z.array(z.string()),
  /** YYYY-MM-DD: the task's own deadline, or the plan's period end when it names none. */
  deadline: oneOf(day),
});

export const corpusPlan = z.object({
  source: z.string().url(),
  page: z.string(),
  publisher: z.string(),
  kind: z.string(),
  /** The file beside this one that holds the text (.txt) or the table (.tsv). */
  file: z.string(),
  notes: z.string().optional(),
  expected: z.object({
    issuer: oneOf(z.string()).nullable(),
    year: z.number().int(),
    issuedOn: day.nullable(),
    sections: z.array(z.object({ ordinal: z.string(), title: z.string() })),
    tasks: z.array(corpusTask),
  }),
});

export const replyStatus = z.enum(['on_track', 'at_risk', 'blocked', 'done', 'not_started']);

export const corpusReply = z.object({
  /** The statement, verbatim. */
  text: z.string().min(1),
  /** The task it answers, verbatim when the source gives it. */
  task: z.string().optional(),
  /** The task's targets as a clerk reads them from the task text. */
  targets: z.array(corpusTarget.extend({ label: z.string(), kind: z.enum(['level', 'cumulative', 'money', 'percent']) })),
  /** The day the statement was written (the page's date), which relative dates resolve against. */
  at: day,
  expected: z.object({
    /** null: the statement makes no claim; a list may hold null beside a status a clerk could fairly enter. */
    status: z.union([replyStatus, z.array(replyStatus.nullable()).min(1)]).nullable(),
    percent: oneOf(z.number()).nullable(),
    /** Values the statement reports for the targets, in the target's unit; target is an index into targets. */
    values: z.array(z.object({ target: z.number().int().min(0), value: z.number() })),
    expectedOn: oneOf(day).nullable(),
  }),
});

export const corpusReplies = z.object({
  source: z.string().url(),
  page: z.string(),
  publisher: z.string(),
  kind: z.string(),
  notes: z.string().optional(),
  items: z.array(corpusReply).min(1),
});

export type CorpusPlan = z.infer<typeof corpusPlan>;
export type CorpusReplies = z.infer<typeof corpusReplies>;
export type CorpusReply = z.infer<typeof corpusReply>;
