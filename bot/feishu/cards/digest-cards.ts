/**
 * The weekly digest (周报) as Feishu card JSON 2.0: header coloured by the worst light, a
 * summary line, 需要领导关注, the pace chart, one collapsible panel per section (expanded when
 * it holds a red or yellow task), 近两周到期, and 未报送 (admins, or when asked). A digest too big
 * for one card is split into several, in order, each headed 「（第2/3页）」. Never @-mentions. Pure.
 */
import type { DigestModel, DigestSection } from '../../domain/digest/model.js';
import { summaryLine } from '../../domain/digest/digest-text.js';
import type { Light } from '../../domain/digest/types.js';
import { LIGHT_EMOJI, LIGHT_ORDER, percent } from '../../domain/digest/words.js';
import { card, markdown, type Element, type Template } from './card.js';
import { CHART_MAX_TARGETS, chartElement, chartSelection } from './digest-chart.js';
import { attentionItem, dueItem, mdEsc, missingItem, taskItem } from './digest-items.js';
import { jsonBytes, paginate, type Block, type Squeezable } from './digest-pages.js';
import { trim } from './escape.js';

/** Feishu allows 30 KB and 200 elements; keep a margin. */
export const DIGEST_CARD_BYTES = 28 * 1024;
export const DIGEST_CARD_ELEMENTS = 190;

const TEMPLATE: Record<Light, Template> = { red: 'red', yellow: 'orange', grey: 'grey', green: 'green' };

export interface DigestCardOptions {
  audience: 'group' | 'admin';
  /** Also show who has not reported in a group card (admins always see it); default: the model's setting. */
  showMissing?: boolean;
}

function sectionBlock(s: DigestSection): Block {
  const lights = LIGHT_ORDER.filter((l) => s.tasks.some((t) => t.light === l))
    .map((l) => `${LIGHT_EMOJI[l]}${s.tasks.filter((t) => t.light === l).length}`)
    .join(' ');
  const name = s.ordinal ? `${mdEsc(s.ordinal, 8)}、${mdEsc(s.title, 30)}` : mdEsc(s.title, 30);
  return {
    kind: 'list',
    container: 'panel',
    title: `${LIGHT_EMOJI[s.light]} **${name}**（${s.tasks.length}项 ${lights}）`,
    continued: `${LIGHT_EMOJI[s.light]} **${name}**（续）`,
    expanded: s.tasks.some((t) => t.light === 'red' || t.light === 'yellow'),
    items: s.tasks.map(taskItem),
  };
}

function plainList(title: string, empty: string, items: Squeezable[]): Block {
  if (items.length === 0) return { kind: 'single', element: markdown(`${title}：${empty}`) };
  return { kind: 'list', container: 'plain', title, continued: `${title}（续）`, expanded: true, items };
}

function blocks(m: DigestModel, showMissing: boolean): Block[] {
  const out: Block[] = [{ kind: 'single', element: markdown(summaryLine(m)) }];
  out.push(plainList(`**🔔 需要领导关注（${m.needsLeaders.length}项）**`, '本周无', m.needsLeaders.map(attentionItem)));
  const bars = chartSelection(m.chart);
  if (bars.length > 0) out.push({ kind: 'single', element: chartElement(bars) });
  if (m.chart.length > CHART_MAX_TARGETS) {
    out.push({ kind: 'single', element: markdown(`图表只画出落后序时最多的${CHART_MAX_TARGETS}项指标（共${m.chart.length}项），各项数字见下方分组。`) });
  }
  out.push(...m.sections.map(sectionBlock));
  out.push(plainList(`**⏰ 近两周到期（${m.dueSoon.length}项）**`, `${m.dueWithinDays}天内无到期任务`, m.dueSoon.map(dueItem)));
  if (showMissing) out.push(plainList(`**📭 未报送（${m.missing.length}人）**`, '本期已全部报送', m.missing.map(missingItem)));
  return out;
}

function frame(m: DigestModel, elements: Element[], page: number, pages: number): Record<string, unknown> {
  const paging = pages > 1 ? `（第${page}/${pages}页）` : '';
  const lights = LIGHT_ORDER.filter((l) => m.lights[l] > 0).map((l) => `${LIGHT_EMOJI[l]}${m.lights[l]}`).join(' ');
  return card({
    title: `${trim(m.header.planTitle, 40)} 周报${paging}`,
    subtitle: `${m.header.weekLabel} · 时间进度${percent(m.header.timeShare)}`,
    template: TEMPLATE[m.worst],
    summary: trim(`第${m.header.weekNumber}周周报${paging}：${lights}`, 60),
    elements,
  });
}

export function digestCards(model: DigestModel, opts: DigestCardOptions): Record<string, unknown>[] {
  const showMissing = opts.audience === 'admin' || (opts.showMissing ?? model.showMissingInGroup);
  const room = DIGEST_CARD_BYTES - jsonBytes(frame(model, [], 999, 999));
  const pages = paginate(blocks(model, showMissing), { bytes: room, elements: DIGEST_CARD_ELEMENTS });
  return pages.map((elements, i) => frame(model, elements, i + 1, pages.length));
}
