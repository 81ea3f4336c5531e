/** The weekly digest (周报): build the model from the engine's states, then render it (cards in bot/feishu/cards/digest-*.ts). */
export { buildDigest, NO_SECTION_TITLE } from './build-digest.js';
export { readSnapshot } from './changes.js';
export { digestJson } from './digest-json.js';
export { digestText } from './digest-text.js';
export type * from './model.js';
export * from './types.js';
export { DIGEST_STATUS_WORDS, digestStatus, weekLabel, worstLight } from './words.js';
