/**
 * One digest covering every plan in force (a chat's 合并 choice, /subscribe 合并): the plans' own digests
 * (each built by buildDigest from the engine's states; nothing computed here), one after another under each
 * plan's title, in as many cards as the size budget needs (「（第2/3页）」). Never @-mentions. Pure.
 */
import type { DigestModel } from '../../domain/digest/model.js';
import { LIGHT_ORDER } from '../../domain/digest/words.js';
import { LIGHT_EMOJI } from '../../domain/task-state/words.js';
import { cut, md } from '../safe-text.js';
import { card, markdown, type Card, type Element } from './card.js';
import { elementCount } from './card-size.js';
import { blocks, DIGEST_CARD_BYTES, DIGEST_CARD_ELEMENTS, digestCards, TEMPLATE, type DigestCardOptions } from './digest-cards.js';
import { mdWriter as w } from './digest-items.js';
import { jsonBytes, paginate, type Block } from './digest-pages.js';

function frame(models: readonly DigestModel[], elements: Element[], page: number, pages: number): Card {
  const paging = pages > 1 ? `（第${page}/${pages}页）` : '';
  const worst = LIGHT_ORDER.find((l) => models.some((m) => m.worst === l)) ?? 'none';
  const lights = LIGHT_ORDER.map((l) => [l, models.reduce((n, m) => n + m.lights[l], 0)] as const)
    .filter(([, n]) => n > 0).map(([l, n]) => `${LIGHT_EMOJI[l]}${n}`).join(' ');
  const head = models[0]!.header;
  return card({
    title: `工作要点周报（${models.length}份计划）${paging}`,
    subtitle: head.weekLabel,
    template: TEMPLATE[worst],
    summary: cut(`第${head.weekNumber}周周报${paging}：${lights}`, 60),
    elements,
  });
}

/** The plans' digests in one; a single plan's digest is its own card(s). Empty when there is no plan. */
export function combinedDigestCards(models: readonly DigestModel[], opts: DigestCardOptions): Card[] {
  if (models.length === 0) return [];
  if (models.length === 1) return digestCards(models[0]!, opts);
  const all: Block[] = models.flatMap((m) => {
    const showMissing = opts.audience === 'admin' || (opts.showMissing ?? m.showMissingInGroup);
    const title: Block = { kind: 'single', element: markdown(md`**📋 ${w.esc(m.header.plan.title, 40)}**`) };
    return [title, ...blocks(m, showMissing)];
  });
  const empty = frame(models, [], 999, 999);
  const pages = paginate(all, { bytes: DIGEST_CARD_BYTES - jsonBytes(empty), elements: DIGEST_CARD_ELEMENTS - elementCount(empty) });
  return pages.map((elements, i) => frame(models, elements, i + 1, pages.length));
}
