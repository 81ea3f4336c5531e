/**
 * Card JSON 2.0 checks the platform applies before it accepts a card (contract §6).
 * Failures map to HTTP 400 code 230099 with a sub-code in msg, as Feishu reports them:
 * 200621 bad JSON, 11310 more than 200 elements, 200861 structure (unknown property, gone tag,
 * missing schema 2.0), 200914 bad table, 200550 bad chart. Which sub-code real Feishu gives for
 * each structural fault is UNCONFIRMED beyond 200621/11310/200861/200914/200550 themselves.
 * Simplified: element-level properties are not checked, only card/config/header/body keys, and
 * `name` on a button outside a form: 2.0 rejects unsupported properties ("传入不支持的属性将报错",
 * card-json-v2-breaking-changes-release-notes) and the button page documents `name` only for form
 * children. Whether Feishu refuses it is UNCONFIRMED: CardRules.buttonNameOutsideForm ('reject' by default).
 * Elements: "at most 200 elements or components, plain_text text elements included" (contract §10):
 * every object with a `tag` in the header and body counts (a chart's spec and a table's rows are data).
 */

export const MAX_CARD_ELEMENTS = 200;
/** 2.0 cards can be updated and clicked for 14 days. */
export const CARD_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;

export interface CardRules {
  /** A `name` on a button that is not inside a form: 'reject' (200861, default) or 'accept'. */
  buttonNameOutsideForm?: 'reject' | 'accept';
}

export type CardCheck = { ok: true; card: Record<string, unknown> } | { ok: false; sub: number; detail: string };

const TOP = new Set(['schema', 'config', 'card_link', 'header', 'body']);
const CONFIG = new Set([
  'streaming_mode', 'streaming_config', 'summary', 'locales', 'enable_forward', 'update_multi',
  'width_mode', 'use_custom_translation', 'enable_forward_interaction', 'style',
]);
const HEADER = new Set(['title', 'subtitle', 'text_tag_list', 'i18n_text_tag_list', 'template', 'icon', 'ud_icon', 'padding']);
const BODY = new Set(['elements', 'direction', 'padding', 'horizontal_spacing', 'vertical_spacing', 'horizontal_align', 'vertical_align']);
const TEMPLATES = new Set([
  'blue', 'wathet', 'turquoise', 'green', 'yellow', 'orange', 'red', 'carmine', 'violet', 'purple', 'indigo', 'grey', 'default',
]);
const GONE = new Set(['action', 'note']);
const INTERACTIVE = new Set([
  'button', 'input', 'select_static', 'multi_select_static', 'select_person', 'multi_select_person',
  'date_picker', 'picker_time', 'picker_datetime', 'select_img', 'checker', 'overflow',
]);
const TAGS = new Set([
  ...INTERACTIVE, 'markdown', 'div', 'hr', 'img', 'img_combination', 'column_set', 'column', 'collapsible_panel',
  'form', 'interactive_container', 'table', 'chart', 'person', 'person_list', 'avatar', 'audio', 'text_tag',
]);
const MAX_DEPTH = 5;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

class CardFault extends Error {
  constructor(readonly sub: number, readonly detail: string) {
    super(detail);
  }
}

function unknownKeys(o: Obj, allowed: Set<string>, where: string): void {
  for (const k of Object.keys(o)) if (!allowed.has(k)) throw new CardFault(200861, `unknown property ${where}.${k}`);
}

/** Child element lists of a container element. */
function childrenOf(el: Obj): unknown[][] {
  const out: unknown[][] = [];
  if (Array.isArray(el.elements)) out.push(el.elements);
  if (Array.isArray(el.columns) && el.tag === 'column_set') out.push(el.columns);
  return out;
}

interface Walk {
  tables: number;
  rules: CardRules;
}

/** Keys whose values are data, not elements. */
const DATA_KEYS = new Set(['chart_spec', 'rows', 'value', 'behaviors']);

/** Every object with a tag, as Feishu counts elements toward its limit. */
function countTagged(x: unknown): number {
  if (Array.isArray(x)) return x.reduce((n: number, v) => n + countTagged(v), 0);
  if (!isObj(x)) return 0;
  let n = typeof x.tag === 'string' ? 1 : 0;
  for (const [k, v] of Object.entries(x)) if (!DATA_KEYS.has(k)) n += countTagged(v);
  return n;
}

function checkTable(el: Obj, topLevel: boolean): void {
  if (!topLevel) throw new CardFault(200914, 'table must be at the top level of body.elements');
  const cols = el.columns;
  if (!Array.isArray(cols) || cols.length === 0 || cols.length > 50) throw new CardFault(200914, 'table needs 1-50 columns');
  if (!cols.every((c) => isObj(c) && typeof c.name === 'string')) throw new CardFault(200914, 'every table column needs a name');
  const ps = el.page_size;
  if (ps !== undefined && (typeof ps !== 'number' || ps < 1 || ps > 10)) throw new CardFault(200914, 'table page_size must be 1-10');
  if (el.rows !== undefined && (!Array.isArray(el.rows) || !el.rows.every(isObj))) throw new CardFault(200914, 'table rows must be objects');
}

function checkForm(form: Obj): void {
  const names = new Set<string>();
  let submit = false;
  const visit = (list: unknown[]): void => {
    for (const el of list) {
      if (!isObj(el)) continue;
      if (el.tag === 'form' || el.tag === 'table') throw new CardFault(200861, `a form cannot contain a ${String(el.tag)}`);
      if (INTERACTIVE.has(String(el.tag))) {
        if (typeof el.name !== 'string' || el.name === '') throw new CardFault(200861, `form child ${String(el.tag)} needs a name`);
        if (names.has(el.name)) throw new CardFault(200861, `duplicate name in form: ${el.name}`);
        names.add(el.name);
        if (el.tag === 'button' && el.form_action_type === 'submit') submit = true;
      }
      for (const c of childrenOf(el)) visit(c);
    }
  };
  visit(Array.isArray(form.elements) ? form.elements : []);
  if (!submit) throw new CardFault(200861, 'a form needs a button with form_action_type "submit"');
}

function walk(list: unknown[], depth: number, state: Walk, path: string, inForm = false): void {
  list.forEach((el, i) => {
    const at = `${path}[${i}]`;
    if (!isObj(el) || typeof el.tag !== 'string') throw new CardFault(200861, `${at} has no tag`);
    if (GONE.has(el.tag)) throw new CardFault(200861, `tag "${el.tag}" is not supported in card JSON 2.0 (${at})`);
    if (!TAGS.has(el.tag)) throw new CardFault(200861, `unknown tag "${el.tag}" (${at})`);
    if (el.tag === 'button' && !inForm && el.name !== undefined && state.rules.buttonNameOutsideForm !== 'accept') {
      throw new CardFault(200861, `unknown property name of a button outside a form (${at})`);
    }
    const topLevel = depth === 0;
    if (el.tag === 'table') {
      state.tables += 1;
      if (state.tables > 5) throw new CardFault(200914, 'at most 5 tables per card');
      checkTable(el, topLevel);
    }
    if (el.tag === 'chart' && !isObj(el.chart_spec)) throw new CardFault(200550, `chart needs a chart_spec object (${at})`);
    if (el.tag === 'form') {
      if (!topLevel) throw new CardFault(200861, 'a form must be at the top level of body.elements');
      checkForm(el);
    }
    const kids = childrenOf(el);
    if (kids.length > 0 && depth + 1 > MAX_DEPTH) throw new CardFault(200861, `containers nest deeper than ${MAX_DEPTH} (${at})`);
    for (const k of kids) walk(k, depth + 1, state, `${at}.elements`, inForm || el.tag === 'form');
  });
}

/** Validate a card given as the JSON string the API received. */
export function validateCard2(json: string, rules: CardRules = {}): CardCheck {
  let card: unknown;
  try {
    card = JSON.parse(json);
  } catch {
    return { ok: false, sub: 200621, detail: 'parse card json err, please check whether the card json is correct' };
  }
  return validateCardObject(card, rules);
}

export function validateCardObject(card: unknown, rules: CardRules = {}): CardCheck {
  try {
    if (!isObj(card)) throw new CardFault(200621, 'card must be a JSON object');
    if (card.schema !== '2.0') throw new CardFault(200861, 'schema must be "2.0" (this platform accepts only card JSON 2.0)');
    unknownKeys(card, TOP, 'card');
    if (card.config !== undefined) {
      if (!isObj(card.config)) throw new CardFault(200861, 'config must be an object');
      unknownKeys(card.config, CONFIG, 'config');
      if (card.config.update_multi === false) throw new CardFault(200861, 'config.update_multi must be true in card JSON 2.0');
    }
    if (card.header !== undefined) {
      if (!isObj(card.header)) throw new CardFault(200861, 'header must be an object');
      unknownKeys(card.header, HEADER, 'header');
      const t = card.header.template;
      if (t !== undefined && !TEMPLATES.has(String(t))) throw new CardFault(200861, `unknown header.template "${String(t)}"`);
    }
    if (!isObj(card.body) || !Array.isArray(card.body.elements)) throw new CardFault(200861, 'body.elements is required');
    unknownKeys(card.body, BODY, 'body');
    walk(card.body.elements, 0, { tables: 0, rules }, 'body.elements');
    const count = countTagged(card.header) + countTagged(card.body);
    if (count > MAX_CARD_ELEMENTS) throw new CardFault(11310, `card has ${count} elements, more than ${MAX_CARD_ELEMENTS}`);
    return { ok: true, card };
  } catch (e) {
    if (e instanceof CardFault) return { ok: false, sub: e.sub, detail: e.detail };
    throw e;
  }
}

/** The msg Feishu puts on a 230099. */
export function cardErrorMsg(sub: number, detail: string): string {
  return `Failed to create card content, ext=ErrCode: ${sub}; ErrMsg: ${detail}; `;
}
