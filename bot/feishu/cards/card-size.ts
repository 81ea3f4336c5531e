/**
 * How big a card is the way Feishu measures it. The limit is on the request body ("请求体最大不能超过
 * 30 KB", contract §2 and §10; server-docs/im-v1/message/create), and a card travels in that body as a
 * JSON *string*: every `"` and `\` of the card's JSON is escaped once more, so a card whose JSON is
 * 27 KB can make a 31 KB body. The fake Feishu (bot/sandbox/content-check.ts) refuses a body over its
 * limit with 230025; the bot keeps every card within CARD_BUDGET, which leaves room for the rest of the
 * body and a margin (also under 30,000 bytes, should "30 KB" mean that).
 *
 * Elements: a card holds at most 200 elements or components, plain_text text elements included
 * (feishu-cards/card-json-v2-structure; contract §10). elementCount counts every object with a `tag`:
 * components, the header's title and subtitle, a button's text, a placeholder, each option of a
 * drop-down; the bot keeps a card within ELEMENT_BUDGET.
 */

/** Feishu's limit on the body of a card (or post) send, reply or patch. */
export const CARD_BODY_LIMIT = 30 * 1024;

/** The body around the card: receive_id or the reply path, msg_type, uuid, reply_in_thread (≈ 150 bytes). */
const ENVELOPE_BYTES = 512;

/** The most a card's JSON may take inside the body: 28 KB of body, less the envelope. */
export const CARD_BUDGET = 28 * 1024 - ENVELOPE_BYTES;

/** Feishu's limit on elements per card, and the bot's own, with a margin. */
export const CARD_ELEMENT_LIMIT = 200;
export const ELEMENT_BUDGET = 190;

/** Bytes `x` takes inside the request body: its JSON, as the JSON string the body carries (without the quotes). */
export function bodyBytes(x: unknown): number {
  return jsonInBody(JSON.stringify(x));
}

/** Bytes a JSON text takes inside the request body, as the string the body carries (without the quotes). */
function jsonInBody(json: string): number {
  return Buffer.byteLength(JSON.stringify(json), 'utf8') - 2;
}

/** Keys whose values are data, not card elements: a chart's VChart spec, a table's rows. */
const DATA_KEYS = new Set(['chart_spec', 'rows', 'value', 'behaviors']);

/** Elements of a card (or of one element), counted as Feishu counts them: every object with a tag. */
export function elementCount(x: unknown): number {
  if (Array.isArray(x)) return x.reduce((n: number, v) => n + elementCount(v), 0);
  if (typeof x !== 'object' || x === null) return 0;
  let n = typeof (x as { tag?: unknown }).tag === 'string' ? 1 : 0;
  for (const [k, v] of Object.entries(x)) if (!DATA_KEYS.has(k)) n += elementCount(v);
  return n;
}

/**
 * Whether a card keeps to both budgets. Inside the body each character of the card's JSON takes its own bytes, or
 * one byte more where it is escaped again (`"` and `\`: the JSON holds no raw control character and no lone
 * surrogate, the first encoding escaped those), so the body takes at most twice the JSON's bytes; a card whose JSON
 * is at most half the budget (every card a nudge sends) is answered without the second encoding.
 */
export function fitsOneCard(card: unknown): boolean {
  if (elementCount(card) > ELEMENT_BUDGET) return false;
  const json = JSON.stringify(card);
  return 2 * Buffer.byteLength(json, 'utf8') <= CARD_BUDGET || jsonInBody(json) <= CARD_BUDGET;
}
