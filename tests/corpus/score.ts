/** Both scorers over the corpus, summarised per kind of fact. */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { pct, type Miss, Tally } from './facts.js';
import { scorePlans } from './score-plans.js';
import { scoreReplies } from './score-replies.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));

export interface Summary {
  /** Percent right, overall and per kind of fact. */
  total: number;
  facts: number;
  byKind: Record<string, number>;
}

export interface CorpusScore {
  plans: Summary;
  replies: Summary;
  misses: { plans: Miss[]; replies: Miss[] };
  counts: { plans: Tally; replies: Tally };
}

function summary(t: Tally): Summary {
  const { right, total } = t.total();
  const byKind: Record<string, number> = {};
  for (const [k, c] of [...t.counts].sort(([a], [b]) => a.localeCompare(b))) byKind[k] = pct(c.right, c.total);
  return { total: pct(right, total), facts: total, byKind };
}

export async function scoreCorpus(dir = HERE): Promise<CorpusScore> {
  const plans = await scorePlans(join(dir, 'plans'));
  const replies = scoreReplies(join(dir, 'replies'));
  return {
    plans: summary(plans),
    replies: summary(replies),
    misses: { plans: plans.misses, replies: replies.misses },
    counts: { plans, replies },
  };
}
