/**
 * A Feishu card (JSON 2.0 with body.elements, or 1.0 with top-level elements) → HTML for the
 * console: header with its template colour, markdown, text, rules, columns, collapsible panels,
 * tables, buttons, forms and their fields, charts (as SVG), notes, image placeholders. Buttons
 * and fields carry what the console page needs to post the click back (data-* attributes with
 * the component's callback value); nothing from the card is ever emitted unescaped.
 */
import { attr, cssColour, esc } from './html.js';
import { renderChart } from './render-chart.js';
import { renderMarkdown, type RenderContext } from './render-markdown.js';

type El = Record<string, any>;

/** The text of a text object ({tag: plain_text|lark_md, content}) or a bare string. */
function text(t: unknown, ctx: RenderContext): string {
  if (typeof t === 'string') return esc(t);
  const o = (t ?? {}) as El;
  const content = String(o.content ?? o.text ?? '');
  return o.tag === 'lark_md' || o.tag === 'markdown' ? renderMarkdown(content, ctx) : esc(content);
}

/** The value a click sends: the callback behaviour's value (2.0), or the 1.0 `value`. */
function callbackValue(e: El): unknown {
  const b = Array.isArray(e.behaviors) ? (e.behaviors as El[]).find((x) => x?.type === 'callback') : undefined;
  return b ? b.value : e.value;
}

function button(e: El, ctx: RenderContext): string {
  const type = ['primary', 'danger', 'primary_filled', 'danger_filled', 'laser', 'text'].includes(e.type) ? String(e.type).split('_')[0] : 'default';
  const submit = e.form_action_type === 'submit' || e.action_type === 'form_submit';
  const reset = e.form_action_type === 'reset' || e.action_type === 'form_reset';
  const link = Array.isArray(e.behaviors) ? (e.behaviors as El[]).find((x) => x?.type === 'open_url') : undefined;
  const data = [
    `data-value="${attr(callbackValue(e) ?? {})}"`,
    `data-tag="${attr(String(e.tag ?? 'button'))}"`,
    ...(e.name ? [`data-name="${attr(String(e.name))}"`] : []),
    ...(link ? [`data-url="${attr(String(link.default_url ?? ''))}"`] : []),
    submit ? 'data-role="submit"' : reset ? 'data-role="reset"' : 'data-role="click"',
  ];
  const disabled = e.disabled ? ' disabled' : '';
  return `<button type="button" class="btn btn-${type}" ${data.join(' ')}${disabled}>${text(e.text, ctx)}</button>`;
}

function options(e: El, ctx: RenderContext): string {
  const list = Array.isArray(e.options) ? (e.options as El[]) : [];
  return list.map((o) => `<option value="${attr(String(o.value ?? ''))}"${o.value === e.initial_option ? ' selected' : ''}>${text(o.text, ctx)}</option>`).join('');
}

function field(e: El, ctx: RenderContext): string {
  const name = attr(String(e.name ?? ''));
  const ph = e.placeholder ? ` placeholder="${attr(String((e.placeholder as El).content ?? ''))}"` : '';
  const label = e.label ? `<label class="field-label">${text(e.label, ctx)}</label>` : '';
  const max = Number.isInteger(e.max_length) ? ` maxlength="${Number(e.max_length)}"` : '';
  const value = e.default_value !== undefined ? attr(String(e.default_value)) : '';
  const cb = `data-value="${attr(callbackValue(e) ?? {})}" data-tag="${attr(String(e.tag))}"`;
  switch (e.tag) {
    case 'input':
      return e.input_type === 'multiline_text'
        ? `${label}<textarea name="${name}" rows="${Number(e.rows) || 2}"${ph}${max}>${esc(e.default_value ?? '')}</textarea>`
        : `${label}<input type="${e.input_type === 'password' ? 'password' : 'text'}" name="${name}" value="${value}"${ph}${max}>`;
    case 'select_static':
    case 'select_person':
      return `${label}<select name="${name}" ${cb}><option value="">${e.placeholder ? esc((e.placeholder as El).content) : '请选择'}</option>${options(e, ctx)}</select>`;
    case 'multi_select_static':
    case 'multi_select_person':
      return `${label}<select multiple name="${name}" ${cb}>${options(e, ctx)}</select>`;
    case 'date_picker':
      return `${label}<input type="date" name="${name}" value="${attr(String(e.initial_date ?? ''))}" ${cb}>`;
    case 'picker_time':
      return `${label}<input type="time" name="${name}" value="${attr(String(e.initial_time ?? ''))}" ${cb}>`;
    case 'picker_datetime':
      return `${label}<input type="datetime-local" name="${name}" ${cb}>`;
    case 'checker':
      return `<label class="checker"><input type="checkbox" name="${name}"${e.checked ? ' checked' : ''} ${cb}> ${text(e.text, ctx)}</label>`;
    default:
      return null as never;
  }
}

const FIELD_TAGS = new Set(['input', 'select_static', 'select_person', 'multi_select_static', 'multi_select_person', 'date_picker', 'picker_time', 'picker_datetime', 'checker']);

function table(e: El, ctx: RenderContext): string {
  const cols = (Array.isArray(e.columns) ? e.columns : []) as El[];
  const rows = (Array.isArray(e.rows) ? e.rows : []) as El[];
  const cell = (c: El, v: unknown): string => {
    if (v === null || v === undefined) return '';
    if (c.data_type === 'markdown' || c.data_type === 'lark_md') return renderMarkdown(String(v), ctx);
    if (c.data_type === 'options' && Array.isArray(v)) {
      return (v as El[]).map((o) => `<span class="tag" style="color:${cssColour(o.color) ?? '#646a73'}">${esc(o.text ?? '')}</span>`).join(' ');
    }
    if (c.data_type === 'persons' || c.data_type === 'person') {
      return (Array.isArray(v) ? v : [v]).map((id) => `<span class="at">@${esc(ctx.nameOf(String(id)) ?? String(id))}</span>`).join(' ');
    }
    return esc(typeof v === 'object' ? JSON.stringify(v) : String(v));
  };
  const head = e.header_style?.visible === false ? '' : `<thead><tr>${cols.map((c) => `<th>${esc(c.display_name ?? c.name ?? '')}</th>`).join('')}</tr></thead>`;
  const body = rows.map((r) => `<tr>${cols.map((c) => `<td>${cell(c, r[c.name])}</td>`).join('')}</tr>`).join('');
  return `<div class="table-wrap"><table class="card-table">${head}<tbody>${body}</tbody></table></div>`;
}

export function renderElement(e: El, ctx: RenderContext): string {
  if (!e || typeof e !== 'object') return '';
  const kids = (list: unknown) => (Array.isArray(list) ? (list as El[]).map((x) => renderElement(x, ctx)).join('') : '');
  if (FIELD_TAGS.has(e.tag)) return `<div class="field">${field(e, ctx)}</div>`;
  switch (e.tag) {
    case 'markdown':
    case 'lark_md':
      return `<div class="md"${e.text_align ? ` style="text-align:${['left', 'center', 'right'].includes(e.text_align) ? e.text_align : 'left'}"` : ''}>${renderMarkdown(String(e.content ?? ''), ctx)}</div>`;
    case 'div': {
      const fields = Array.isArray(e.fields) ? `<div class="div-fields">${(e.fields as El[]).map((f) => `<div>${text(f.text, ctx)}</div>`).join('')}</div>` : '';
      return `<div class="div">${e.text ? text(e.text, ctx) : ''}${fields}${e.extra ? renderElement(e.extra, ctx) : ''}</div>`;
    }
    case 'plain_text':
      return `<div class="div">${esc(e.content ?? '')}</div>`;
    case 'hr':
      return '<hr>';
    case 'column_set':
      return `<div class="columns${e.flex_mode === 'flow' ? ' flow' : ''}">${kids(e.columns)}</div>`;
    case 'column': {
      const w = Number(e.weight);
      const style = e.width === 'auto' ? 'flex:0 0 auto' : `flex:${Number.isFinite(w) && w > 0 ? w : 1} 1 0`;
      return `<div class="column" style="${style}">${kids(e.elements)}</div>`;
    }
    case 'collapsible_panel': {
      const title = e.header?.title ? text(e.header.title, ctx) : '';
      return `<details class="panel"${e.expanded ? ' open' : ''}><summary>${title}</summary><div class="panel-body">${kids(e.elements)}</div></details>`;
    }
    case 'interactive_container':
      return `<div class="container">${kids(e.elements)}</div>`;
    case 'table':
      return table(e, ctx);
    case 'button':
      return button(e, ctx);
    case 'action':
      return `<div class="actions">${kids(e.actions)}</div>`;
    case 'overflow':
      return `<div class="actions">${((e.options ?? []) as El[]).map((o) => button({ ...o, tag: 'overflow', value: o.value }, ctx)).join('')}</div>`;
    case 'form':
      return `<form class="card-form" data-form-name="${attr(String(e.name ?? ''))}" onsubmit="return false">${kids(e.elements)}</form>`;
    case 'chart':
      return `<div class="chart-wrap">${renderChart(e.chart_spec)}</div>`;
    case 'note':
      return `<div class="note">${((e.elements ?? []) as El[]).map((x) => (x.tag === 'img' ? '🖼' : text(x, ctx))).join(' ')}</div>`;
    case 'img':
    case 'image':
      return `<div class="img">🖼 ${esc(e.alt?.content ?? e.title?.content ?? '图片')}<span class="muted"> ${esc(e.img_key ?? '')}</span></div>`;
    default:
      return `<div class="unknown">[不支持显示的组件：${esc(e.tag)}]</div>`;
  }
}

/** The whole card. */
export function renderCard(card: unknown, ctx: RenderContext): string {
  const c = (card ?? {}) as El;
  if (c.type === 'template') return `<div class="card"><div class="card-body"><div class="unknown">[卡片模板 ${esc(c.data?.template_id ?? '')}]</div></div></div>`;
  const elements = (c.schema === '2.0' ? c.body?.elements : c.elements) ?? [];
  const h = c.header as El | undefined;
  const colour = cssColour(h?.template) ?? cssColour('blue');
  const header = h
    ? `<div class="card-header" style="background:${colour}"><div class="card-title">${text(h.title, ctx)}</div>${h.subtitle ? `<div class="card-subtitle">${text(h.subtitle, ctx)}</div>` : ''}</div>`
    : '';
  const body = (elements as El[]).map((e) => renderElement(e, ctx)).join('');
  return `<div class="card" data-template="${attr(String(h?.template ?? ''))}">${header}<div class="card-body">${body}</div></div>`;
}
