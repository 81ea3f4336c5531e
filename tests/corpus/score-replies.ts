/** Scores the reply reader on tests/corpus/replies, fact by fact. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readReply } from '../../bot/domain/reply/read-reply.js';
import { anyOf, Tally } from './facts.js';
import { corpusReplies, type CorpusReply } from './schema.js';

export function scoreReplies(dir: string, tally = new Tally()): Tally {
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const doc = corpusReplies.parse(JSON.parse(readFileSync(join(dir, f), 'utf8')));
    doc.items.forEach((item, i) => scoreReply(`${f}#${i + 1}`, item, tally));
  }
  return tally;
}

function scoreReply(name: string, item: CorpusReply, t: Tally): void {
  const read = readReply({ text: item.text, targets: item.targets, now: new Date(`${item.at}T12:00:00+08:00`) });
  const ex = item.expected;
  const where = { doc: name, where: item.text.slice(0, 40) };
  const fact = (kind: string, ok: boolean, expected: unknown, got: unknown) => t.fact(kind, ok, { ...where, expected, got });
  const statuses = ex.status === null ? [null] : anyOf(ex.status);
  fact('status', statuses.includes(read.status as never), ex.status, read.status);
  // A done statement implies 100%: not an extra percent when the text states none. The reader's percent is the
  // task's progress, 0..100: 「完成率155%」 is recorded as 100 (the value itself keeps the 155%).
  const percentOk =
    ex.percent === null
      ? read.percent === null || (read.percent === 100 && read.status === 'done')
      : anyOf(ex.percent).some((p) => Math.abs(Math.min(100, p) - (read.percent ?? Number.NaN)) < 1e-6);
  fact('percent', percentOk, ex.percent, read.percent);
  fact('expectedOn', ex.expectedOn === null ? read.expectedOn === null : anyOf(ex.expectedOn).includes(read.expectedOn as string), ex.expectedOn, read.expectedOn);
  t.list('value', ex.values, read.values.map((v) => ({ target: v.target, value: v.value })),
    (a, b) => a.target === b.target && Math.abs(a.value - b.value) <= 1e-6 * Math.max(1, Math.abs(a.value)), where);
}
