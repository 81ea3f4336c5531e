/** What handlers receive. Handlers are small and named by what they do. */
import type { Deps } from '../deps.js';
import type { Mention } from '../domain/message-text.js';
import type { CardAction, Envelope } from '../feishu/envelope.js';

export interface MessageContext {
  eventId: string;
  messageId: string;
  chatId: string;
  chatType: 'p2p' | 'group' | string;
  senderOpenId: string;
  rootId: string | null;
  parentId: string | null;
  /** Text with the bot's mention removed. */
  text: string;
  people: Mention[];
  messageType: string;
  /** The raw content JSON string, for attachments. */
  content: string;
}

export interface CommandContext extends MessageContext {
  command: string;
  args: string;
}

export type CommandHandler = (deps: Deps, ctx: CommandContext) => Promise<void>;
export type MessageHandler = (deps: Deps, ctx: MessageContext) => Promise<void>;
export type CardActionHandler = (deps: Deps, action: CardAction, envelope: Envelope) => Promise<void>;
export type CardAnswer = (deps: Deps, action: CardAction, envelope: Envelope) => Promise<Record<string, unknown>>;

export interface Handlers {
  /** Command name (English or Chinese, lower-case) → handler. */
  commands: Record<string, CommandHandler>;
  /** Any other message the bot should read (free-text replies). */
  onText: MessageHandler | null;
  /** A file sent to the bot (a plan for /import). */
  onFile: MessageHandler | null;
  /** value.action of a card button or form → slow work (queued) and the fast answer. */
  cardActions: Record<string, { work: CardActionHandler; answer?: CardAnswer }>;
}
