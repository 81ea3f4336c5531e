/** Small builders for Feishu card JSON 2.0 (schema 2.0; elements under body; update_multi true). */

export type Element = Record<string, unknown>;
export type Template = 'blue' | 'wathet' | 'turquoise' | 'green' | 'yellow' | 'orange' | 'red' | 'carmine' | 'violet' | 'purple' | 'indigo' | 'grey' | 'default';

export function card(opts: { title: string; subtitle?: string; template?: Template; summary?: string; elements: Element[] }): Record<string, unknown> {
  return {
    schema: '2.0',
    config: { update_multi: true, width_mode: 'fill', ...(opts.summary ? { summary: { content: opts.summary } } : {}) },
    header: {
      title: { tag: 'plain_text', content: opts.title },
      ...(opts.subtitle ? { subtitle: { tag: 'plain_text', content: opts.subtitle } } : {}),
      template: opts.template ?? 'blue',
    },
    body: { elements: opts.elements },
  };
}

export const markdown = (content: string): Element => ({ tag: 'markdown', content });
export const plain = (content: string): Element => ({ tag: 'div', text: { tag: 'plain_text', content } });
export const hr = (): Element => ({ tag: 'hr' });

export function button(text: string, value: Record<string, unknown>, type: 'primary' | 'default' | 'danger' = 'default', name?: string): Element {
  return {
    tag: 'button',
    ...(name ? { name } : {}),
    text: { tag: 'plain_text', content: text },
    type,
    behaviors: [{ type: 'callback', value }],
  };
}

/** Buttons side by side. */
export function buttonRow(buttons: Element[]): Element {
  return {
    tag: 'column_set',
    flex_mode: 'flow',
    columns: buttons.map((b) => ({ tag: 'column', width: 'auto', elements: [b] })),
  };
}
