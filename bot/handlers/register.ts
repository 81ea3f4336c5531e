/** The single map from event and command to handler (STYLE habit 3). */
import { onPing } from './commands/ping.js';
import { reportCardActions } from './reports/card-actions.js';
import { extendCardActions } from './commands/extend.js';
import { onFileMessage } from './commands/admin/index.js';
import { onText } from './reports/on-text.js';
import type { CommandHandler, Handlers } from './types.js';
import { allCommands } from './commands/all.js';
import { guarded } from './commands/guard.js';

/** Every name of every command (English and Chinese) → its guarded handler. */
function commandMap(): Record<string, CommandHandler> {
  const map: Record<string, CommandHandler> = {};
  for (const spec of allCommands()) for (const name of spec.names) map[name] = guarded(spec);
  return map;
}

export function registerHandlers(extra: Partial<Handlers> = {}): Handlers {
  return {
    commands: { ping: onPing, ...commandMap(), ...extra.commands },
    onText: extra.onText === undefined ? onText : extra.onText,
    onFile: extra.onFile === undefined ? onFileMessage : extra.onFile,
    cardActions: { ...reportCardActions, ...extendCardActions, ...extra.cardActions },
  };
}
