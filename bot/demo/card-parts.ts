/**
 * What a simulated colleague sees on a card: its title, its buttons (text and
 * callback value) and the names of its form inputs. Walks any card JSON.
 */
export interface CardButton {
  text: string;
  name: string | undefined;
  value: Record<string, unknown>;
  /** A form's submit button. */
  submit: boolean;
}

export interface CardParts {
  title: string;
  buttons: CardButton[];
  inputs: string[];
}

export function cardParts(content: unknown): CardParts {
  const parts: CardParts = { title: '', buttons: [], inputs: [] };
  const root = content as { header?: { title?: { content?: unknown } } } | null;
  parts.title = typeof root?.header?.title?.content === 'string' ? root.header.title.content : '';
  walk(content, parts);
  return parts;
}

function walk(node: unknown, parts: CardParts): void {
  if (Array.isArray(node)) return node.forEach((n) => walk(n, parts));
  if (!node || typeof node !== 'object') return;
  const o = node as Record<string, unknown>;
  if (o.tag === 'button') {
    const behaviors = Array.isArray(o.behaviors) ? (o.behaviors as { type?: string; value?: unknown }[]) : [];
    const callback = behaviors.find((b) => b.type === 'callback')?.value ?? o.value;
    const text = (o.text as { content?: unknown } | undefined)?.content;
    parts.buttons.push({
      text: typeof text === 'string' ? text : '',
      name: typeof o.name === 'string' ? o.name : undefined,
      value: callback && typeof callback === 'object' ? (callback as Record<string, unknown>) : {},
      submit: o.form_action_type === 'submit',
    });
  }
  if (o.tag === 'input' && typeof o.name === 'string') parts.inputs.push(o.name);
  for (const [k, v] of Object.entries(o)) if (k !== 'header') walk(v, parts);
}
