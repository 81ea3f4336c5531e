/** The weekly digest (周报): build the model, then render it (cards in bot/feishu/cards/digest-*.ts). */
export { buildDigest, NO_SECTION_TITLE } from './build-digest.js';
export { digestText } from './digest-text.js';
export type * from './model.js';
export * from './types.js';
export { DIGEST_STATUS_WORDS, LIGHT_EMOJI, weekLabel, worstLight } from './words.js';
