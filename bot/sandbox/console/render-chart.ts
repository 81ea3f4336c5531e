/**
 * A card's chart element (a VChart spec) drawn as an inline SVG: bar charts (horizontal or
 * vertical, grouped by series) from the spec's data, with a title, value labels and a legend;
 * other chart types are drawn as bars of their first numeric field. Readable, not pixel-perfect.
 * Every label is escaped.
 */
import { esc } from './html.js';

const PALETTE = ['#3370ff', '#ffc60a', '#34c724', '#f54a45', '#7f3bf5', '#14c0ff', '#ff8800', '#8f959e'];

type Row = Record<string, unknown>;

interface Bars {
  title: string;
  categories: string[];
  series: string[];
  value(category: string, series: string): number | null;
}

function rowsOf(spec: Row): Row[] {
  const data = spec.data as unknown;
  const sets = Array.isArray(data) ? data : data ? [data] : [];
  return sets.flatMap((d) => (Array.isArray((d as Row)?.values) ? ((d as Row).values as Row[]) : []));
}

const first = (f: unknown): string | undefined => (Array.isArray(f) ? (f[0] as string | undefined) : typeof f === 'string' ? f : undefined);

function barsOf(spec: Row): Bars {
  const rows = rowsOf(spec);
  const horizontal = spec.direction === 'horizontal';
  const seriesField = typeof spec.seriesField === 'string' ? spec.seriesField : undefined;
  let categoryField = first(horizontal ? spec.yField : spec.xField) ?? first(spec.categoryField);
  let valueField = first(horizontal ? spec.xField : spec.yField) ?? first(spec.valueField);
  const sample = rows[0] ?? {};
  valueField ??= Object.keys(sample).find((k) => typeof sample[k] === 'number');
  categoryField ??= Object.keys(sample).find((k) => k !== valueField && k !== seriesField);
  const label = (r: Row, f: string | undefined) => (f === undefined ? '' : String(r[f] ?? ''));
  const categories = [...new Set(rows.map((r) => label(r, categoryField)))];
  const series = seriesField ? [...new Set(rows.map((r) => label(r, seriesField)))] : [''];
  const title = typeof (spec.title as Row | undefined)?.text === 'string' ? String((spec.title as Row).text) : '';
  return {
    title,
    categories,
    series,
    value(c, s) {
      const r = rows.find((x) => label(x, categoryField) === c && (!seriesField || label(x, seriesField) === s));
      const v = r && valueField !== undefined ? Number(r[valueField]) : NaN;
      return Number.isFinite(v) ? v : null;
    },
  };
}

const fmt = (v: number) => (Math.round(v * 10) / 10).toString();

/** The SVG for a chart element's `chart_spec`. */
export function renderChart(spec: unknown): string {
  const b = barsOf((spec ?? {}) as Row);
  if (b.categories.length === 0) return `<div class="chart-empty">[图表：无数据]</div>`;
  const max = Math.max(100, ...b.categories.flatMap((c) => b.series.map((s) => b.value(c, s) ?? 0)));
  const labelW = 170;
  const plotW = 330;
  const barH = 12;
  const groupH = b.series.length * (barH + 2) + 10;
  const top = b.title ? 28 : 8;
  const legendY = top + b.categories.length * groupH + 14;
  const height = legendY + (b.series.length > 1 || b.series[0] ? 18 : 0);
  const width = labelW + plotW + 50;
  const parts: string[] = [];
  if (b.title) parts.push(`<text x="${width / 2}" y="18" text-anchor="middle" class="chart-title">${esc(b.title)}</text>`);
  b.categories.forEach((c, ci) => {
    const y0 = top + ci * groupH;
    parts.push(`<text x="${labelW - 6}" y="${y0 + groupH / 2}" text-anchor="end" dominant-baseline="middle" class="chart-label">${esc(c)}</text>`);
    b.series.forEach((s, si) => {
      const v = b.value(c, s);
      const w = v === null ? 0 : Math.max(0, (v / max) * plotW);
      const y = y0 + 4 + si * (barH + 2);
      parts.push(`<rect x="${labelW}" y="${y}" width="${w.toFixed(1)}" height="${barH}" fill="${PALETTE[si % PALETTE.length]}"><title>${esc(`${c} ${s}: ${v ?? '—'}`)}</title></rect>`);
      parts.push(`<text x="${(labelW + w + 4).toFixed(1)}" y="${y + barH - 2}" class="chart-value">${v === null ? '—' : esc(fmt(v))}</text>`);
    });
  });
  parts.push(`<line x1="${labelW}" y1="${top}" x2="${labelW}" y2="${legendY - 10}" class="chart-axis"/>`);
  if (b.series.length > 1 || b.series[0]) {
    let x = labelW;
    b.series.forEach((s, si) => {
      parts.push(`<rect x="${x}" y="${legendY}" width="10" height="10" fill="${PALETTE[si % PALETTE.length]}"/><text x="${x + 14}" y="${legendY + 9}" class="chart-label">${esc(s)}</text>`);
      x += 24 + [...s].length * 13;
    });
  }
  return `<svg class="chart" role="img" aria-label="${esc(b.title || '图表')}" viewBox="0 0 ${width} ${height}" width="100%" xmlns="http://www.w3.org/2000/svg">${parts.join('')}</svg>`;
}
