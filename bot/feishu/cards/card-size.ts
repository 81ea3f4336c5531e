/**
 * How big a card is the way Feishu measures it. The limit is on the request body ("请求体最大不能超过
 * 30 KB", contract §2 and §10), and a card travels in that body as a JSON *string*: every `"` and `\`
 * of the card's JSON is escaped once more, so a card whose JSON is 27 KB can make a 31 KB body. The
 * fake Feishu (bot/sandbox/content-check.ts) refuses a body over CARD_BODY_LIMIT with 230025; the bot
 * keeps every card within CARD_BUDGET, which leaves room for the rest of the body and a margin (also
 * under 30,000 bytes, should "30 KB" mean that).
 */

/** Feishu's limit on the body of a card (or post) send, reply or patch. */
export const CARD_BODY_LIMIT = 30 * 1024;

/** The body around the card: receive_id or the reply path, msg_type, uuid, reply_in_thread (≈ 150 bytes). */
const ENVELOPE_BYTES = 512;

/** The most a card's JSON may take inside the body: 28 KB of body, less the envelope. */
export const CARD_BUDGET = 28 * 1024 - ENVELOPE_BYTES;

/** Bytes `x` takes inside the request body: its JSON, as the JSON string the body carries (without the quotes). */
export function bodyBytes(x: unknown): number {
  return Buffer.byteLength(JSON.stringify(JSON.stringify(x)), 'utf8') - 2;
}

export const fitsOneCard = (card: unknown): boolean => bodyBytes(card) <= CARD_BUDGET;
