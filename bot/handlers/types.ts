/** What handlers receive. Handlers are small and named by what they do. */
import type { Deps } from '../deps.js';
import type { EvidenceParts } from '../domain/evidence/parts.js';
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
  /** Images, files and links the message carries (佐证材料), and whether it has words besides. */
  evidence: EvidenceParts;
}

export interface CommandContext extends MessageContext {
  command: string;
  args: string;
}

export type CommandHandler = (deps: Deps, ctx: CommandContext) => Promise<void>;
export type MessageHandler = (deps: Deps, ctx: MessageContext) => Promise<void>;
export type CardActionHandler = (deps: Deps, action: CardAction, envelope: Envelope) => Promise<void>;
export type CardAnswer = (deps: Deps, action: CardAction, envelope: Envelope) => Promise<Record<string, unknown>>;

export interface CardActionEntry {
  work: CardActionHandler;
  answer?: CardAnswer;
}

/**
 * The registered handlers. Both tables are keyed by what a user typed or a card carried, so they
 * are Maps: 「/constructor」 or an action named `__proto__` finds nothing rather than Object.prototype.
 */
export interface Handlers {
  /** Command name (English or Chinese, lower-case) → handler. */
  commands: ReadonlyMap<string, CommandHandler>;
  /** Any other message the bot should read (free-text replies). */
  onText: MessageHandler | null;
  /**
   * An image, file or video sent to the bot, or a message of only links or pictures: evidence of a
   * report, or an admin's plan for /import.
   */
  onAttachment: MessageHandler | null;
  /** value.action of a card button or form → slow work (queued) and the fast answer. */
  cardActions: ReadonlyMap<string, CardActionEntry>;
}

/** Extra or replacement handlers (tests, the demo), written as plain objects. */
export interface HandlerOverrides {
  commands?: Record<string, CommandHandler>;
  onText?: MessageHandler | null;
  onAttachment?: MessageHandler | null;
  cardActions?: Record<string, CardActionEntry>;
}
