/**
 * Splits a digest into pages that each fit one card (≤200 elements, ≤30 KB of request body,
 * measured as Feishu does in card-size.ts; we keep a margin). Blocks stay in order; a list that does not fit continues on the next page under a
 * 「（续）」 title. Nothing is dropped: an item too big for an empty page is rendered more
 * compactly (its words trimmed), never left out. Pure.
 */
import type { Md } from '../safe-text.js';
import { markdown, panel, type Element } from './card.js';
import { bodyBytes, elementCount } from './card-size.js';

/** An item rendered at increasing compactness: 0 = full … MAX_SQUEEZE = shortest. */
export type Squeezable = (squeeze: number) => Element;
export const MAX_SQUEEZE = 3;

export type Block =
  | { kind: 'single'; element: Element }
  | { kind: 'list'; container: 'panel' | 'plain'; title: Md; continued: Md; expanded: boolean; items: Squeezable[] };

export interface PageLimits {
  /** Bytes the elements may take in the request body (the card's budget minus its frame). */
  bytes: number;
  /** Elements per card, counted as elementCount does (nested ones and plain_text included). */
  elements: number;
}

/** Bytes `x` takes in the request body (card-size.ts). */
export const jsonBytes = bodyBytes;

class Pages {
  readonly done: Element[][] = [];
  els: Element[] = [];
  bytes = 0;
  count = 0;
  constructor(private readonly limits: PageLimits) {}
  get empty(): boolean {
    return this.els.length === 0;
  }
  /** Bytes of a new top-level element of `b` bytes, with its separating comma. */
  top(b: number): number {
    return b + (this.empty ? 0 : 1);
  }
  fits(bytes: number, count: number): boolean {
    return this.bytes + bytes <= this.limits.bytes && this.count + count <= this.limits.elements;
  }
  add(bytes: number, count: number): void {
    this.bytes += bytes;
    this.count += count;
  }
  flush(): void {
    if (this.empty) return;
    this.done.push(this.els);
    this.els = [];
    this.bytes = 0;
    this.count = 0;
  }
}

function placeSingle(p: Pages, el: Element): void {
  const b = jsonBytes(el);
  const n = elementCount(el);
  if (!p.fits(p.top(b), n)) p.flush();
  if (!p.fits(p.top(b), n)) throw new Error('a digest block is larger than one card: shorten it before paging');
  p.add(p.top(b), n);
  p.els.push(el);
}

const header = (container: 'panel' | 'plain', title: Md, expanded: boolean): Element & { elements?: Element[] } =>
  container === 'panel' ? panel(title, expanded, []) : markdown(title);

function placeList(p: Pages, block: Extract<Block, { kind: 'list' }>): void {
  /** The open part on the current page: the panel's element list, or the page itself for plain lists. */
  let open: Element[] | null = null;
  let parts = 0;
  for (const item of block.items) {
    for (let squeeze = 0; ; ) {
      const el = item(squeeze);
      const b = jsonBytes(el);
      const n = elementCount(el);
      if (open && p.fits(b + 1, n)) {
        p.add(b + 1, n);
        open.push(el);
        break;
      }
      if (!open) {
        const head = header(block.container, parts === 0 ? block.title : block.continued, block.expanded);
        const cost = p.top(jsonBytes(head)) + b + (block.container === 'plain' ? 1 : 0);
        const count = elementCount(head) + n;
        if (p.fits(cost, count)) {
          p.add(cost, count);
          p.els.push(head);
          open = block.container === 'panel' ? (head.elements as Element[]) : p.els;
          open.push(el);
          parts += 1;
          break;
        }
      }
      if (!p.empty) {
        p.flush();
        open = null;
        continue; // same item, same squeeze, fresh page
      }
      if (squeeze >= MAX_SQUEEZE) throw new Error('a digest item does not fit one card even at its shortest');
      squeeze += 1;
    }
  }
}

/** The elements of each page, in order; always at least one page. */
export function paginate(blocks: readonly Block[], limits: PageLimits): Element[][] {
  const p = new Pages(limits);
  for (const block of blocks) {
    if (block.kind === 'single') placeSingle(p, block.element);
    else if (block.items.length > 0) placeList(p, block);
  }
  p.flush();
  return p.done.length > 0 ? p.done : [[]];
}
