/** The single map from event and command to handler (STYLE habit 3). */
import { onPing } from './commands/ping.js';
import { reportCardActions } from './reports/card-actions.js';
import { onText } from './reports/on-text.js';
import type { Handlers } from './types.js';

export function registerHandlers(extra: Partial<Handlers> = {}): Handlers {
  return {
    commands: { ping: onPing, ...extra.commands },
    onText: extra.onText === undefined ? onText : extra.onText,
    cardActions: { ...reportCardActions, ...extra.cardActions },
  };
}
