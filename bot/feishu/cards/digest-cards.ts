/**
 * The weekly digest (周报) as Feishu card JSON 2.0: header coloured by the worst light, a
 * summary line, 需要领导关注, the pace chart, one collapsible panel per section (expanded when
 * it holds a red or yellow task), 近两周到期, and 未报送 (admins, or when asked). A digest too big
 * for one card is split into several, in order, each headed 「（第2/3页）」. Never @-mentions. Pure.
 */
import type { DigestModel, DigestSection } from '../../domain/digest/model.js';
import { noneMissingWords, summaryLine, type Dated } from '../../domain/digest/phrases.js';
import type { Light } from '../../domain/digest/types.js';
import { LIGHT_ORDER } from '../../domain/digest/words.js';
import { shareWord } from '../../domain/task-state/amounts.js';
import { LIGHT_EMOJI } from '../../domain/task-state/words.js';
import { cut, md, type Md } from '../safe-text.js';
import { card, markdown, type Card, type Element, type Template } from './card.js';
import { CARD_BUDGET, ELEMENT_BUDGET, elementCount } from './card-size.js';
import { CHART_MAX_TARGETS, chartElement, chartSelection } from './digest-chart.js';
import { attentionItem, dueItem, mdWriter as w, missingItem, taskItem } from './digest-items.js';
import { jsonBytes, paginate, type Block, type Squeezable } from './digest-pages.js';

/** Feishu allows 30 KB of request body and 200 elements; keep a margin (card-size.ts). */
export const DIGEST_CARD_BYTES = CARD_BUDGET;
export const DIGEST_CARD_ELEMENTS = ELEMENT_BUDGET;

export const TEMPLATE: Record<Light, Template> = { red: 'red', yellow: 'orange', none: 'grey', green: 'green' };

export interface DigestCardOptions {
  audience: 'group' | 'admin';
  /** Also show who has not reported in a group card (admins always see it); default: the model's setting. */
  showMissing?: boolean;
}

function sectionBlock(s: DigestSection, d: Dated): Block {
  const lights = LIGHT_ORDER.filter((l) => s.tasks.some((t) => t.state.light === l))
    .map((l) => `${LIGHT_EMOJI[l]}${s.tasks.filter((t) => t.state.light === l).length}`)
    .join(' ');
  const name = s.ordinal ? md`${w.esc(s.ordinal, 8)}、${w.esc(s.title, 30)}` : w.esc(s.title, 30);
  return {
    kind: 'list',
    container: 'panel',
    title: md`${LIGHT_EMOJI[s.light]} **${name}**（${s.tasks.length}项 ${lights}）`,
    continued: md`${LIGHT_EMOJI[s.light]} **${name}**（续）`,
    expanded: s.tasks.some((t) => t.state.light === 'red' || t.state.light === 'yellow'),
    items: s.tasks.map((t) => taskItem(t, d)),
  };
}

function plainList(title: Md, empty: Md, items: Squeezable[]): Block {
  if (items.length === 0) return { kind: 'single', element: markdown(md`${title}：${empty}`) };
  return { kind: 'list', container: 'plain', title, continued: md`${title}（续）`, expanded: true, items };
}

export function blocks(m: DigestModel, showMissing: boolean): Block[] {
  const d = m.header;
  const out: Block[] = [{ kind: 'single', element: markdown(summaryLine(m, w)) }];
  out.push(plainList(md`**🔔 需要领导关注（${m.needsLeaders.length}项）**`, md`本周无`, m.needsLeaders.map((a) => attentionItem(a, d))));
  const bars = chartSelection(m.chart);
  if (bars.length > 0) out.push({ kind: 'single', element: chartElement(bars) });
  if (m.chart.length > CHART_MAX_TARGETS) {
    out.push({ kind: 'single', element: markdown(md`图表只画出${CHART_MAX_TARGETS}项指标（共${m.chart.length}项，落后序时的优先），各项数字见下方分组。`) });
  }
  out.push(...m.sections.map((s) => sectionBlock(s, d)));
  out.push(plainList(md`**⏰ 近两周到期（${m.dueSoon.length}项）**`, md`${m.dueWithinWorkdays}个工作日内无到期任务`, m.dueSoon.map((x) => dueItem(x, d))));
  if (showMissing) out.push(plainList(md`**📭 未报送（${m.missing.length}人）**`, md`${noneMissingWords(m.reporting)}`, m.missing.map((p) => missingItem(p, d))));
  return out;
}

function frame(m: DigestModel, elements: Element[], page: number, pages: number): Card {
  const paging = pages > 1 ? `（第${page}/${pages}页）` : '';
  const lights = LIGHT_ORDER.filter((l) => m.lights[l] > 0).map((l) => `${LIGHT_EMOJI[l]}${m.lights[l]}`).join(' ');
  return card({
    title: `${cut(m.header.plan.title, 40)} 周报${paging}`,
    subtitle: `${m.header.weekLabel} · 时间进度${shareWord(m.header.timeShare)}`,
    template: TEMPLATE[m.worst],
    summary: cut(`第${m.header.weekNumber}周周报${paging}：${lights}`, 60),
    elements,
  });
}

export function digestCards(model: DigestModel, opts: DigestCardOptions): Card[] {
  const showMissing = opts.audience === 'admin' || (opts.showMissing ?? model.showMissingInGroup);
  const empty = frame(model, [], 999, 999);
  const room = DIGEST_CARD_BYTES - jsonBytes(empty);
  // The header's title and subtitle count toward the element limit too (card-size.ts).
  const pages = paginate(blocks(model, showMissing), { bytes: room, elements: DIGEST_CARD_ELEMENTS - elementCount(empty) });
  return pages.map((elements, i) => frame(model, elements, i + 1, pages.length));
}
