/**
 * A card given as raw JSON, for tests of the platform and the Messenger themselves. The bot builds
 * cards only with bot/feishu/cards/card.ts (so its text is escaped); the Card type refuses anything
 * else, and this cast is the deliberate way round it in tests.
 */
import type { Card } from '../../bot/feishu/cards/card.js';

export const rawCard = (json: Record<string, unknown>): Card => json as Card;
