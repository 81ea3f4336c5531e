/**
 * The digest's chart: a VChart horizontal grouped bar chart, per target 「完成进度」 vs
 * 「时间进度」 in percent. Plain JSON (no functions), features every client version renders.
 * Labels are drawn as chart text, never read as Markdown or mentions. Pure.
 */
import type { ChartBar } from '../../domain/digest/model.js';
import { clip } from '../../domain/digest/words.js';
import { chart, type Element } from './card.js';

/** More bars than this make the chart unreadable on a phone. */
export const CHART_MAX_TARGETS = 12;

/** The engine's verdicts, worst first: what the chart keeps when it cannot draw every target. */
const RANK = { far_behind: 0, lagging: 1, on_pace: 2 } as const;

/** The targets to draw: all of them, or CHART_MAX_TARGETS of them — far behind, then lagging, then the rest — in plan order. */
export function chartSelection(bars: readonly ChartBar[]): ChartBar[] {
  if (bars.length <= CHART_MAX_TARGETS) return [...bars];
  const rank = (b: ChartBar): number => (b.verdict === null ? 3 : RANK[b.verdict]);
  const keep = new Set(
    bars
      .map((b, i) => ({ b, i }))
      .sort((x, y) => rank(x.b) - rank(y.b) || x.i - y.i)
      .slice(0, CHART_MAX_TARGETS)
      .map((x) => x.i),
  );
  return bars.filter((_, i) => keep.has(i));
}

export function chartElement(bars: readonly ChartBar[]): Element {
  const seen = new Map<string, number>();
  const values = bars.flatMap((b) => {
    let name = clip(`${b.shownCode} ${b.label}`, 14);
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    if (n > 1) name = `${name}#${n}`;
    return [
      { target: name, series: '完成进度', pct: b.donePct },
      { target: name, series: '时间进度', pct: b.timePct },
    ];
  });
  return chart({
    aspect_ratio: bars.length <= 6 ? '4:3' : '1:1',
    color_theme: 'brand',
    chart_spec: {
      type: 'bar',
      direction: 'horizontal',
      title: { text: '完成进度 vs 时间进度（%）' },
      data: { values },
      xField: 'pct',
      yField: ['target', 'series'],
      seriesField: 'series',
      legends: { visible: true, orient: 'bottom' },
      label: { visible: true },
    },
  });
}
