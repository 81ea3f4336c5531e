/**
 * Builders for Feishu card JSON 2.0 (schema 2.0; elements under body; update_multi true) — the only
 * way to make a Card or an Element, so every text on a card is escaped: markdown takes an Md (made by
 * the `md` tag), and plain_text fields (header, summary, buttons, placeholders, options) are
 * neutralised here, whatever the caller passes.
 */
import { plainText, type Md } from '../safe-text.js';

declare const elementBrand: unique symbol;
declare const cardBrand: unique symbol;
/** A card component made by a builder below. */
export type Element = Record<string, unknown> & { readonly [elementBrand]: true };
/** A whole card made by card(): what Messenger sends. */
export type Card = Record<string, unknown> & { readonly [cardBrand]: true };

export type Template = 'blue' | 'wathet' | 'turquoise' | 'green' | 'yellow' | 'orange' | 'red' | 'carmine' | 'violet' | 'purple' | 'indigo' | 'grey' | 'default';

const el = (o: Record<string, unknown>): Element => o as Element;
const plain = (content: string, max?: number) => ({ tag: 'plain_text', content: plainText(content, max) });

export function card(opts: { title: string; subtitle?: string; template?: Template; summary?: string; elements: Element[] }): Card {
  return {
    schema: '2.0',
    config: { update_multi: true, width_mode: 'fill', ...(opts.summary ? { summary: { content: plainText(opts.summary, 120) } } : {}) },
    header: {
      title: plain(opts.title, 100),
      ...(opts.subtitle ? { subtitle: plain(opts.subtitle, 100) } : {}),
      template: opts.template ?? 'blue',
    },
    body: { elements: opts.elements },
  } as Record<string, unknown> as Card;
}

export const markdown = (content: Md): Element => el({ tag: 'markdown', content: content.toString() });
export const plainDiv = (content: string): Element => el({ tag: 'div', text: plain(content) });
export const hr = (): Element => el({ tag: 'hr' });

/**
 * A button that calls back with `value`. No `name`: card JSON 2.0 refuses properties a component does
 * not support ("传入不支持的属性将报错", feishu-cards/card-json-v2-breaking-changes-release-notes), and
 * the button page documents `name` only for a button inside a form (submitButton).
 */
export function button(text: string, value: Record<string, unknown>, type: 'primary' | 'default' | 'danger' = 'default'): Element {
  return el({
    tag: 'button',
    text: plain(text, 60),
    type,
    behaviors: [{ type: 'callback', value }],
  });
}

/** A form's submit button: inside a form every interactive component needs a unique `name`. */
export const submitButton = (text: string, value: Record<string, unknown>, name: string): Element =>
  el({ tag: 'button', name, ...button(text, value, 'primary'), form_action_type: 'submit' });

/** Buttons side by side. */
export function buttonRow(buttons: Element[]): Element {
  return el({
    tag: 'column_set',
    flex_mode: 'flow',
    columns: buttons.map((b) => ({ tag: 'column', width: 'auto', elements: [b] })),
  });
}

export function input(o: { name: string; placeholder: string; maxLength: number; multiline?: boolean; rows?: number }): Element {
  return el({
    tag: 'input',
    name: o.name,
    ...(o.multiline ? { input_type: 'multiline_text', rows: o.rows ?? 2 } : {}),
    max_length: o.maxLength,
    placeholder: plain(o.placeholder, 100),
  });
}

export const form = (name: string, elements: Element[]): Element => el({ tag: 'form', name, elements });

/** A drop-down (select_static) whose choice calls back with `value` and the option's value. */
export function select(o: { placeholder: string; options: { text: string; value: string }[]; value: Record<string, unknown>; name?: string }): Element {
  return el({
    tag: 'select_static',
    ...(o.name ? { name: o.name } : {}),
    placeholder: plain(o.placeholder, 100),
    options: o.options.map((x) => ({ text: plain(x.text, 100), value: x.value })),
    behaviors: [{ type: 'callback', value: o.value }],
  });
}

/** A collapsible panel; `elements` is kept by reference (digest pages fill it as they go). */
export const panel = (title: Md, expanded: boolean, elements: Element[]): Element & { elements: Element[] } =>
  el({ tag: 'collapsible_panel', expanded, header: { title: { tag: 'markdown', content: title.toString() } }, elements }) as Element & {
    elements: Element[];
  };

/** A VChart chart: its texts are drawn as chart text, never read as markdown; the caller neutralises labels. */
export const chart = (o: Record<string, unknown>): Element => el({ tag: 'chart', ...o });
