/** The single map from event and command to handler (STYLE habit 3). */
import { onPing } from './commands/ping.js';
import { reportCardActions } from './reports/card-actions.js';
import { extendCardActions } from './commands/extend.js';
import { completionCardActions } from './reports/completion-actions.js';
import { doubtCardActions } from './reports/doubt-actions.js';
import { returnCardActions } from './reports/return-report.js';
import { urgeCardActions } from './leaders/urge.js';
import { instructCardActions } from './instructions/instruct-action.js';
import { carryCardActions } from './commands/admin/carry-actions.js';
import { proposalCardActions } from './proposals/proposal-actions.js';
import { onAttachment } from './evidence/on-attachment.js';
import { onText } from './reports/on-text.js';
import type { CardActionEntry, CommandHandler, HandlerOverrides, Handlers } from './types.js';
import { allCommands } from './commands/all.js';
import { guarded } from './commands/guard.js';

/** Every name of every command (English and Chinese) → its guarded handler. */
function commandMap(): Map<string, CommandHandler> {
  const map = new Map<string, CommandHandler>([['ping', onPing]]);
  for (const spec of allCommands()) for (const name of spec.names) map.set(name, guarded(spec));
  return map;
}

/** Own entries only: a key such as `__proto__` in an override is copied as a plain name. */
function withOverrides<T>(base: Map<string, T>, ...more: (Record<string, T> | undefined)[]): Map<string, T> {
  for (const extra of more) for (const [name, value] of Object.entries(extra ?? {})) base.set(name, value);
  return base;
}

export function registerHandlers(extra: HandlerOverrides = {}): Handlers {
  return {
    commands: withOverrides(commandMap(), extra.commands),
    onText: extra.onText === undefined ? onText : extra.onText,
    onAttachment: extra.onAttachment === undefined ? onAttachment : extra.onAttachment,
    cardActions: withOverrides(
      new Map<string, CardActionEntry>(), reportCardActions, doubtCardActions, extendCardActions, completionCardActions, returnCardActions, urgeCardActions, instructCardActions, carryCardActions, proposalCardActions,
      extra.cardActions,
    ),
  };
}
