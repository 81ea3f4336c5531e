/** A state phrase (bot/domain/task-state/phrases.ts) as card markdown: the bot's words as they are, the plan's and people's escaped. */
import type { Phrase } from '../../domain/task-state/phrases.js';
import { cut, figure, joinMd, md, type Md } from '../safe-text.js';

/** `max`: the most characters one outside piece (a label, a unit, a note) shows. */
export function phraseMd(p: Phrase, max = 40): Md {
  return joinMd(p.map((x) => ('ours' in x ? figure(x.ours) : md`${cut(x.theirs, max)}`)), '');
}
